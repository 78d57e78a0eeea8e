import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLauncher, serviceHealth as health, type LaunchedPlatform } from '../support/launcher';
import { graphql, uniqueDatabaseUrls } from '../support/platform';

/**
 * The real launcher (`infra/dist/start.js`, built by `npm test`'s `tsc -b`) with its real child
 * processes against the test PostgreSQL: a subgraph killed with SIGKILL is restarted alone while
 * the others keep serving, and SIGTERM stops everything cleanly.
 */
let launched: LaunchedPlatform;
let ports: LaunchedPlatform['ports'];

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}\n${launched.output()}`);
}

async function gatewayReady(): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${ports.gateway}/ready`, { signal: AbortSignal.timeout(3000) });
  return response.status;
}

const DEADLINE_MS = 1_500;

const gatewayUrl = () => launched.gatewayUrl;

beforeAll(async () => {
  launched = await startLauncher({ databases: uniqueDatabaseUrls(), deadlineMs: DEADLINE_MS, restartBackoffMs: 300, secretsPrefix: 'launcher-secrets-' });
  ports = launched.ports;
  await launched.running();
}, 150_000);

afterAll(() => launched?.stop());

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
    const logged = launched
      .output()
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
  const secret = readFileSync(join(launched.secretsDir, 'gateway-secret'), 'utf8').trim();
  const metrics = await fetch(`http://127.0.0.1:${ports.street}/metrics`, { headers: { authorization: `Bearer ${secret}` } });
  const scraped = await metrics.text();
  expect(scraped).toMatch(/^process_resident_memory_bytes\{service="street-subgraph"\} \d+/m);
  expect(scraped).toMatch(/^db_pool_connections\{[^}]*state="free"[^}]*\} \d+/m);
  expect((await fetch(`http://127.0.0.1:${ports.street}/metrics`)).status).toBe(404);

  // Nothing else was restarted.
  expect((await health(ports.city))!.pid).toBe(before.city!.pid);
  expect((await health(ports.district))!.pid).toBe(before.district!.pid);
  expect((await health(ports.gateway))!.pid).toBe(gatewayPid);
  expect(launched.output()).toMatch(/street subgraph exited unexpectedly \(SIGKILL\).*restarting in 300 ms/);
  expect(launched.output()).toContain('street subgraph is back (restart 1)');
}, 90_000);

test('SIGTERM stops every service and the launcher exits cleanly', async () => {
  const pids = await Promise.all([ports.gateway, ports.city, ports.district, ports.street].map(async (port) => (await health(port))!.pid));
  launched.process.kill('SIGTERM');
  await expect(launched.exited).resolves.toBe(0);
  for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  expect(launched.output()).toContain('[launcher] stopped');
}, 60_000);
