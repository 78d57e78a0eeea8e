import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  exited: Promise<number | string | null>;
}

export function spawnService(name: string, script: string, env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  return { name, child, exited };
}

/** Polls a health URL until it answers 200; fails early if the process dies meanwhile. */
export async function waitUntilReady(service: ServiceProcess, url: string, timeoutMs = 60_000): Promise<void> {
  let dead = false;
  void service.exited.then(() => (dead = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${service.name} exited before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${service.name} was not ready at ${url} within ${timeoutMs / 1000}s`);
}

/** Asks a process to stop and waits; a process that ignores the request is killed after a grace period. */
export async function stopService(service: ServiceProcess, graceMs = 15_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
}

export interface ServiceSpec {
  name: string;
  script: string;
  env: Record<string, string>;
  /** Answers 200 once the service serves (its /ready). */
  readyUrl: string;
}

export interface BackoffPolicy {
  /** Wait before the first restart; doubled after each restart that does not last. */
  initialMs: number;
  maxMs: number;
  /** A process that ran this long counts as healthy again: its next crash restarts after initialMs. */
  resetAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, maxMs: 15_000, resetAfterMs: 30_000 };

/** Exponential backoff: initial, 2×, 4× … capped; a pure function so that it is tested alone. */
export function restartDelay(policy: BackoffPolicy, consecutiveCrashes: number): number {
  return Math.min(policy.maxMs, policy.initialMs * 2 ** Math.max(0, consecutiveCrashes - 1));
}

interface Supervised {
  spec: ServiceSpec;
  current: ServiceProcess;
  startedAt: number;
  consecutiveCrashes: number;
  restarts: number;
  timer?: NodeJS.Timeout;
}

/**
 * Keeps services running: a service that exits on its own is started again after a backoff,
 * alone. Nothing else is stopped because one service died (the other subgraphs, the gateway
 * and PostgreSQL keep serving), so a crashed level costs only its own fields until it is back.
 */
export class Supervisor {
  private readonly services = new Map<string, Supervised>();
  private stopping = false;

  constructor(
    private readonly options: { backoff?: BackoffPolicy; log?: (line: string) => void } = {},
  ) {}

  private get backoff(): BackoffPolicy {
    return this.options.backoff ?? DEFAULT_BACKOFF;
  }

  private log(line: string): void {
    (this.options.log ?? ((text: string) => console.log(`[launcher] ${text}`)))(line);
  }

  /** Starts a service and waits until it is ready; a service that cannot start the first time is an error. */
  async start(spec: ServiceSpec): Promise<void> {
    const current = spawnService(spec.name, spec.script, spec.env);
    const entry: Supervised = { spec, current, startedAt: Date.now(), consecutiveCrashes: 0, restarts: 0 };
    this.services.set(spec.name, entry);
    try {
      await waitUntilReady(current, spec.readyUrl);
    } catch (error) {
      this.services.delete(spec.name);
      await stopService(current);
      throw error;
    }
    this.watch(entry);
  }

  /** How often a service has been restarted since the launcher started. */
  restarts(name: string): number {
    return this.services.get(name)?.restarts ?? 0;
  }

  private watch(entry: Supervised): void {
    const watched = entry.current;
    void watched.exited.then((code) => {
      if (this.stopping || entry.current !== watched) return;
      const ranMs = Date.now() - entry.startedAt;
      entry.consecutiveCrashes = ranMs >= this.backoff.resetAfterMs ? 1 : entry.consecutiveCrashes + 1;
      const delay = restartDelay(this.backoff, entry.consecutiveCrashes);
      this.log(`${entry.spec.name} exited unexpectedly (${code}) after ${(ranMs / 1000).toFixed(1)}s; restarting in ${delay} ms`);
      entry.timer = setTimeout(() => this.restart(entry), delay);
    });
  }

  private restart(entry: Supervised): void {
    if (this.stopping) return;
    entry.restarts += 1;
    entry.current = spawnService(entry.spec.name, entry.spec.script, entry.spec.env);
    entry.startedAt = Date.now();
    this.watch(entry);
    void waitUntilReady(entry.current, entry.spec.readyUrl).then(
      () => this.log(`${entry.spec.name} is back (restart ${entry.restarts})`),
      // It died again while starting; watch() has already planned the next attempt.
      () => {},
    );
  }

  /** Stops every service, last started first; no restarts from here on. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    const entries = [...this.services.values()].reverse();
    for (const entry of entries) clearTimeout(entry.timer);
    // The gateway (started last) first, so no new request reaches a subgraph that is stopping.
    const [last, ...others] = entries;
    if (last) await stopService(last.current);
    await Promise.all(others.map((entry) => stopService(entry.current)));
  }
}
