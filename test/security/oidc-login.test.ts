import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { discoverOidcProvider, oidcSettingsFromEnv, tokenEnvSchema, type OidcSettings } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * 统一身份认证 Login through the organisation's identity provider: a real HTTP server on
 * 127.0.0.1 plays the provider (discovery document, JWKS, tokens signed with its RSA key), and
 * the real gateway and subgraphs discover it, verify its tokens and map its claims.
 */
const BINHAI = '120116';
const HEPING = '120101';
const AUDIENCE = 'supervision-platform';
const REFRESH_MS = 200;

let provider: Server;
let issuer: string;
let providerKey: KeyLike;
let strangerKey: KeyLike;
let platform: TestPlatform;
/** Discovery may be pointed at another issuer, to show the pin. */
let advertisedIssuer: () => string = () => issuer;

function settings(): OidcSettings {
  return {
    issuer,
    audience: AUDIENCE,
    algorithms: ['RS256'],
    claims: { level: 'org.level', code: 'org.code', roles: 'groups', name: 'name' },
    roleMap: { 'jw-staff': 'commission', 'unit-admin': 'admin' },
    levelMap: { 市: 'city', 区: 'district', 街道: 'street' },
  };
}

async function providerToken(
  claims: JWTPayload & { org?: { level: string; code: string }; groups?: string[] },
  options: { key?: KeyLike; issuer?: string; audience?: string; lifetimeSeconds?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: '王某', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: options.key === strangerKey ? 'stranger' : 'provider-1' })
    .setSubject(claims.sub ?? `idp-${randomUUID()}`)
    .setJti(randomUUID())
    .setIssuer(options.issuer ?? issuer)
    .setAudience(options.audience ?? AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (options.lifetimeSeconds ?? 3600))
    .sign(options.key ?? providerKey);
}

const binhaiStaff = { org: { level: '区', code: BINHAI }, groups: ['jw-staff', 'mail-users'] };
const CHAIN = '{ verifyDistrictAuditChain { valid } }';
const UNITS = (code: string) => `{ district(code: "${code}") { units { id } } }`;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  providerKey = pair.privateKey;
  strangerKey = (await generateKeyPair('RS256')).privateKey;
  const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'provider-1', alg: 'RS256', use: 'sig' }] };
  provider = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/realms/tianjin/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer: advertisedIssuer(), jwks_uri: `${issuer}/protocol/openid-connect/certs`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/realms/tianjin/protocol/openid-connect/certs') {
      res.end(JSON.stringify(jwks));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/realms/tianjin`;
  platform = await startTestPlatform({ tokenKeys: { oidc: settings() }, revocationRefreshMs: REFRESH_MS });
});
afterAll(async () => {
  await platform?.stop();
  await new Promise((resolve) => provider?.close(resolve));
});

describe('login through the identity provider (OIDC discovery + JWKS)', () => {
  it('maps the provider\'s level, code and roles: a district commission reads its own district, not a sibling', async () => {
    const token = await providerToken(binhaiStaff);
    const chain = await graphql<{ verifyDistrictAuditChain: { valid: boolean } }>(platform.gateway.url, CHAIN, { token });
    expect(chain.errors).toBeUndefined();
    expect(chain.data!.verifyDistrictAuditChain.valid).toBe(true);
    expect((await graphql(platform.gateway.url, UNITS(BINHAI), { token })).errors).toBeUndefined();
    const sibling = await graphql(platform.gateway.url, UNITS(HEPING), { token });
    expect(sibling.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('a mapped admin role writes in its jurisdiction; the audit names the provider\'s subject', async () => {
    const subject = `idp-admin-${randomUUID()}`;
    const token = await providerToken({ sub: subject, org: { level: '区', code: BINHAI }, groups: ['unit-admin'] });
    const created = await graphql<{ createDistrictUnit: { id: string } }>(
      platform.gateway.url,
      'mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }',
      { token, variables: { input: { jurisdictionCode: BINHAI, name: '滨海新区统一认证局', kind: 'DEPARTMENT' } } },
    );
    expect(created.errors).toBeUndefined();
    const [entry] = await platform.subgraphs.district.orm.em
      .fork()
      .getConnection()
      .execute<{ actor_subject: string }[]>('select "actor_subject" from "audit_entry" where "entity_id" = ?', [created.data!.createDistrictUnit.id]);
    expect(entry.actor_subject).toBe(subject);
  });

  it('every subgraph verifies the provider\'s token itself', async () => {
    const token = await providerToken(binhaiStaff);
    const direct = await graphql(platform.subgraphs.district.url, CHAIN, { token, headers: { 'x-gateway-secret': platform.secrets.gatewaySecret } });
    expect(direct.errors).toBeUndefined();
  });

  it.each([
    ['another issuer', { issuer: 'http://127.0.0.1:1/realms/other' }],
    ['another audience', { audience: 'some-other-client' }],
    ['a key the provider does not publish', { key: 'stranger' as const }],
    ['a lifetime beyond the platform\'s 12 h', { lifetimeSeconds: 13 * 3600 }],
  ])('refuses a token with %s (401 at the gateway and at a subgraph)', async (_what, variant) => {
    const { key, ...rest } = variant as { key?: 'stranger'; issuer?: string; audience?: string; lifetimeSeconds?: number };
    const token = await providerToken(binhaiStaff, { ...rest, key: key ? strangerKey : undefined });
    const atGateway = await graphql(platform.gateway.url, CHAIN, { token });
    expect(atGateway.status).toBe(401);
    expect(atGateway.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const atSubgraph = await graphql(platform.subgraphs.district.url, CHAIN, { token, headers: { 'x-gateway-secret': platform.secrets.gatewaySecret } });
    expect(atSubgraph.status).toBe(401);
  });

  it('refuses a token whose roles map to no platform role, naming the mapping', async () => {
    const token = await providerToken({ org: { level: '区', code: BINHAI }, groups: ['mail-users', 'visitor'] });
    const response = await graphql(platform.gateway.url, CHAIN, { token });
    expect(response.status).toBe(401);
    expect(response.errors?.[0].message).toContain('OIDC_ROLE_MAP');
  });

  it('refuses a token whose level and code do not fit together', async () => {
    const token = await providerToken({ org: { level: '街道', code: BINHAI }, groups: ['jw-staff'] });
    expect((await graphql(platform.gateway.url, CHAIN, { token })).status).toBe(401);
  });

  it('a revoked provider token is refused at the gateway and in the subgraphs; another session of the person still works', async () => {
    const subject = `idp-staff-${randomUUID()}`;
    const lost = await providerToken({ sub: subject, ...binhaiStaff });
    const kept = await providerToken({ sub: subject, ...binhaiStaff });
    expect((await graphql(platform.gateway.url, CHAIN, { token: lost })).status).toBe(200);
    const cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    const jti = JSON.parse(Buffer.from(lost.split('.')[1], 'base64url').toString('utf8')).jti as string;
    const revoked = await graphql(platform.gateway.url, 'mutation($jti: ID!) { revokeToken(jti: $jti, reason: "设备遗失 / device lost") { jti } }', {
      token: cityCommission,
      variables: { jti },
    });
    expect(revoked.errors).toBeUndefined();
    const refusedAt = async (url: string, headers: Record<string, string> = {}) => {
      for (let attempt = 0; attempt < 25; attempt += 1) {
        const { status } = await graphql(url, CHAIN, { token: lost, headers });
        if (status === 401) return status;
        await new Promise((resolve) => setTimeout(resolve, REFRESH_MS));
      }
      return (await graphql(url, CHAIN, { token: lost, headers })).status;
    };
    expect(await refusedAt(platform.gateway.url)).toBe(401);
    expect(await refusedAt(platform.subgraphs.district.url, { 'x-gateway-secret': platform.secrets.gatewaySecret })).toBe(401);
    expect((await graphql(platform.gateway.url, CHAIN, { token: kept })).status).toBe(200);
  });

  it('the local token tool\'s tokens keep working beside the provider\'s (development)', async () => {
    const local = await platform.token({ level: 'district', code: BINHAI, roles: ['commission'] });
    expect((await graphql(platform.gateway.url, CHAIN, { token: local })).errors).toBeUndefined();
  });
});

describe('configuration of the identity provider', () => {
  it('refuses to start when discovery names another issuer than the one configured (the issuer is pinned)', async () => {
    advertisedIssuer = () => 'https://idp.example.org/realms/tianjin';
    try {
      await expect(discoverOidcProvider(settings())).rejects.toThrow(/names issuer "https:\/\/idp.example.org\/realms\/tianjin", not the configured OIDC_ISSUER/);
    } finally {
      advertisedIssuer = () => issuer;
    }
  });

  it('refuses an unreachable provider at start-up with its address', async () => {
    await expect(discoverOidcProvider({ ...settings(), issuer: 'http://127.0.0.1:1/realms/none' })).rejects.toThrow(/OIDC discovery failed at http:\/\/127.0.0.1:1\/realms\/none/);
  });

  it('reads the settings from the environment and requires the audience and a role map', () => {
    const env = (extra: Record<string, string>) => tokenEnvSchema.parse({ OIDC_ISSUER: 'https://idp.example.org/realms/tianjin', ...extra });
    expect(() => oidcSettingsFromEnv(env({ OIDC_ROLE_MAP: '{"jw":"commission"}' }))).toThrow(/OIDC_AUDIENCE/);
    expect(() => oidcSettingsFromEnv(env({ OIDC_AUDIENCE: AUDIENCE }))).toThrow(/OIDC_ROLE_MAP/);
    expect(() => tokenEnvSchema.parse({ OIDC_ROLE_MAP: '{"jw":"superuser"}' })).toThrow(/platform roles/);
    expect(() => tokenEnvSchema.parse({ OIDC_ALGORITHMS: 'HS256' })).toThrow(/HMAC are refused/);
    expect(
      oidcSettingsFromEnv(
        env({ OIDC_AUDIENCE: AUDIENCE, OIDC_ROLE_MAP: '{"jw-staff":"commission"}', OIDC_LEVEL_CLAIM: 'org.level', OIDC_LEVEL_MAP: '{"区":"district"}' }),
      ),
    ).toEqual({
      issuer: 'https://idp.example.org/realms/tianjin',
      audience: AUDIENCE,
      algorithms: ['RS256', 'ES256', 'PS256'],
      claims: { level: 'org.level', code: 'code', roles: 'roles', name: 'name' },
      roleMap: { 'jw-staff': 'commission' },
      levelMap: { 区: 'district' },
    });
  });
});
