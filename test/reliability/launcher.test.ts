import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { graphql, uniqueDatabaseUrls } from '../support/platform';

/**
 * The real launcher (`infra/dist/start.js`, built by `npm test`'s `tsc -b`) with its real child
 * processes against the test PostgreSQL: a subgraph killed with SIGKILL is restarted alone while
 * the others keep serving, and SIGTERM stops everything cleanly.
 */
const LAUNCHER = join(__dirname, '..', '..', 'infra', 'dist', 'start.js');

let launcher: ChildProcess;
let output = '';
let exited: Promise<number | null>;
const secretsDir = mkdtempSync(join(tmpdir(), 'launcher-secrets-'));
let ports: { gateway: number; city: number; district: number; street: number };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}\n${output}`);
}

async function health(port: number): Promise<{ pid: number } | undefined> {
  const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) });
  return response.ok ? ((await response.json()) as { pid: number }) : undefined;
}

async function gatewayReady(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${ports.gateway}/ready`, { signal: AbortSignal.timeout(3000) });
  return response.status;
}

const DEADLINE_MS = 1_500;

const gatewayUrl = () => `http://127.0.0.1:${ports.gateway}/graphql`;

beforeAll(async () => {
  if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: build first (npx tsc -b)`);
  ports = { gateway: await freePort(), city: await freePort(), district: await freePort(), street: await freePort() };
  const databases = uniqueDatabaseUrls();
  launcher = spawn(process.execPath, [LAUNCHER], {
    env: {
      ...process.env,
      GATEWAY_PORT: String(ports.gateway),
      CITY_PORT: String(ports.city),
      DISTRICT_PORT: String(ports.district),
      STREET_PORT: String(ports.street),
      CITY_DATABASE_URL: databases.city,
      DISTRICT_DATABASE_URL: databases.district,
      STREET_DATABASE_URL: databases.street,
      SECRETS_DIR: secretsDir,
      SEED_DEMO_DATA: 'false',
      RESTART_BACKOFF_MS: '300',
      SUBGRAPH_DEADLINE_MS: String(DEADLINE_MS),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  exited = new Promise((resolve) => launcher.once('exit', (code) => resolve(code)));
  await until('the platform to start', async () => (output.includes('is running') ? true : undefined), 120_000, 200);
}, 150_000);

afterAll(async () => {
  if (launcher.exitCode === null) {
    launcher.kill('SIGKILL');
    await exited;
  }
  rmSync(secretsDir, { recursive: true, force: true });
});

test('a subgraph stopped with SIGSTOP costs a request its deadline; the other levels\' fields arrive', async () => {
  const street = (await health(ports.street))!.pid;
  process.kill(street, 'SIGSTOP');
  try {
    const started = Date.now();
    const answer = await graphql<{ city: { name: string; districts: { code: string; streets: unknown[] | null }[] } }>(
      gatewayUrl(),
      '{ city { name districts { code streets { code } } } }',
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 3_000);
    expect(answer.data!.city.districts).toHaveLength(16);
    expect(answer.data!.city.districts.every((district) => district.streets === null)).toBe(true);
    expect(answer.errors?.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'street' })]);
    // The gateway's process logged it as a JSON line, under the request's id.
    const logged = output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === 'subgraph call failed' && line.subgraph === 'street');
    expect(logged).toMatchObject({ service: 'gateway', level: 'warn', outcome: 'timeout', requestId: expect.any(String) });
  } finally {
    process.kill(street, 'SIGCONT');
  }
  // A stopped process has not exited: nothing was restarted, and it serves again once continued.
  expect((await health(ports.street))!.pid).toBe(street);
  const again = await graphql<{ city: { districts: { streets: unknown[] | null }[] } }>(gatewayUrl(), '{ city { districts { streets { code } } } }');
  expect(again.errors).toBeUndefined();
}, 60_000);

test('a killed subgraph is restarted alone with backoff; the others keep serving and /ready follows it', async () => {
  const before = { city: await health(ports.city), district: await health(ports.district), street: await health(ports.street) };
  const gatewayPid = (await health(ports.gateway))!.pid;
  process.kill(before.street!.pid, 'SIGKILL');

  // While the street level is down: the district subgraph answers, the gateway says not ready,
  // and a query across the levels gets the districts with streets: null.
  const notReady = await until('the gateway to report not ready', async () => ((await gatewayReady()) === 503 ? true : undefined), 10_000, 20);
  expect(notReady).toBe(true);
  const districts = await graphql<{ districts: { code: string }[] }>(gatewayUrl(), '{ districts { code } }');
  expect(districts.data?.districts).toHaveLength(16);

  // Back after its backoff, under a new process, and answering through the gateway.
  const after = await until('the street subgraph to come back', async () => {
    const now = await health(ports.street);
    return now && now.pid !== before.street!.pid ? now : undefined;
  });
  expect(after.pid).not.toBe(before.street!.pid);
  await until('the gateway to be ready again', async () => ((await gatewayReady()) === 200 ? true : undefined));
  const streets = await graphql<{ city: { districts: { streets: unknown[] | null }[] } }>(gatewayUrl(), '{ city { districts { streets { code } } } }');
  expect(streets.errors).toBeUndefined();
  expect(streets.data!.city.districts.flatMap((district) => district.streets ?? [])).toHaveLength(299);

  // The new process serves metrics (its own process figures among them) to a scraper with the secret.
  const secret = readFileSync(join(secretsDir, 'gateway-secret'), 'utf8').trim();
  const metrics = await fetch(`http://127.0.0.1:${ports.street}/metrics`, { headers: { authorization: `Bearer ${secret}` } });
  const scraped = await metrics.text();
  expect(scraped).toMatch(/^process_resident_memory_bytes\{service="street-subgraph"\} \d+/m);
  expect(scraped).toMatch(/^db_pool_connections\{[^}]*state="free"[^}]*\} \d+/m);
  expect((await fetch(`http://127.0.0.1:${ports.street}/metrics`)).status).toBe(404);

  // Nothing else was restarted.
  expect((await health(ports.city))!.pid).toBe(before.city!.pid);
  expect((await health(ports.district))!.pid).toBe(before.district!.pid);
  expect((await health(ports.gateway))!.pid).toBe(gatewayPid);
  expect(output).toMatch(/street subgraph exited unexpectedly \(SIGKILL\).*restarting in 300 ms/);
  expect(output).toContain('street subgraph is back (restart 1)');
}, 90_000);

test('SIGTERM stops every service and the launcher exits cleanly', async () => {
  const pids = await Promise.all([ports.gateway, ports.city, ports.district, ports.street].map(async (port) => (await health(port))!.pid));
  launcher.kill('SIGTERM');
  await expect(exited).resolves.toBe(0);
  for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  expect(output).toContain('[launcher] stopped');
}, 60_000);
