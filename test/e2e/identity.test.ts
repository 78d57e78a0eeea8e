import { SignJWT, generateKeyPair } from 'jose';
import { GATEWAY_SECRET_HEADER, JWT_AUDIENCE, JWT_ISSUER } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const QUERY = '{ city { name } }';

async function expectUnauthenticated(token: string, reason: RegExp): Promise<void> {
  const response = await graphql(platform.gateway.url, QUERY, { token });
  expect(response.status).toBe(401);
  expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(response.errors?.[0].message).toMatch(reason);
  expect(response.data).toBeUndefined();
}

describe('identity at the gateway', () => {
  it('serves a caller with a valid token and an anonymous caller alike for public reads', async () => {
    const token = await platform.token({ level: 'district', code: '120117', roles: ['admin'] });
    expect((await graphql(platform.gateway.url, QUERY, { token })).data).toEqual({ city: { name: '天津市' } });
    expect((await graphql(platform.gateway.url, QUERY)).data).toEqual({ city: { name: '天津市' } });
  });

  it('refuses an expired token', async () => {
    const token = await platform.token({ level: 'city', code: '120000', roles: ['commission'], expiresIn: -60 });
    await expectUnauthenticated(token, /expired/);
  });

  it('refuses a token signed with another key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ level: 'city', code: '120000', roles: ['commission'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('intruder')
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    await expectUnauthenticated(forged, /signature/i);
  });

  it('refuses garbage and a malformed Authorization header', async () => {
    await expectUnauthenticated('not-a-jwt', /token rejected/);
    const response = await graphql(platform.gateway.url, QUERY, { headers: { authorization: 'Basic abc' } });
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a correctly signed token whose claims name a code of the wrong level', async () => {
    const { privateJwk } = platform.secrets;
    const { importJWK } = await import('jose');
    const key = await importJWK(privateJwk, 'ES256');
    const token = await new SignJWT({ level: 'district', code: '120000', roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('someone')
      .setIssuer(JWT_ISSUER)
      .setAudience(JWT_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);
    await expectUnauthenticated(token, /code/);
  });

  it('keeps serving after refusing bad tokens', async () => {
    await Promise.all(Array.from({ length: 5 }, () => graphql(platform.gateway.url, QUERY, { token: 'bad' })));
    expect((await graphql(platform.gateway.url, QUERY)).data).toEqual({ city: { name: '天津市' } });
  });
});

describe('subgraphs accept calls only through the gateway', () => {
  it.each(['city', 'district', 'street'] as const)('the %s subgraph refuses a call without the gateway secret', async (name) => {
    const response = await graphql(platform.subgraphs[name].url, '{ __typename }');
    expect(response.status).toBe(403);
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a wrong secret, and answers the right one', async () => {
    const wrong = await graphql(platform.subgraphs.city.url, '{ __typename }', {
      headers: { [GATEWAY_SECRET_HEADER]: 'x'.repeat(64) },
    });
    expect(wrong.status).toBe(403);
    const right = await graphql(platform.subgraphs.city.url, '{ city { name } }', {
      headers: { [GATEWAY_SECRET_HEADER]: platform.secrets.gatewaySecret },
    });
    expect(right.data).toEqual({ city: { name: '天津市' } });
  });

  it('verifies the token again in the subgraph, even with the gateway secret', async () => {
    const expired = await platform.token({ level: 'city', code: '120000', roles: ['analyst'], expiresIn: -60 });
    const response = await graphql(platform.subgraphs.district.url, '{ districts { code } }', {
      token: expired,
      headers: { [GATEWAY_SECRET_HEADER]: platform.secrets.gatewaySecret },
    });
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('operations endpoints', () => {
  const base = () => new URL(platform.gateway.url).origin;

  it('reports health and readiness of the gateway and every subgraph', async () => {
    expect((await fetch(`${base()}/health`)).status).toBe(200);
    const ready = await fetch(`${base()}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      subgraphs: { city: 'ready', district: 'ready', street: 'ready' },
    });
  });

  it('serves GraphiQL and its scripts from local files', async () => {
    const page = await (await fetch(`${base()}/`)).text();
    const scripts = [...page.matchAll(/(?:src|href)="(\/graphiql\/assets\/[^"]+)"/g)].map((match) => match[1]);
    // the three bundles, the stylesheet and the start script (a file, so the page needs no inline script under the CSP)
    expect(scripts).toHaveLength(5);
    for (const script of scripts) {
      const asset = await fetch(`${base()}${script}`);
      expect(asset.status).toBe(200);
      const text = await asset.text();
      expect(text.length).toBeGreaterThan(script.endsWith('start.js') ? 100 : 1000);
      if (script.endsWith('start.js')) expect(text).toContain('GraphiQL.createFetcher');
    }
    expect(page).not.toMatch(/https?:\/\//);
  });
});
