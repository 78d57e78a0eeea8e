import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@supervision/infra';
import type { TestPlatform } from './platform';

/** The real launcher as `npm start` runs it, built by `tsc -b`. */
export const LAUNCHER = join(__dirname, '..', '..', 'infra', 'dist', 'start.js');

export interface LauncherOptions {
  /** One database per level on the test PostgreSQL (`uniqueDatabaseUrls()`). */
  databases: TestPlatform['databaseUrls'];
  /** The gateway's deadline for a subgraph call (`SUBGRAPH_DEADLINE_MS`). */
  deadlineMs: number;
  /** How long the launcher waits before restarting a crashed service (`RESTART_BACKOFF_MS`). */
  restartBackoffMs: number;
  /** The prefix of the private folder the launcher writes its local secrets to. */
  secretsPrefix: string;
  /** Anything else the run sets (peer deadlines, relay timings, rate limits). */
  env?: Record<string, string>;
}

export interface LaunchedPlatform {
  process: ChildProcess;
  ports: { gateway: number; city: number; district: number; street: number };
  gatewayUrl: string;
  secretsDir: string;
  /** Everything the launcher and its services have written so far, stdout and stderr together. */
  output(): string;
  /** The launcher's exit code (null when ended by a signal). */
  exited: Promise<number | null>;
  /** Resolves once the launcher says every service is running; fails after `timeoutMs` with the output. */
  running(timeoutMs?: number): Promise<void>;
  /** SIGTERM, SIGKILL when still running after 15 s; removes the secrets folder. */
  stop(): Promise<void>;
}

/**
 * 启动器 The real launcher (`infra/dist/start.js`) as a child process with its four services on
 * free ports of 127.0.0.1, on the given databases, without demo data, logging warnings only — the
 * environment the reliability tests and the load-and-fault run share.
 */
export async function startLauncher(options: LauncherOptions): Promise<LaunchedPlatform> {
  if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: build first (npx tsc -b)`);
  const ports = { gateway: await freePort(), city: await freePort(), district: await freePort(), street: await freePort() };
  const secretsDir = mkdtempSync(join(tmpdir(), options.secretsPrefix));
  let output = '';
  const child = spawn(process.execPath, [LAUNCHER], {
    env: {
      ...process.env,
      GATEWAY_PORT: String(ports.gateway),
      CITY_PORT: String(ports.city),
      DISTRICT_PORT: String(ports.district),
      STREET_PORT: String(ports.street),
      CITY_DATABASE_URL: options.databases.city,
      DISTRICT_DATABASE_URL: options.databases.district,
      STREET_DATABASE_URL: options.databases.street,
      SECRETS_DIR: secretsDir,
      SEED_DEMO_DATA: 'false',
      RESTART_BACKOFF_MS: String(options.restartBackoffMs),
      SUBGRAPH_DEADLINE_MS: String(options.deadlineMs),
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    ports,
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    secretsDir,
    output: () => output,
    exited,
    async running(timeoutMs = 120_000) {
      for (let waited = 0; !output.includes('is running'); waited += 200) {
        if (waited > timeoutMs) throw new Error(`the platform did not start\n${output}`);
        await sleep(200);
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        // Unref'd: a wait that lost the race must not keep the test process alive for its 15 s.
        await Promise.race([exited, sleep(15_000, undefined, { ref: false })]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      rmSync(secretsDir, { recursive: true, force: true });
    },
  };
}

/** A service's `/health`: its process id, or undefined when it does not answer well. */
export async function serviceHealth(port: number): Promise<{ pid: number } | undefined> {
  const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) });
  return response.ok ? ((await response.json()) as { pid: number }) : undefined;
}
