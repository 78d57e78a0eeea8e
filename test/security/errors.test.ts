import { startGateway, type RunningGateway } from '@supervision/gateway';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const PLAIN = '{ city { code name } }';

async function expectPlainQueryStillAnswers(url = platform.gateway.url): Promise<void> {
  const response = await graphql(url, PLAIN);
  expect(response.status).toBe(200);
  expect(response.data).toEqual({ city: { code: '120000', name: '天津市' } });
}

/** Nothing a client sees may name an internal address, carry a subgraph body or a stack. */
function expectNothingInternal(response: unknown): void {
  const text = JSON.stringify(response);
  expect(text).not.toMatch(/127\.0\.0\.1|localhost|https?:\/\//);
  expect(text).not.toMatch(/"response"|"body"|stacktrace|"exception"/);
  expect(text).not.toMatch(/select |insert |postgres/i);
}

describe('a refused field is refused alone', () => {
  it('answers the public fields of an anonymous request and UNAUTHENTICATED on the protected one, with its path', async () => {
    const response = await graphql<{ districts: { code: string }[]; district: unknown }>(
      platform.gateway.url,
      '{ districts { code } district(code: "120117") { units { id } } }',
    );
    expect(response.status).toBe(200);
    expect(response.data?.districts).toHaveLength(16);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].path).toEqual(['district', 'units']);
    expect(response.errors?.[0].message).toMatch(/需要登录/);
    expectNothingInternal(response);
  });

  it('answers FORBIDDEN on a field of another district, the rest of the request still answered', async () => {
    const token = await platform.token({ level: 'district', code: '120117', roles: ['commission'] });
    const response = await graphql<{ own: { units: unknown[] }; other: unknown }>(
      platform.gateway.url,
      '{ own: district(code: "120117") { units { id } } other: district(code: "120116") { units { id } } }',
      { token },
    );
    expect(response.status).toBe(200);
    expect(response.data?.own.units).toEqual([]);
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(response.errors?.[0].path).toEqual(['other', 'units']);
    expectNothingInternal(response);
  });
});

describe('malformed input is BAD_USER_INPUT', () => {
  let token: string;
  beforeAll(async () => {
    token = await platform.token({ level: 'district', code: '120117', roles: ['admin'] });
  });
  const ITEMS = `query Items($text: String, $after: String) {
    district(code: "120117") { responsibilityItems(first: 5, after: $after, filter: { text: $text }) { totalCount } }
  }`;

  it('refuses a NUL byte in a string variable, naming the field', async () => {
    const response = await graphql(platform.gateway.url, ITEMS, { token, variables: { text: 'a\u0000b' } });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.field).toBe('text');
    expect(response.errors?.[0].message).toMatch(/NUL/);
    await expectPlainQueryStillAnswers();
  });

  it('refuses a NUL byte in an inline string argument', async () => {
    const response = await graphql(platform.gateway.url, '{ district(code: "1201\\u000017") { code } }', { token });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.field).toBe('code');
  });

  it.each([
    "' OR 1=1 --",
    "'; DROP TABLE responsibility_item; --",
    '%',
    '_',
    '\\',
    '"; select pg_sleep(5); --',
    '$1',
  ])('treats SQL meta-characters in a text filter as text: %s', async (text) => {
    const response = await graphql<{ district: { responsibilityItems: { totalCount: number } } }>(platform.gateway.url, ITEMS, {
      token,
      variables: { text },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data?.district.responsibilityItems.totalCount).toBe(0);
  });

  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['not base64 at all', '!!!'],
    ['base64 of garbage', Buffer.from('garbage').toString('base64url')],
    ['a non-UUID id', b64(['2026-01-01T00:00:00.000Z', "1' or '1'='1"])],
    ['a wrong-typed sort value', b64([{ $gt: 1 }, '0192f0c4-0000-7000-8000-000000000000'])],
    ['a sort value that is no timestamp', b64(['yesterday', '0192f0c4-0000-7000-8000-000000000000'])],
    ['a NUL inside', b64(['\u0000', '0192f0c4-0000-7000-8000-000000000000'])],
  ])('refuses a forged cursor (%s)', async (_what, after) => {
    const response = await graphql(platform.gateway.url, ITEMS, { token, variables: { after } });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.field).toBe('after');
    expectNothingInternal(response);
    await expectPlainQueryStillAnswers();
  });
});

describe('internal failures are masked at the gateway', () => {
  let broken: RunningGateway;
  beforeAll(async () => {
    broken = await startGateway({
      port: 0,
      gatewaySecret: platform.secrets.gatewaySecret,
      jwtPublicJwk: platform.secrets.publicJwk,
      // The street subgraph "is down": nothing listens on port 9.
      subgraphUrls: { city: platform.subgraphs.city.url, district: platform.subgraphs.district.url, street: 'http://127.0.0.1:9/graphql' },
      log: () => {},
    });
  });
  afterAll(() => broken?.stop());

  it('names no internal URL when a subgraph cannot be reached, keeping serviceName and path', async () => {
    const response = await graphql(broken.url, '{ district(code: "120117") { code streets { code } } }');
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(response.errors?.[0].message).toBe('内部错误 / internal error');
    expectNothingInternal(response);
    await expectPlainQueryStillAnswers(broken.url);
  });
});

describe('production mode', () => {
  let production: RunningGateway;
  beforeAll(async () => {
    production = await startGateway({
      port: 0,
      gatewaySecret: platform.secrets.gatewaySecret,
      jwtPublicJwk: platform.secrets.publicJwk,
      subgraphUrls: { city: platform.subgraphs.city.url, district: platform.subgraphs.district.url, street: platform.subgraphs.street.url },
      production: true,
      log: () => {},
    });
  });
  afterAll(() => production?.stop());

  const INTROSPECTION = '{ __schema { queryType { name } } }';

  it('refuses introspection to anonymous callers and allows it with a token', async () => {
    const anonymous = await graphql(production.url, INTROSPECTION);
    expect(anonymous.errors?.[0].extensions?.code).toBe('INTROSPECTION_DISABLED');
    expect(anonymous.data).toBeUndefined();
    const token = await platform.token({ level: 'city', code: '120000', roles: ['analyst'] });
    const signedIn = await graphql(production.url, INTROSPECTION, { token });
    expect(signedIn.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    await expectPlainQueryStillAnswers(production.url);
  });

  it('gives no "Did you mean" suggestions, to anyone', async () => {
    const token = await platform.token({ level: 'city', code: '120000', roles: ['analyst'] });
    const response = await graphql(production.url, '{ city { nam } }', { token });
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0].message).not.toMatch(/Did you mean/);
    // outside production mode the suggestion is there (so the test above shows the switch works)
    const development = await graphql(platform.gateway.url, '{ city { nam } }', { token });
    expect(development.errors?.[0].message).toMatch(/Did you mean/);
  });
});
