import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  startProcess,
  startSubgraphProcesses,
  stopProcess,
  type LevelName,
  type PlatformProcess,
  type SubgraphProcesses,
} from '@supervision/infra';
import type { LocalSecrets } from '@supervision/kit';

// From test/dist/bench/scale (the built bench) or test/bench/scale (ts-jest) alike.
const REPO_ROOT = __dirname.includes(`${join('test', 'dist')}`) ? join(__dirname, '..', '..', '..', '..') : join(__dirname, '..', '..', '..');
const BENCH_DIST = join(REPO_ROOT, 'test', 'dist', 'bench', 'scale');
export const SUPERGRAPH = join(REPO_ROOT, 'schema', 'supergraph.graphql');

export interface ScaleServices {
  subgraphs: SubgraphProcesses;
  gateway: PlatformProcess;
  hive: PlatformProcess;
  hiveNoDedupe: PlatformProcess;
  /** Why Hive Gateway cannot serve this supergraph, when it cannot (its sides are then left out). */
  hiveUnavailable?: string;
  floor: PlatformProcess;
  /** Every process whose peak memory the report shows. */
  all(): PlatformProcess[];
  stop(): Promise<void>;
}

/**
 * The platform as deployed, one process per service (the built `dist/main.js` files, as the
 * launcher starts them), beside the peers it is measured against: Hive Gateway twice (as shipped,
 * and with its request merging off) on the same supergraph and subgraphs, and the SQL floor.
 * `profile` adds `--cpu-prof` to the named services, which write their profiles on exit.
 */
export async function startScaleServices(options: {
  databaseUrls: Record<LevelName, string>;
  secrets: LocalSecrets;
  logDir: string;
  profile?: string[];
  profileDir?: string;
  /** Old-space ceiling (MB) of our gateway and subgraphs (`--max-old-space-size`), to hold their RSS down. */
  heapMb?: number;
  /** Extra environment of the subgraphs (SQL_DEBUG=true to log every statement with its time). */
  subgraphEnv?: Record<string, string>;
}): Promise<ScaleServices> {
  const profileArgs = (name: string) =>
    options.profile?.includes(name) ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir ?? options.logDir}`] : [];
  const ourArgs = (name: string) => [...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []), ...profileArgs(name)];
  const subgraphs = await startSubgraphProcesses({
    databaseUrls: options.databaseUrls,
    secrets: options.secrets,
    logDir: options.logDir,
    nodeArgs: (level) => ourArgs(level),
    // The cross-level relay polls for steps to undo every few seconds; its statements would be
    // counted into the requests' SQL figures, so the bench (which writes no cross-level step) turns it off.
    env: { CROSS_LEVEL_RELAY_MS: '0', ...options.subgraphEnv },
  });
  const started: PlatformProcess[] = [];
  try {
    const urls = Object.fromEntries(Object.entries(subgraphs.processes).map(([level, p]) => [level, p.url])) as Record<LevelName, string>;
    const common = { GATEWAY_SECRET: options.secrets.gatewaySecret, JWT_PUBLIC_JWK: JSON.stringify(options.secrets.publicJwk) };
    const gatewayPort = await freePort();
    const gateway = await startProcess('gateway', join(REPO_ROOT, 'gateway', 'dist', 'main.js'), {
      ...common,
      PORT: String(gatewayPort),
      CITY_SUBGRAPH_URL: urls.city,
      DISTRICT_SUBGRAPH_URL: urls.district,
      STREET_SUBGRAPH_URL: urls.street,
      // The benchmark is one client sending as fast as it can: the per-address and per-token rate
      // limits (abuse protection, which Hive Gateway's sides do not have) would measure the limit.
      RATE_LIMIT_PER_ADDRESS: '0',
      RATE_LIMIT_PER_PRINCIPAL: '0',
    }, { logDir: options.logDir, port: gatewayPort, nodeArgs: ourArgs('gateway') });
    started.push(gateway);

    // Hive Gateway reads routing URLs from the supergraph only: a copy carries this run's ports.
    const supergraph = join(options.logDir, 'supergraph.graphql');
    mkdirSync(options.logDir, { recursive: true });
    writeFileSync(
      supergraph,
      readFileSync(SUPERGRAPH, 'utf8').replace(/@join__graph\(name: "(city|district|street)", url: "[^"]*"\)/g,
        (_, name: LevelName) => `@join__graph(name: "${name}", url: "${urls[name]}")`),
    );
    const hive = async (name: string, deduplicate: boolean) => {
      const port = await freePort();
      const service = await startProcess(name, join(BENCH_DIST, 'hive-gateway.js'), {
        ...common, PORT: String(port), SUPERGRAPH_PATH: supergraph, HIVE_DEDUPLICATE: String(deduplicate),
      }, { logDir: options.logDir, port, readyPath: '/healthcheck', nodeArgs: profileArgs(name) });
      started.push(service);
      return service;
    };
    const hiveDefault = await hive('hive', true);
    const hiveNoDedupe = await hive('hive-no-dedupe', false);
    const hiveUnavailable = await probeHive(hiveDefault, join(options.logDir, 'hive.log'));
    const floorPort = await freePort();
    const floor = await startProcess('sql-floor', join(BENCH_DIST, 'sql-floor.js'), {
      PORT: String(floorPort),
      CITY_DATABASE_URL: options.databaseUrls.city,
      DISTRICT_DATABASE_URL: options.databaseUrls.district,
      STREET_DATABASE_URL: options.databaseUrls.street,
    }, { logDir: options.logDir, port: floorPort });
    started.push(floor);
    return {
      subgraphs,
      gateway,
      hive: hiveDefault,
      hiveNoDedupe,
      hiveUnavailable,
      floor: { ...floor, url: `http://127.0.0.1:${floorPort}` },
      all: () => [...Object.values(subgraphs.processes), ...started],
      stop: async () => {
        await Promise.all(started.map((service) => stopProcess(service)));
        await subgraphs.stop();
      },
    };
  } catch (error) {
    await Promise.all(started.map((service) => stopProcess(service)));
    await subgraphs.stop();
    throw error;
  }
}

/** Hive Gateway loads the supergraph on the first request; a supergraph it refuses fails every request. */
async function probeHive(hive: PlatformProcess, logFile: string): Promise<string | undefined> {
  const response = await fetch(hive.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.data && !body.errors) return undefined;
  await new Promise((resolve) => setTimeout(resolve, 200));
  const log = readFileSync(logFile, 'utf8');
  const message = /message:\S*\s+"(.+)"\s*$/m.exec(log.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), ''))?.[1]?.replace(/\\"/g, '"');
  return `Hive Gateway ${'2.15.1'} cannot load the supergraph: ${message ?? JSON.stringify(body.errors)}`;
}

/** Peak resident memory of a running process (VmHWM, Linux), in MB; null where /proc is not readable. */
export function peakRssMb(service: PlatformProcess): number | null {
  try {
    const status = readFileSync(`/proc/${service.child.pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** A subgraph's `sql_statements_total`, read from its /metrics endpoint (which wants the gateway secret). */
export async function sqlStatements(subgraph: PlatformProcess, gatewaySecret: string): Promise<number> {
  const response = await fetch(subgraph.url.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${gatewaySecret}` } });
  const text = await response.text();
  const samples = [...text.matchAll(/^sql_statements_total(?:\{[^}]*\})? (\d+(?:\.\d+)?)/gm)];
  if (!response.ok || samples.length === 0) throw new Error(`${subgraph.name}: no sql_statements_total on /metrics (HTTP ${response.status})`);
  return samples.reduce((sum, m) => sum + Number(m[1]), 0);
}
