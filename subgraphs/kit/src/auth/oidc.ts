import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { invalidToken } from '../errors/graphql-errors';
import { principalFromClaims, ROLES, type Principal, type Role } from './principal';
import type { TokenPolicy } from './token-keys';

/**
 * 统一身份认证 How the organisation's identity provider is trusted and how its claims become a
 * principal. Everything here is configuration (`OIDC_*`, see README): the provider is found by
 * OIDC discovery from its issuer, its keys come from the `jwks_uri` it names, and its claims are
 * mapped to the platform's level, jurisdiction code and roles.
 */
export interface OidcSettings {
  /** The issuer, exactly as the provider's discovery document and its tokens' `iss` state it (pinned). */
  issuer: string;
  /** The `aud` tokens must carry: the platform's client id at the provider. */
  audience: string;
  /** Signature algorithms accepted from the provider (never `none` or HMAC). */
  algorithms: string[];
  /** Claim names (dotted for nested claims, e.g. `org.level`) holding level, code, roles and display name. */
  claims: { level: string; code: string; roles: string; name: string };
  /** Provider role → platform role; a provider role not listed grants nothing. */
  roleMap: Record<string, Role>;
  /** Provider level value → platform level; values not listed are taken as they are (`city`, `district`, `street`). */
  levelMap: Record<string, string>;
}

export const OIDC_DEFAULT_ALGORITHMS = ['RS256', 'ES256', 'PS256'];
export const OIDC_DEFAULT_CLAIMS: OidcSettings['claims'] = { level: 'level', code: 'code', roles: 'roles', name: 'name' };

/** What discovery yields: the provider's own statement of its issuer and where its keys are. */
export interface OidcProvider {
  settings: OidcSettings;
  keys: JWTVerifyGetKey;
  jwksUri: string;
}

const DISCOVERY_PATH = '/.well-known/openid-configuration';
const DISCOVERY_TIMEOUT_MS = 5000;

/**
 * Fetches the discovery document once, at start-up (a service that cannot reach its identity
 * provider fails fast with the reason). The document must name the configured issuer exactly:
 * a provider answering for another issuer is refused, as OIDC Discovery 1.0 §4.3 requires.
 */
export async function discoverOidcProvider(settings: OidcSettings): Promise<OidcProvider> {
  const url = `${settings.issuer.replace(/\/$/, '')}${DISCOVERY_PATH}`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (error) {
    throw new Error(`OIDC discovery failed at ${url}: ${(error as Error).message}`);
  }
  if (document.issuer !== settings.issuer) {
    throw new Error(`OIDC discovery at ${url} names issuer ${JSON.stringify(document.issuer)}, not the configured OIDC_ISSUER ${JSON.stringify(settings.issuer)}`);
  }
  if (typeof document.jwks_uri !== 'string') throw new Error(`OIDC discovery at ${url} names no jwks_uri`);
  const jwksUri = new URL(document.jwks_uri);
  return { settings, keys: createRemoteJWKSet(jwksUri), jwksUri: jwksUri.href };
}

function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), payload);
}

/** The provider's claims as a principal: mapped level, code as given, the platform roles the provider's roles map to. */
export function principalFromOidcClaims(payload: JWTPayload, settings: OidcSettings): Principal {
  const rawLevel = claimAt(payload, settings.claims.level);
  const rawRoles = claimAt(payload, settings.claims.roles);
  const providerRoles = Array.isArray(rawRoles) ? rawRoles.map(String) : typeof rawRoles === 'string' ? rawRoles.split(/[\s,]+/).filter(Boolean) : [];
  const roles = [...new Set(providerRoles.map((role) => settings.roleMap[role]).filter((role): role is Role => role !== undefined))];
  if (roles.length === 0) {
    throw invalidToken(
      `令牌中的角色未映射到平台角色 / none of the token's roles (${providerRoles.join(', ') || 'none'}) is mapped to a platform role (OIDC_ROLE_MAP)`,
    );
  }
  const level = typeof rawLevel === 'string' ? (settings.levelMap[rawLevel] ?? rawLevel) : rawLevel;
  const code = claimAt(payload, settings.claims.code);
  const name = claimAt(payload, settings.claims.name);
  return principalFromClaims({
    sub: payload.sub,
    level,
    code: typeof code === 'number' ? String(code) : code,
    roles,
    name: typeof name === 'string' ? name : undefined,
    jti: payload.jti,
    iat: payload.iat,
  });
}

/**
 * Verifies a token of the identity provider: its signature by a key of the provider's JWKS, the
 * pinned issuer and audience, an accepted algorithm, `exp`, `sub` and `iat` present and the
 * lifetime within the platform's policy (sessions expire), then maps its claims.
 */
export async function verifyOidcToken(token: string, provider: OidcProvider, policy: TokenPolicy): Promise<Principal> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, provider.keys, {
      algorithms: provider.settings.algorithms,
      issuer: provider.settings.issuer,
      audience: provider.settings.audience,
      requiredClaims: ['exp', 'sub', 'iat'],
      maxTokenAge: policy.maxLifetimeSeconds,
      clockTolerance: policy.clockSkewSeconds,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw invalidToken(`令牌已过期 / token has expired (${error.message})`);
    if (error instanceof errors.JWTClaimValidationFailed) throw invalidToken(`令牌声明无效 / token rejected: ${error.message}`);
    if (error instanceof errors.JOSEError) throw invalidToken(`令牌被拒绝 / token rejected: ${error.code}`);
    throw error;
  }
  const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
  if (lifetime > policy.maxLifetimeSeconds) {
    throw invalidToken(`令牌有效期过长 / token lifetime of ${lifetime} s exceeds the limit of ${policy.maxLifetimeSeconds} s`);
  }
  try {
    return principalFromOidcClaims(payload, provider.settings);
  } catch (error) {
    if (error instanceof Error && error.name === 'ZodError') {
      throw invalidToken(`令牌声明无法映射 / the provider's claims do not map to a principal (level, code and roles: ${error.message.slice(0, 300)})`);
    }
    throw error;
  }
}

/** The platform roles, for validating `OIDC_ROLE_MAP`. */
export const PLATFORM_ROLES: readonly string[] = ROLES;
