import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { peerKeysFor, serviceDatabaseUrl, type LocalSecrets } from '@supervision/kit';
import { LOCAL_DIR, REPO_ROOT } from '../paths';
import type { LevelName } from './scale-data';

/** Every scale data set lives in `.local/scale/<size>/` (git-ignored): its PostgreSQL cluster and manifest. */
export const SCALE_ROOT = join(LOCAL_DIR, 'scale');
export const scaleDataDir = (label: string) => join(SCALE_ROOT, label);

export interface ScaleManifest {
  size: string;
  /** The Tianjin date the records are relative to (due dates, overdue counts). */
  today: string;
  loadedAt: string;
  port: number;
  /** Rows per database and table. */
  rows: Record<LevelName, Record<string, number>>;
  seconds: { migrate: number; copy: number; index: number; total: number };
}

export function readScaleManifest(label: string): ScaleManifest | undefined {
  const file = join(scaleDataDir(label), 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ScaleManifest) : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface PlatformProcess {
  name: string;
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/**
 * Starts a service the way the launcher does (`node dist/main.js` with its environment) and
 * waits for its readiness URL; its output goes to a log file, not to the progress display.
 */
export async function startProcess(
  name: string,
  script: string,
  env: Record<string, string>,
  options: { logDir: string; port: number; nodeArgs?: string[]; readyPath?: string },
): Promise<PlatformProcess> {
  mkdirSync(options.logDir, { recursive: true });
  const log = createWriteStream(join(options.logDir, `${name.replace(/\W+/g, '-')}.log`), { flags: 'a' });
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let dead = false;
  void exited.then(() => (dead = true));
  const base = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`${name} exited before it was ready (see ${options.logDir})`);
    try {
      const response = await fetch(`${base}${options.readyPath ?? '/ready'}`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return { name, child, url: `${base}/graphql`, exited };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} was not ready within 120 s (see ${options.logDir})`);
}

export async function stopProcess(service: PlatformProcess, graceMs = 10_000): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGTERM');
  const timer = setTimeout(() => service.child.kill('SIGKILL'), graceMs);
  await service.exited;
  clearTimeout(timer);
}

export interface SubgraphProcesses {
  processes: Record<LevelName, PlatformProcess>;
  stop(): Promise<void>;
}

/**
 * The three subgraphs as deployed: one process each (`subgraphs/<level>/dist/main.js`), each
 * with its own database, migrations applied and the division list seeded at start-up.
 */
export async function startSubgraphProcesses(options: {
  databaseUrls: Record<LevelName, string>;
  secrets: LocalSecrets;
  logDir: string;
  nodeArgs?: (level: LevelName) => string[];
  env?: Record<string, string>;
}): Promise<SubgraphProcesses> {
  const levels: LevelName[] = ['city', 'district', 'street'];
  const ports = Object.fromEntries(await Promise.all(levels.map(async (level) => [level, await freePort()]))) as Record<LevelName, number>;
  const common = {
    GATEWAY_SECRET: options.secrets.gatewaySecret,
    JWT_PUBLIC_JWK: JSON.stringify(options.secrets.publicJwk),
    CITY_SUBGRAPH_URL: `http://127.0.0.1:${ports.city}/graphql`,
    DISTRICT_SUBGRAPH_URL: `http://127.0.0.1:${ports.district}/graphql`,
    STREET_SUBGRAPH_URL: `http://127.0.0.1:${ports.street}/graphql`,
    SEED_DEMO_DATA: 'false',
    ...options.env,
  };
  const started: PlatformProcess[] = [];
  try {
    await Promise.all(
      levels.map(async (level) => {
        started.push(
          await startProcess(`${level} subgraph`, join(REPO_ROOT, 'subgraphs', level, 'dist', 'main.js'),
            {
              ...common,
              PORT: String(ports[level]),
              // As the launcher does: requests on the service role (row-level security), migrations as the owner.
              DATABASE_URL: serviceDatabaseUrl(options.databaseUrls[level]),
              DATABASE_ADMIN_URL: options.databaseUrls[level],
              // Peer calls (the city-wide lists ask every level for keys) are signed as the launcher signs them.
              PEER_PRIVATE_JWK: JSON.stringify(options.secrets.peerKeyPairs[level].privateJwk),
              PEER_PUBLIC_JWKS: JSON.stringify(peerKeysFor(level, options.secrets.peerKeyPairs).publicJwks),
            },
            { logDir: options.logDir, port: ports[level], nodeArgs: options.nodeArgs?.(level) }),
        );
      }),
    );
  } catch (error) {
    await Promise.all(started.map((service) => stopProcess(service)));
    throw error;
  }
  const processes = Object.fromEntries(levels.map((level) => [level, started.find((s) => s.name === `${level} subgraph`)!])) as Record<LevelName, PlatformProcess>;
  return { processes, stop: () => Promise.all(started.map((service) => stopProcess(service))).then(() => undefined) };
}
