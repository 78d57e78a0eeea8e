import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { createHmac } from 'node:crypto';
import { startGateway, type RunningGateway } from '@supervision/gateway';
import { JWT_AUDIENCE, JWT_ISSUER, newKeyPair, signToken } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const PROTECTED = '{ district(code: "120117") { units { id } } }';
const CLAIMS = { level: 'district', code: '120117', roles: ['admin'] };
const now = () => Math.floor(Date.now() / 1000);

async function expectRefused(token: string, reason: RegExp, url = platform.gateway.url): Promise<void> {
  const response = await graphql(url, PROTECTED, { token });
  expect(response.status).toBe(401);
  expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(response.errors?.[0].message).toMatch(reason);
  expect(response.data).toBeUndefined();
  // and a plain query right after still answers
  expect((await graphql(url, '{ city { code } }')).data).toEqual({ city: { code: '120000' } });
}

async function signed(build: (jwt: SignJWT) => SignJWT, key?: JWK): Promise<string> {
  const jwk = key ?? platform.secrets.privateJwk;
  const jwt = build(new SignJWT(CLAIMS).setProtectedHeader({ alg: 'ES256', kid: jwk.kid }).setSubject('attacker').setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE));
  return jwt.sign(await importJWK(jwk, 'ES256'));
}

describe('tokens the platform refuses', () => {
  it('accepts a well-formed token (the baseline for the refusals below)', async () => {
    const token = await platform.token({ level: 'district', code: '120117', roles: ['admin'] });
    const response = await graphql(platform.gateway.url, PROTECTED, { token });
    expect(response.errors).toBeUndefined();
  });

  it('refuses alg:none', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify({ ...CLAIMS, sub: 'x', iss: JWT_ISSUER, aud: JWT_AUDIENCE, iat: now(), exp: now() + 600 }));
    await expectRefused(`${header}.${payload}.`, /ERR_JOSE_ALG_NOT_ALLOWED|ERR_JWS_INVALID/);
  });

  it('refuses HS256 signed with the public key as the secret', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify({ ...CLAIMS, sub: 'x', iss: JWT_ISSUER, aud: JWT_AUDIENCE, iat: now(), exp: now() + 600 }));
    const signature = createHmac('sha256', JSON.stringify(platform.secrets.publicJwk)).update(`${header}.${payload}`).digest('base64url');
    await expectRefused(`${header}.${payload}.${signature}`, /ERR_JOSE_ALG_NOT_ALLOWED/);
  });

  it('refuses a token signed by another key', async () => {
    const { privateJwk } = await newKeyPair();
    await expectRefused(await signed((jwt) => jwt.setIssuedAt().setExpirationTime('1h'), privateJwk), /ERR_JWKS_NO_MATCHING_KEY|signature/i);
  });

  it('refuses an expired token', async () => {
    await expectRefused(await signed((jwt) => jwt.setIssuedAt(now() - 7200).setExpirationTime(now() - 3600)), /令牌已过期/);
  });

  it('refuses a token issued a year in the future', async () => {
    await expectRefused(await signed((jwt) => jwt.setIssuedAt(now() + 365 * 86400).setExpirationTime(now() + 365 * 86400 + 3600)), /should be in the past/);
  });

  it('refuses a token that lives 100 years', async () => {
    await expectRefused(await signed((jwt) => jwt.setIssuedAt().setExpirationTime(now() + 100 * 365 * 86400)), /有效期过长.*exceeds the limit of 43200 s/);
  });

  it('refuses a token without iat', async () => {
    await expectRefused(await signed((jwt) => jwt.setExpirationTime('1h')), /iat/);
  });

  it('refuses a wrong issuer and a wrong audience', async () => {
    await expectRefused(await signed((jwt) => jwt.setIssuedAt().setExpirationTime('1h').setIssuer('someone-else')), /iss/);
    await expectRefused(await signed((jwt) => jwt.setIssuedAt().setExpirationTime('1h').setAudience('another-graph')), /aud/);
  });

  it('tolerates a clock a few seconds ahead (within the skew)', async () => {
    const token = await signed((jwt) => jwt.setIssuedAt(now() + 20).setExpirationTime(now() + 3600));
    expect((await graphql(platform.gateway.url, PROTECTED, { token })).errors).toBeUndefined();
  });

  it('a subgraph applies the same rules on its own (a forged token sent with the gateway secret)', async () => {
    const token = await signed((jwt) => jwt.setIssuedAt(now() + 365 * 86400).setExpirationTime(now() + 365 * 86400 + 3600));
    const response = await fetch(platform.subgraphs.district.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-secret': platform.secrets.gatewaySecret, authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: PROTECTED }),
    });
    expect(response.status).toBe(401);
  });
});

describe('key rotation and key sources', () => {
  let jwksServer: Server;
  let rotated: RunningGateway;
  let remote: RunningGateway;
  const next = newKeyPair();

  beforeAll(async () => {
    const { publicJwk } = await next;
    // The old key and the new key side by side, as during a rotation.
    rotated = await startGateway({
      port: 0,
      gatewaySecret: platform.secrets.gatewaySecret,
      tokenKeys: { jwks: { keys: [platform.secrets.publicJwk, publicJwk] } },
      subgraphUrls: { city: platform.subgraphs.city.url, district: platform.subgraphs.district.url, street: platform.subgraphs.street.url },
      log: () => {},
    });
    jwksServer = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    remote = await startGateway({
      port: 0,
      gatewaySecret: platform.secrets.gatewaySecret,
      tokenKeys: { jwksUrl: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json` },
      subgraphUrls: { city: platform.subgraphs.city.url, district: platform.subgraphs.district.url, street: platform.subgraphs.street.url },
      log: () => {},
    });
  });
  afterAll(async () => {
    await rotated?.stop();
    await remote?.stop();
    jwksServer?.close();
  });

  const ME = '{ city { code } }';
  it('verifies tokens of the old and of the new key, chosen by kid', async () => {
    const { privateJwk } = await next;
    const old = await platform.token({ level: 'city', code: '120000', roles: ['analyst'] });
    const fresh = await signToken({ subject: 'new', level: 'city', code: '120000', roles: ['analyst'] }, privateJwk);
    expect((await graphql(rotated.url, ME, { token: old })).status).toBe(200);
    expect((await graphql(rotated.url, ME, { token: fresh })).status).toBe(200);
    // the platform's own gateway knows only the old key
    expect((await graphql(platform.gateway.url, ME, { token: fresh })).status).toBe(401);
  });

  it('verifies against a JWKS URL', async () => {
    const { privateJwk } = await next;
    const fresh = await signToken({ subject: 'new', level: 'city', code: '120000', roles: ['analyst'] }, privateJwk);
    expect((await graphql(remote.url, ME, { token: fresh })).status).toBe(200);
    const old = await platform.token({ level: 'city', code: '120000', roles: ['analyst'] });
    expect((await graphql(remote.url, ME, { token: old })).status).toBe(401);
  });

  it('keeps a generated key pair consistent: both halves carry the same kid', async () => {
    const { privateJwk, publicJwk } = await next;
    expect(privateJwk.kid).toBeDefined();
    expect(privateJwk.kid).toBe(publicJwk.kid);
    const other = await exportJWK((await generateKeyPair('ES256')).publicKey);
    expect(other.kid).toBeUndefined();
  });
});
