import { randomUUID } from 'node:crypto';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors,
  importJWK,
  jwtVerify,
  SignJWT,
  type JWK,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { ZodError } from 'zod';
import { isSm2Jwk, isSm2Token, signSm2Jwt, sm2PublicKeyHex, verifySm2Jwt } from '../crypto/sm2-token';
import { invalidToken } from '../errors/graphql-errors';
import { discoverOidcProvider, verifyOidcToken } from './oidc';
import { principalFromClaims, type Principal, type Role } from './principal';
import type { Level } from '../jurisdiction/admin-code';
import { DEFAULT_TOKEN_POLICY, type TokenKeySource, type TokenPolicy } from './token-keys';

/** The one algorithm accepted: `alg: none`, HS256 signed with the public key and the rest are refused. */
export const JWT_ALGORITHM = 'ES256';
export const JWT_ISSUER = 'supervision-platform';
export const JWT_AUDIENCE = 'supervision-graph';

export type VerifyKey = KeyLike | Uint8Array;

export async function importPublicJwk(jwk: JWK): Promise<VerifyKey> {
  return importJWK(jwk, JWT_ALGORITHM);
}

/** Verifies tokens against every configured key, choosing by `kid`, under one policy. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export async function createTokenVerifier(source: TokenKeySource, policy: TokenPolicy = DEFAULT_TOKEN_POLICY): Promise<TokenVerifier> {
  // Every local key gets its `kid` (a thumbprint when the file has none), so tokens that name
  // their key find it and a set holding the old and the new key serves a rotation.
  const all = [...(source.jwks?.keys ?? []), ...(source.jwk ? [source.jwk] : [])];
  // SM2 keys (crv "SM2") verify SM2 tokens by their `kid`; jose knows neither, so they are kept apart.
  const sm2Keys = new Map<string, string>();
  for (const jwk of all.filter(isSm2Jwk)) {
    if (!jwk.kid) throw new Error('an SM2 token key needs a kid');
    sm2Keys.set(jwk.kid, sm2PublicKeyHex(jwk));
  }
  const local: JWK[] = await Promise.all(
    all.filter((jwk) => !isSm2Jwk(jwk)).map(async (jwk) => ({ ...jwk, kid: jwk.kid ?? (await keyId(jwk)) })),
  );
  // Import once now, so a malformed key stops the service at start-up, not at the first request.
  await Promise.all(local.map((jwk) => importJWK(jwk, JWT_ALGORITHM)));
  const localSet = local.length ? createLocalJWKSet({ keys: local }) : undefined;
  const remoteSet = source.jwksUrl ? createRemoteJWKSet(new URL(source.jwksUrl)) : undefined;
  const resolvers = [localSet, remoteSet].filter((set): set is NonNullable<typeof set> => set !== undefined);
  const key: JWTVerifyGetKey = async (header, token) => {
    let lastError: unknown;
    for (const resolve of resolvers) {
      try {
        return await resolve(header, token);
      } catch (error) {
        lastError = error;
      }
    }
    throw lastError ?? new errors.JWKSNoMatchingKey();
  };
  const sm2Rules = { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, policy };
  // The identity provider is discovered once, at start-up; its tokens are told apart by their issuer.
  const oidc = source.oidc ? await discoverOidcProvider(source.oidc) : undefined;
  return {
    verify: async (token) => {
      if (oidc && issuerOf(token) === oidc.settings.issuer) return verifyOidcToken(token, oidc, policy);
      // An SM2 token is accepted only where an SM2 key is configured; elsewhere it meets the ES256 pin and is refused.
      if (sm2Keys.size > 0 && isSm2Token(token)) return principalOf(() => verifySm2Jwt(token, sm2Keys, sm2Rules));
      return verifyToken(token, key, policy);
    },
  };
}

/** The unverified `iss`, only to choose the verifier; the chosen one checks it again with the signature. */
function issuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

function principalOf(verify: () => unknown): Principal {
  const payload = verify();
  try {
    return principalFromClaims(payload);
  } catch (error) {
    if (error instanceof ZodError) {
      const detail = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw invalidToken(`令牌声明无效 / token claims are invalid (${detail})`);
    }
    throw error;
  }
}

/**
 * Verifies a bearer token and returns its principal. Beyond the signature: the algorithm, the
 * issuer and the audience are pinned, `iat` is required and may not lie in the future (beyond
 * the skew), and `exp - iat` may not exceed the maximum lifetime. Every failure becomes
 * UNAUTHENTICATED with a reason a client developer can act on, never a stack trace.
 */
export async function verifyToken(token: string, key: VerifyKey | JWTVerifyGetKey, policy: TokenPolicy = DEFAULT_TOKEN_POLICY): Promise<Principal> {
  try {
    const options = {
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      requiredClaims: ['exp', 'sub', 'iat'],
      maxTokenAge: policy.maxLifetimeSeconds,
      clockTolerance: policy.clockSkewSeconds,
    };
    const { payload } =
      typeof key === 'function' ? await jwtVerify(token, key, options) : await jwtVerify(token, key, options);
    const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
    if (lifetime > policy.maxLifetimeSeconds) {
      throw invalidToken(`令牌有效期过长 / token lifetime of ${lifetime} s exceeds the limit of ${policy.maxLifetimeSeconds} s`);
    }
    return principalFromClaims(payload);
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw invalidToken(`令牌已过期 / token has expired (${error.message})`);
    if (error instanceof errors.JWTClaimValidationFailed) throw invalidToken(`令牌声明无效 / token rejected: ${error.message}`);
    if (error instanceof ZodError) {
      const detail = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw invalidToken(`令牌声明无效 / token claims are invalid (${detail})`);
    }
    if (error instanceof errors.JOSEError) throw invalidToken(`令牌被拒绝 / token rejected: ${error.code}`);
    throw error;
  }
}

/** Reads `Authorization: Bearer …`; no header means an anonymous caller, a malformed one is refused. */
export async function principalFromAuthorization(header: string | undefined, verifier: TokenVerifier): Promise<Principal | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw invalidToken('Authorization 请求头须为 "Bearer <令牌>" / Authorization header must be "Bearer <token>"');
  return verifier.verify(match[1]);
}

export interface TokenRequest {
  subject: string;
  level: Level;
  code: string;
  roles: Role[];
  name?: string;
  /** A jose time span such as "8h" or a number of seconds. */
  expiresIn?: string | number;
}

/** A key id derived from the key itself, so the same key always carries the same `kid`. */
export async function keyId(jwk: JWK): Promise<string> {
  const { kty, crv, x, y, e, n } = jwk;
  return calculateJwkThumbprint({ kty, crv, x, y, e, n } as JWK);
}

export async function signToken(request: TokenRequest, privateKey: KeyLike | JWK): Promise<string> {
  const isJwk = 'kty' in privateKey;
  const key = isJwk ? await importJWK(privateKey, JWT_ALGORITHM) : privateKey;
  const kid = isJwk ? ((privateKey as JWK).kid ?? (await keyId(privateKey as JWK))) : undefined;
  const claims = principalFromClaims({ sub: request.subject, ...request });
  return new SignJWT({ level: claims.level, code: claims.code, roles: [...claims.roles], name: claims.name })
    .setProtectedHeader({ alg: JWT_ALGORITHM, ...(kid ? { kid } : {}) })
    .setSubject(claims.subject)
    .setJti(randomUUID())
    .setIssuer(JWT_ISSUER)
    .setAudience(JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(key);
}

/** A token signed with SM2 (`crypto/sm2-token.ts`), for deployments whose identity service issues SM2. */
export function signSm2Token(request: TokenRequest, key: { privateKeyHex: string; kid: string }, lifetimeSeconds = 8 * 3600): string {
  const claims = principalFromClaims({ sub: request.subject, ...request });
  const iat = Math.floor(Date.now() / 1000);
  return signSm2Jwt(
    {
      level: claims.level,
      code: claims.code,
      roles: [...claims.roles],
      name: claims.name,
      sub: claims.subject,
      jti: randomUUID(),
      iss: JWT_ISSUER,
      aud: JWT_AUDIENCE,
      iat,
      exp: iat + lifetimeSeconds,
    },
    key.privateKeyHex,
    key.kid,
  );
}
