import { startGateway, type RunningGateway } from '@supervision/gateway';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { deadAddress, startDroppingServer, startStalledServer, type FaultServer } from './fault-servers';

/**
 * A level down is a field down, not a request down: the real gateway in front of the real city
 * and district subgraphs, with the street subgraph replaced by a real server that is gone,
 * stalled or dropping connections.
 */
let platform: TestPlatform;
const extra: { stop(): Promise<void> }[] = [];
const DEADLINE_MS = 800;
// Generous: the machine is shared; the point is "about the deadline", not "forever".
const MARGIN_MS = 2_000;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  for (const item of extra.reverse()) await item.stop();
  await platform.stop();
});

/** The real gateway with some subgraphs' addresses replaced. */
async function gatewayWith(replaced: Partial<Record<'city' | 'district' | 'street', string>>): Promise<RunningGateway> {
  const gateway = await startGateway({
    port: 0,
    gatewaySecret: platform.secrets.gatewaySecret,
    jwtPublicJwk: platform.secrets.publicJwk,
    subgraphDeadlineMs: DEADLINE_MS,
    subgraphUrls: { city: platform.subgraphs.city.url, district: platform.subgraphs.district.url, street: platform.subgraphs.street.url, ...replaced },
    log: () => {},
  });
  extra.push(gateway);
  return gateway;
}

const gatewayWithStreetAt = (url: string) => gatewayWith({ street: url });

function track(server: FaultServer): FaultServer {
  extra.push({ stop: () => server.close() });
  return server;
}

const DISTRICTS_WITH_STREETS = '{ city { name districts { code streets { code } } } }';

interface CityAnswer {
  city: { name: string; districts: { code: string; streets: { code: string }[] | null }[] | null } | null;
}

function expectStreetFieldsDown(answer: Awaited<ReturnType<typeof graphql<CityAnswer>>>, code: string): void {
  expect(answer.data?.city?.name).toBe('天津市');
  expect(answer.data?.city?.districts).toHaveLength(16);
  for (const district of answer.data!.city!.districts!) expect(district.streets).toBeNull();
  expect(answer.errors).toHaveLength(1);
  const [error] = answer.errors!;
  expect(error!.extensions).toMatchObject({ code, serviceName: 'street' });
  expect(error!.message).toContain('street');
  // Never the subgraph's address, in the message or anywhere in the error.
  expect(JSON.stringify(error)).not.toMatch(/127\.0\.0\.1|http:|:\d{4,5}\//);
}

test('with the street subgraph gone, the 16 districts arrive with streets: null and one error naming the street subgraph', async () => {
  const gateway = await gatewayWithStreetAt(await deadAddress());
  const answer = await graphql<CityAnswer>(gateway.url, DISTRICTS_WITH_STREETS);
  expect(answer.status).toBe(200);
  expectStreetFieldsDown(answer, 'SUBGRAPH_UNAVAILABLE');
  // The failed call is counted on the gateway's /metrics, per subgraph and outcome.
  const metrics = await fetch(new URL('/metrics', gateway.url), { headers: { authorization: `Bearer ${platform.secrets.gatewaySecret}` } });
  expect(await metrics.text()).toMatch(/subgraph_fetch_duration_seconds_count\{[^}]*subgraph="street",outcome="unavailable"[^}]*\} 1/);
});

test('a stalled street subgraph costs the request its deadline, not forever, and the other fields arrive', async () => {
  const stalled = track(await startStalledServer());
  const gateway = await gatewayWithStreetAt(stalled.url);
  const started = Date.now();
  const answer = await graphql<CityAnswer>(gateway.url, DISTRICTS_WITH_STREETS);
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
  expect(elapsed).toBeLessThan(DEADLINE_MS + MARGIN_MS);
  expectStreetFieldsDown(answer, 'SUBGRAPH_TIMEOUT');
  expect(answer.errors![0]!.message).toContain(`${DEADLINE_MS} ms`);
  // A timeout is not a connection error: the stalled subgraph was not asked twice.
  expect(stalled.hits()).toBe(1);
});

test('a read whose connection drops is sent once more and succeeds', async () => {
  const dropping = track(await startDroppingServer({ drops: 1, target: platform.subgraphs.street.url }));
  const gateway = await gatewayWithStreetAt(dropping.url);
  const answer = await graphql<CityAnswer>(gateway.url, DISTRICTS_WITH_STREETS);
  expect(answer.errors).toBeUndefined();
  const streets = answer.data!.city!.districts!.flatMap((district) => district.streets ?? []);
  expect(streets).toHaveLength(299);
  expect(dropping.hits()).toBe(2);
});

test('a mutation whose connection drops is never sent again', async () => {
  const dropping = track(await startDroppingServer({ drops: 1, target: platform.subgraphs.street.url }));
  const gateway = await gatewayWithStreetAt(dropping.url);
  const admin = await platform.token({ level: 'street', code: '120101001', roles: ['admin'] });
  const answer = await graphql<{ createStreetUnit: { id: string } | null }>(
    gateway.url,
    `mutation($input: CreateUnitInput!) { createStreetUnit(input: $input) { id } }`,
    { token: admin, variables: { input: { jurisdictionCode: '120101001', name: '重试测试办公室', kind: 'DEPARTMENT' } } },
  );
  expect(answer.data).toBeNull();
  expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'street' });
  expect(dropping.hits()).toBe(1);
});

test('with the district subgraph gone, a street still arrives with district: null (references to the level above are nullable too)', async () => {
  const gateway = await gatewayWith({ district: await deadAddress() });
  const answer = await graphql<{ street: { code: string; name: string; district: { name: string } | null } | null }>(
    gateway.url,
    '{ street(code: "120101001") { code name district { code name } } }',
  );
  expect(answer.data?.street).toMatchObject({ code: '120101001', district: null });
  expect(answer.data!.street!.name).toBeTruthy();
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors![0]!.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'district' });
});
