import { errors, importJWK, jwtVerify, SignJWT, type JWK, type KeyLike } from 'jose';
import { ZodError } from 'zod';
import { invalidToken } from '../errors/graphql-errors';
import { principalFromClaims, type Principal, type Role } from './principal';
import type { Level } from '../jurisdiction/admin-code';

export const JWT_ALGORITHM = 'ES256';
export const JWT_ISSUER = 'supervision-platform';
export const JWT_AUDIENCE = 'supervision-graph';

export type VerifyKey = KeyLike | Uint8Array;

export async function importPublicJwk(jwk: JWK): Promise<VerifyKey> {
  return importJWK(jwk, JWT_ALGORITHM);
}

/**
 * Verifies a bearer token and returns its principal. Every failure — bad signature, expiry,
 * wrong issuer, claims of the wrong shape — becomes UNAUTHENTICATED with a reason a client
 * developer can act on, never a stack trace.
 */
export async function verifyToken(token: string, key: VerifyKey): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [JWT_ALGORITHM],
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    });
    return principalFromClaims(payload);
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw invalidToken('token has expired');
    if (error instanceof ZodError) {
      const detail = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      throw invalidToken(`token claims are invalid (${detail})`);
    }
    if (error instanceof errors.JOSEError) throw invalidToken(`token rejected: ${error.code}`);
    throw error;
  }
}

/** Reads `Authorization: Bearer …`; no header means an anonymous caller, a malformed one is refused. */
export async function principalFromAuthorization(
  header: string | undefined,
  key: VerifyKey,
): Promise<Principal | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) throw invalidToken('Authorization header must be "Bearer <token>"');
  return verifyToken(match[1], key);
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

export async function signToken(request: TokenRequest, privateKey: KeyLike | JWK): Promise<string> {
  const key = 'kty' in privateKey ? await importJWK(privateKey, JWT_ALGORITHM) : privateKey;
  const claims = principalFromClaims({ sub: request.subject, ...request });
  return new SignJWT({ level: claims.level, code: claims.code, roles: [...claims.roles], name: claims.name })
    .setProtectedHeader({ alg: JWT_ALGORITHM })
    .setSubject(claims.subject)
    .setIssuer(JWT_ISSUER)
    .setAudience(JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(key);
}
