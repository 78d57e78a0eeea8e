import { Client } from 'pg';
import { graphql, startTestPlatform, testServerUrl, type TestPlatform } from '../support/platform';

/**
 * PostgreSQL ends a service's connections (an administrator's pg_terminate_backend, a failover,
 * a proxy's idle timeout): the pool replaces them and the service keeps answering, no restart.
 */
let platform: TestPlatform;
let admin: Client;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = new Client({ connectionString: `${testServerUrl()}/postgres` });
  await admin.connect();
});

afterAll(async () => {
  await admin.end();
  await platform.stop();
});

async function terminateConnectionsTo(databaseUrl: string): Promise<number> {
  const database = new URL(databaseUrl).pathname.slice(1);
  const result = await admin.query<{ pid: number; terminated: boolean }>(
    'select pid, pg_terminate_backend(pid) as terminated from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
  const ended = result.rows.filter((row) => row.terminated).map((row) => row.pid);
  await untilBackendsExit(ended);
  return ended.length;
}

/**
 * pg_terminate_backend only signals: the backend sends its FATAL message and exits a moment
 * later. The pools learn of the end from that message, so the test waits for the exits (as a
 * failover is over before clients retry) rather than racing a query against the signal.
 */
async function untilBackendsExit(pids: number[]): Promise<void> {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const alive = await admin.query('select 1 from pg_stat_activity where pid = any($1::int[])', [pids]);
    if (alive.rowCount === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`backends ${pids.join(', ')} still running 5 s after pg_terminate_backend`);
}

const QUERY = '{ city { name districts { code streets { code } } } }';

test('after every connection of every level is terminated, the next queries are answered by new connections', async () => {
  const first = await graphql<{ city: { districts: unknown[] } }>(platform.gateway.url, QUERY);
  expect(first.errors).toBeUndefined();
  const before = await platform.subgraphs.district.orm.em.fork().getConnection().execute<{ pid: number }[]>('select pg_backend_pid() as pid');

  const terminated =
    (await terminateConnectionsTo(platform.databaseUrls.city)) +
    (await terminateConnectionsTo(platform.databaseUrls.district)) +
    (await terminateConnectionsTo(platform.databaseUrls.street));
  expect(terminated).toBeGreaterThanOrEqual(3);

  for (let round = 0; round < 3; round++) {
    const answer = await graphql<{ city: { districts: { streets: unknown[] }[] } }>(platform.gateway.url, QUERY);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.city.districts.flatMap((district) => district.streets)).toHaveLength(299);
  }
  const after = await platform.subgraphs.district.orm.em.fork().getConnection().execute<{ pid: number }[]>('select pg_backend_pid() as pid');
  expect(after[0]!.pid).not.toBe(before[0]!.pid);
  for (const level of ['city', 'district', 'street'] as const) {
    const ready = await fetch(new URL('/ready', platform.subgraphs[level].url));
    expect(ready.status).toBe(200);
  }
});

test('/ready is false while the database refuses connections and true again after, without a restart', async () => {
  const database = new URL(platform.databaseUrls.district).pathname.slice(1);
  const ready = async (url: string) => (await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(5000) })).status;
  expect(await ready(platform.subgraphs.district.url)).toBe(200);
  await admin.query(`alter database "${database}" allow_connections false`);
  try {
    await terminateConnectionsTo(platform.databaseUrls.district);
    expect(await ready(platform.subgraphs.district.url)).toBe(503);
    const body = await (await fetch(new URL('/ready', platform.subgraphs.district.url))).json();
    expect(JSON.stringify(body)).not.toContain(database);
    // The gateway is not ready while one of its subgraphs is not.
    expect(await ready(platform.gateway.url)).toBe(503);
  } finally {
    await admin.query(`alter database "${database}" allow_connections true`);
  }
  expect(await ready(platform.subgraphs.district.url)).toBe(200);
  expect(await ready(platform.gateway.url)).toBe(200);
  const answer = await graphql<{ districts: unknown[] }>(platform.gateway.url, '{ districts { code } }');
  expect(answer.data?.districts).toHaveLength(16);
});
