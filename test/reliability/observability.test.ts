import { Writable } from 'node:stream';
import { citySubgraph } from '@supervision/city';
import { districtSubgraph } from '@supervision/district';
import { startGateway, type RunningGateway } from '@supervision/gateway';
import {
  createLogger,
  ephemeralSecrets,
  GATEWAY_SECRET_HEADER,
  peerKeysFor,
  signToken,
  startSubgraph,
  type LocalSecrets,
  type RunningSubgraph,
} from '@supervision/kit';
import { streetSubgraph } from '@supervision/street';
import { uniqueDatabaseUrls } from '../support/platform';

/**
 * Structured logs and metrics of the real platform: every service logs JSON lines into a
 * buffer here, and the tests follow one request id from the gateway through the subgraphs and
 * a peer call, and scrape /metrics over HTTP as Prometheus would.
 */
type LogLine = Record<string, unknown> & { service: string; msg: string; requestId?: string; subject?: string | null };
const lines: LogLine[] = [];
const raw: string[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const text of chunk.toString().split('\n').filter(Boolean)) {
      raw.push(text);
      lines.push(JSON.parse(text) as LogLine);
    }
    done();
  },
});

let secrets: LocalSecrets;
let gateway: RunningGateway;
let subgraphs: RunningSubgraph[];
let commissionToken: string;
let districtToken: string;

beforeAll(async () => {
  secrets = await ephemeralSecrets();
  const databases = uniqueDatabaseUrls();
  const common = { port: 0, gatewaySecret: secrets.gatewaySecret, jwtPublicJwk: secrets.publicJwk, log: () => {} };
  subgraphs = await Promise.all([
    startSubgraph(citySubgraph, { ...common, databaseUrl: databases.city, peerKeys: peerKeysFor('city', secrets.peerKeyPairs), logger: createLogger('city-subgraph', 'info', sink) }),
    startSubgraph(districtSubgraph, { ...common, databaseUrl: databases.district, peerKeys: peerKeysFor('district', secrets.peerKeyPairs), logger: createLogger('district-subgraph', 'info', sink) }),
    startSubgraph(streetSubgraph, { ...common, databaseUrl: databases.street, peerKeys: peerKeysFor('street', secrets.peerKeyPairs), logger: createLogger('street-subgraph', 'info', sink) }),
  ]);
  const [city, district, street] = subgraphs as [RunningSubgraph, RunningSubgraph, RunningSubgraph];
  for (const running of subgraphs) {
    running.peers.set('city', city.url);
    running.peers.set('district', district.url);
    running.peers.set('street', street.url);
  }
  gateway = await startGateway({
    ...common,
    subgraphUrls: { city: city.url, district: district.url, street: street.url },
    logger: createLogger('gateway', 'info', sink),
  });
  commissionToken = await signToken({ subject: 'obs-commission-1', level: 'city', code: '120000', roles: ['commission'] }, secrets.privateJwk);
  districtToken = await signToken({ subject: 'obs-district-admin', level: 'district', code: '120101', roles: ['admin'] }, secrets.privateJwk);
});

afterAll(async () => {
  await gateway.stop();
  await Promise.all(subgraphs.map((running) => running.stop()));
});

async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ requestId: string | null; body: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] } }> {
  const response = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { requestId: response.headers.get('x-request-id'), body: (await response.json()) as never };
}

/** pino writes asynchronously to its stream; give it a moment. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

test('the gateway makes a request id, answers with it, and every service logs the request under it with the subject, never the token', async () => {
  const answer = await post({ query: 'query CityDistricts { city { name districts { code } } }' }, { authorization: `Bearer ${commissionToken}` });
  expect(answer.body.errors).toBeUndefined();
  expect(answer.requestId).toMatch(/^[0-9a-f-]{36}$/);
  await settle();
  const mine = lines.filter((line) => line.requestId === answer.requestId && line.msg === 'graphql request');
  expect(mine.map((line) => line.service).sort()).toEqual(['city-subgraph', 'district-subgraph', 'gateway']);
  for (const line of mine) {
    expect(line.subject).toBe('obs-commission-1');
    expect(line.level).toBe('info');
    expect(typeof line.ms).toBe('number');
  }
  expect(mine.find((line) => line.service === 'gateway')!.operation).toBe('CityDistricts');
  const everything = raw.join('\n');
  expect(everything).not.toContain(commissionToken);
  expect(everything).not.toContain(commissionToken.split('.')[2]!);
  expect(everything).not.toContain(secrets.gatewaySecret);
});

test("a client's own request id is kept and reaches the subgraph that a peer call asks", async () => {
  // The district asks the city whether the directive is addressed to it: a peer call.
  const answer = await post(
    { query: 'mutation Ack { acknowledgeCityDirective(directiveId: "0190a5a0-0000-7000-8000-00000000abcd") { id } }' },
    { authorization: `Bearer ${districtToken}`, 'x-request-id': 'client-req-0001' },
  );
  expect(answer.requestId).toBe('client-req-0001');
  expect(answer.body.errors?.length).toBeGreaterThan(0);
  await settle();
  const mine = lines.filter((line) => line.requestId === 'client-req-0001');
  const services = new Set(mine.map((line) => line.service));
  expect(services).toEqual(new Set(['gateway', 'district-subgraph', 'city-subgraph']));
  expect(mine.every((line) => line.subject === 'obs-district-admin')).toBe(true);
  // A header that would be a log-injection vector is replaced, not copied.
  const odd = await post({ query: '{ city { name } }' }, { 'x-request-id': 'forged" level="info' });
  expect(odd.requestId).toMatch(/^[0-9a-f-]{36}$/);
});

test('evidence bytes and variables never reach the log', async () => {
  const bytes = Buffer.from('机密证据 secret evidence bytes '.repeat(20)).toString('base64');
  await post(
    {
      query: 'mutation Record($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { id } }',
      variables: { input: { cadreId: '0190a5a0-0000-7000-8000-000000000002', kind: 'MEETING', occurredOn: '2025-01-02', summary: '会议', attachments: [{ name: 'a.pdf', contentType: 'application/pdf', contentBase64: bytes }] } },
    },
    { authorization: `Bearer ${districtToken}` },
  );
  await settle();
  expect(raw.join('\n')).not.toContain(bytes.slice(0, 40));
});

/** One sample's value from Prometheus' text format, whatever the order of its labels ('/…' matches a pattern). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]));
    const matches = ([key, value]: [string, string]) =>
      value.startsWith('/') ? new RegExp(value.slice(1)).test(found[key] ?? '') : found[key] === value;
    if (Object.entries(labels).every(matches)) return Number(match[3]);
  }
  return undefined;
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { headers });
  return { status: response.status, text: await response.text() };
}

test('/metrics of the gateway and every subgraph: closed to the public, open with the gateway secret', async () => {
  await post({ query: 'query CityDistricts { city { districts { code } } }' });
  await post({ query: 'query BadCode { district(code: "12") { name } }' });
  const gatewayMetrics = new URL('/metrics', gateway.url).toString();
  expect((await scrape(gatewayMetrics)).status).toBe(404);
  expect((await scrape(gatewayMetrics, { authorization: 'Bearer wrong-secret-wrong-secret' })).status).toBe(404);
  const { status, text } = await scrape(gatewayMetrics, { authorization: `Bearer ${secrets.gatewaySecret}` });
  expect(status).toBe(200);
  expect(sample(text, 'graphql_requests_total', { operation: 'CityDistricts', service: 'gateway' })).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'graphql_request_duration_seconds_bucket', { operation: 'CityDistricts', le: '+Inf' })).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'graphql_errors_total', { operation: 'BadCode', code: 'BAD_USER_INPUT' })).toBe(1);
  expect(sample(text, 'subgraph_fetch_duration_seconds_count', { subgraph: 'district', outcome: 'ok' })).toBeGreaterThanOrEqual(1);

  for (const running of subgraphs) {
    const url = new URL('/metrics', running.url).toString();
    expect((await scrape(url)).status).toBe(404);
    const scraped = await scrape(url, { [GATEWAY_SECRET_HEADER]: secrets.gatewaySecret });
    expect(scraped.status).toBe(200);
    expect(sample(scraped.text, 'db_pool_connections', { state: 'used' })).toBeGreaterThanOrEqual(0);
    expect(sample(scraped.text, 'db_pool_connections', { state: 'free' })).toBeGreaterThanOrEqual(1);
    expect(sample(scraped.text, 'db_pool_max_connections', {})).toBe(10);
    expect(sample(scraped.text, 'sql_statements_total', {})).toBeGreaterThanOrEqual(1);
  }
  const district = await scrape(new URL('/metrics', subgraphs[1]!.url).toString(), { authorization: `Bearer ${secrets.gatewaySecret}` });
  expect(sample(district.text, 'graphql_requests_total', { operation: '/^CityDistricts__district__\\d+$', service: 'district-subgraph' })).toBeGreaterThanOrEqual(1);
});
