import { randomUUID } from 'node:crypto';
import { base64url, decodeProtectedHeader, type JWK, type JWTPayload } from 'jose';
import { sm2 } from 'sm-crypto';
import { invalidToken } from '../errors/graphql-errors';
import type { TokenPolicy } from '../auth/token-keys';

/**
 * SM2 签名令牌 JWTs signed with SM2 (GB/T 32918.2, with SM3 and the signer's Z value over the
 * default user id of GM/T 0009, `1234567812345678`). JOSE registers no SM2 algorithm; the
 * platform writes `alg: "SM2"` and the signature as r‖s (64 bytes, base64url), the same layout as
 * ES256, and an SM2 public key as a JWK `{ kty: "EC", crv: "SM2", x, y, kid }`. jose cannot verify
 * it, so the signature goes through sm-crypto and the registered claims are checked here by the
 * same policy as ES256 tokens.
 */
export const SM2_JWT_ALGORITHM = 'SM2';
export const SM2_CURVE = 'SM2';
export const SM2_DEFAULT_USER_ID = '1234567812345678';

export interface Sm2KeyPair {
  /** 32-byte private key, hex. */
  privateKeyHex: string;
  publicJwk: JWK;
}

export function isSm2Jwk(jwk: JWK): boolean {
  return jwk.kty === 'EC' && jwk.crv === SM2_CURVE;
}

/** `04 ‖ x ‖ y` in hex, the form sm-crypto takes. */
export function sm2PublicKeyHex(jwk: JWK): string {
  if (!isSm2Jwk(jwk) || !jwk.x || !jwk.y) throw new Error('not an SM2 public key (kty EC, crv SM2, x, y)');
  const x = Buffer.from(base64url.decode(jwk.x));
  const y = Buffer.from(base64url.decode(jwk.y));
  if (x.length !== 32 || y.length !== 32) throw new Error('an SM2 public key has 32-byte x and y');
  return `04${x.toString('hex')}${y.toString('hex')}`;
}

export function sm2PublicJwk(publicKeyHex: string, kid: string): JWK {
  const bytes = Buffer.from(publicKeyHex, 'hex');
  return {
    kty: 'EC',
    crv: SM2_CURVE,
    x: base64url.encode(bytes.subarray(1, 33)),
    y: base64url.encode(bytes.subarray(33, 65)),
    kid,
    alg: SM2_JWT_ALGORITHM,
  };
}

export function newSm2KeyPair(kid: string = `sm2-${randomUUID()}`): Sm2KeyPair {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return { privateKeyHex: privateKey, publicJwk: sm2PublicJwk(publicKey, kid) };
}

export function signSm2Jwt(payload: JWTPayload, privateKeyHex: string, kid: string): string {
  const header = base64url.encode(JSON.stringify({ alg: SM2_JWT_ALGORITHM, typ: 'JWT', kid }));
  const body = base64url.encode(JSON.stringify(payload));
  const signingInput = `${header}.${body}`;
  const signature = sm2.doSignature(signingInput, privateKeyHex, { hash: true, der: false, userId: SM2_DEFAULT_USER_ID });
  return `${signingInput}.${base64url.encode(Buffer.from(signature, 'hex'))}`;
}

export function isSm2Token(token: string): boolean {
  try {
    return decodeProtectedHeader(token).alg === SM2_JWT_ALGORITHM;
  } catch {
    return false;
  }
}

export interface RegisteredClaimRules {
  issuer: string;
  audience: string;
  policy: TokenPolicy;
}

/**
 * Verifies an SM2 token's signature with the key its `kid` names and checks the registered
 * claims: issuer, audience, `sub`, `exp` (not past), `iat` (present, not ahead of the clock,
 * not older than the longest lifetime), `nbf`, and `exp − iat` within the longest lifetime.
 */
export function verifySm2Jwt(token: string, keys: ReadonlyMap<string, string>, rules: RegisteredClaimRules): JWTPayload {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalidToken('令牌格式错误 / token rejected: ERR_JWS_INVALID');
  const [header, body, signature] = parts;
  let kid: unknown;
  let payload: JWTPayload;
  let signatureHex: string;
  try {
    kid = (JSON.parse(Buffer.from(base64url.decode(header)).toString('utf8')) as { kid?: unknown }).kid;
    payload = JSON.parse(Buffer.from(base64url.decode(body)).toString('utf8')) as JWTPayload;
    signatureHex = Buffer.from(base64url.decode(signature)).toString('hex');
  } catch {
    throw invalidToken('令牌格式错误 / token rejected: ERR_JWS_INVALID');
  }
  const publicKey = typeof kid === 'string' ? keys.get(kid) : undefined;
  if (!publicKey) throw invalidToken('令牌被拒绝 / token rejected: ERR_JWKS_NO_MATCHING_KEY');
  const valid =
    signatureHex.length === 128 &&
    sm2.doVerifySignature(`${header}.${body}`, signatureHex, publicKey, { hash: true, der: false, userId: SM2_DEFAULT_USER_ID });
  if (!valid) throw invalidToken('令牌被拒绝 / token rejected: ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  checkRegisteredClaims(payload, rules);
  return payload;
}

function checkRegisteredClaims(payload: JWTPayload, { issuer, audience, policy }: RegisteredClaimRules): void {
  const now = Math.floor(Date.now() / 1000);
  const skew = policy.clockSkewSeconds;
  const refuse = (detail: string) => invalidToken(`令牌声明无效 / token rejected: ${detail}`);
  if (payload.iss !== issuer) throw refuse('unexpected "iss" claim value');
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(audience)) throw refuse('unexpected "aud" claim value');
  for (const claim of ['sub', 'exp', 'iat'] as const) {
    if (payload[claim] === undefined) throw refuse(`missing required "${claim}" claim`);
  }
  if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') throw refuse('"exp" and "iat" must be numbers');
  if (payload.exp <= now - skew) throw invalidToken('令牌已过期 / token has expired ("exp" claim timestamp check failed)');
  if (payload.iat > now + skew) throw refuse('"iat" claim timestamp check failed (it should be in the past)');
  if (now - payload.iat > policy.maxLifetimeSeconds + skew) throw refuse('"iat" claim timestamp check failed (too far in the past)');
  if (typeof payload.nbf === 'number' && payload.nbf > now + skew) throw refuse('"nbf" claim timestamp check failed');
  const lifetime = payload.exp - payload.iat;
  if (lifetime > policy.maxLifetimeSeconds) {
    throw invalidToken(`令牌有效期过长 / token lifetime of ${lifetime} s exceeds the limit of ${policy.maxLifetimeSeconds} s`);
  }
}
