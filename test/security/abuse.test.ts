import { startGateway, type RunningGateway } from '@supervision/gateway';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const PLAIN = '{ city { code } }';

function gatewayOptions(extra: Partial<Parameters<typeof startGateway>[0]>): Parameters<typeof startGateway>[0] {
  return {
    port: 0,
    gatewaySecret: platform.secrets.gatewaySecret,
    jwtPublicJwk: platform.secrets.publicJwk,
    subgraphUrls: { city: platform.subgraphs.city.url, district: platform.subgraphs.district.url, street: platform.subgraphs.street.url },
    log: () => {},
    ...extra,
  };
}

describe('rate limits', () => {
  let limited: RunningGateway;
  beforeAll(async () => {
    limited = await startGateway(gatewayOptions({ rateLimits: { perAddress: 8, perPrincipal: 3, windowSeconds: 60 } }));
  });
  afterAll(() => limited?.stop());

  it('limits one principal, answering 429 with Retry-After and a GraphQL error, while another principal goes on', async () => {
    const first = await platform.token({ subject: 'busy-analyst', level: 'city', code: '120000', roles: ['analyst'] });
    const second = await platform.token({ subject: 'other-analyst', level: 'city', code: '120000', roles: ['analyst'] });
    for (let i = 0; i < 3; i += 1) expect((await graphql(limited.url, PLAIN, { token: first })).status).toBe(200);
    const response = await fetch(limited.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first}` },
      body: JSON.stringify({ query: PLAIN }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0].message).toMatch(/请求过于频繁.*too many requests/);
    expect((await graphql(limited.url, PLAIN, { token: second })).status).toBe(200);
  });

  it('limits one client address across anonymous callers and tokens', async () => {
    // 5 requests used above; 3 more reach the address limit of 8
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await graphql(limited.url, PLAIN)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // the platform's own gateway (another process in real life) is untouched
    expect((await graphql(platform.gateway.url, PLAIN)).status).toBe(200);
  });
});

describe('HTTP hardening', () => {
  let withCors: RunningGateway;
  beforeAll(async () => {
    withCors = await startGateway(gatewayOptions({ corsOrigins: ['https://dashboard.example.cn'] }));
  });
  afterAll(() => withCors?.stop());

  const origin = (url: string) => new URL(url).origin;

  it.each(['/graphql', '/', '/graphiql/assets/start.js', '/health'])('the gateway sends security headers and no X-Powered-By on %s', async (path) => {
    const response = await fetch(new URL(path, origin(platform.gateway.url)), path === '/graphql' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PLAIN }) } : {});
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('serves GraphiQL with no inline script, so the strict CSP holds', async () => {
    const page = await (await fetch(new URL('/', origin(platform.gateway.url)))).text();
    expect(page).toMatch(/<script src="\/graphiql\/assets\/start.js">/);
    expect(page).not.toMatch(/<script>/);
  });

  it.each(['city', 'district', 'street'] as const)('the %s subgraph sends security headers and no X-Powered-By', async (name) => {
    for (const path of ['/health', '/graphql']) {
      const response = await fetch(new URL(path, origin(platform.subgraphs[name].url)), { method: path === '/graphql' ? 'POST' : 'GET' });
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('answers CORS only for an allowed origin', async () => {
    const preflight = (from: string) =>
      fetch(withCors.url, { method: 'OPTIONS', headers: { origin: from, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });
    const allowed = await preflight('https://dashboard.example.cn');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.cn');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const foreign = await preflight('https://evil.example.com');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    // the default (no allow-list) lets no origin in
    const closed = await fetch(platform.gateway.url, { method: 'OPTIONS', headers: { origin: 'https://dashboard.example.cn', 'access-control-request-method': 'POST' } });
    expect(closed.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses an oversized body with 413 and a GraphQL error, then answers a plain query', async () => {
    const huge = JSON.stringify({ query: PLAIN, variables: { padding: 'x'.repeat(17 * 1024 * 1024) } });
    const response = await fetch(platform.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await graphql(platform.gateway.url, PLAIN)).data).toEqual({ city: { code: '120000' } });
  });
});

describe('audit trail and chain', () => {
  it('lets only the level\'s own commission (or one above) verify a chain', async () => {
    const VERIFY_CITY = '{ verifyCityAuditChain { valid } }';
    for (const [level, code] of [['district', '120117'], ['street', '120101001']] as const) {
      const token = await platform.token({ level, code, roles: ['commission'] });
      const response = await graphql(platform.gateway.url, VERIFY_CITY, { token });
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.errors?.[0].path).toEqual(['verifyCityAuditChain']);
    }
    const street = await platform.token({ level: 'street', code: '120101001', roles: ['commission'] });
    expect((await graphql(platform.gateway.url, '{ verifyDistrictAuditChain { valid } }', { token: street })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const city = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    expect((await graphql(platform.gateway.url, VERIFY_CITY, { token: city })).data).toEqual({ verifyCityAuditChain: { valid: true } });
    const district = await platform.token({ level: 'district', code: '120117', roles: ['commission'] });
    expect((await graphql(platform.gateway.url, '{ verifyDistrictAuditChain { valid } }', { token: district })).data).toEqual({ verifyDistrictAuditChain: { valid: true } });
  });

  it('answers a trail the same way whether the record exists in another jurisdiction or not at all', async () => {
    const admin = await platform.token({ level: 'district', code: '120116', roles: ['admin'] });
    const created = await graphql<{ createDistrictUnit: { id: string } }>(
      platform.gateway.url,
      'mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }',
      { token: admin, variables: { input: { jurisdictionCode: '120116', name: '滨海新区审计探测单位', kind: 'PARTY_COMMITTEE' } } },
    );
    expect(created.errors).toBeUndefined();
    const TRAIL = 'query($id: ID!) { districtAuditTrail(entityType: UNIT, entityId: $id) { action } }';
    const neighbour = await platform.token({ level: 'district', code: '120117', roles: ['commission'] });
    const foreign = await graphql(platform.gateway.url, TRAIL, { token: neighbour, variables: { id: created.data!.createDistrictUnit.id } });
    const missing = await graphql(platform.gateway.url, TRAIL, { token: neighbour, variables: { id: '0192f0c4-0000-7000-8000-0000000000ff' } });
    expect(foreign).toEqual(missing);
    expect(foreign).toEqual({ status: 200, data: { districtAuditTrail: [] } });
    // the owner still sees it
    const own = await graphql(platform.gateway.url, TRAIL, { token: admin, variables: { id: created.data!.createDistrictUnit.id } });
    expect(own.data).toEqual({ districtAuditTrail: [{ action: 'create' }] });
  });
});
