import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { jsonText } from '../config/json-text';
import type { JWK, JSONWebKeySet } from 'jose';

/** Where the keys that verify tokens come from; several may be given, all are trusted. */
export interface TokenKeySource {
  /** One public key (the local launcher's). */
  jwk?: JWK;
  /** A key set, e.g. the current and the previous key during a rotation (chosen by `kid`). */
  jwks?: JSONWebKeySet;
  /** An identity provider's JWKS endpoint, fetched and cached by jose, refreshed on an unknown `kid`. */
  jwksUrl?: string;
}

/** How strictly tokens are judged beyond their signature. */
export interface TokenPolicy {
  /** Longest allowed `exp - iat`, and oldest allowed `iat`, in seconds. */
  maxLifetimeSeconds: number;
  /** Clock difference tolerated between the issuer and this service, in seconds. */
  clockSkewSeconds: number;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = { maxLifetimeSeconds: 12 * 3600, clockSkewSeconds: 60 };

/**
 * The token settings shared by the gateway and every subgraph. At least one key source must be
 * set; `JWT_PUBLIC_JWKS_FILE` is read once at start-up (mount a secret there in production).
 */
export const tokenEnvSchema = z.object({
  JWT_PUBLIC_JWK: z.string().transform(jsonText<JWK>('a JSON Web Key')).optional(),
  JWT_PUBLIC_JWKS: z.string().transform(jsonText<JSONWebKeySet>('a JSON Web Key Set')).optional(),
  JWT_PUBLIC_JWKS_FILE: z.string().optional(),
  JWT_JWKS_URL: z.url().optional(),
  TOKEN_MAX_LIFETIME_SECONDS: z.coerce.number().int().positive().default(DEFAULT_TOKEN_POLICY.maxLifetimeSeconds),
  TOKEN_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(600).default(DEFAULT_TOKEN_POLICY.clockSkewSeconds),
});

type TokenEnv = z.infer<typeof tokenEnvSchema>;

export function tokenKeysFromEnv(env: TokenEnv): TokenKeySource {
  let fileKeys: JSONWebKeySet | undefined;
  if (env.JWT_PUBLIC_JWKS_FILE) {
    const parsed = JSON.parse(readFileSync(env.JWT_PUBLIC_JWKS_FILE, 'utf8')) as JSONWebKeySet | JWK;
    fileKeys = 'keys' in parsed ? (parsed as JSONWebKeySet) : { keys: [parsed as JWK] };
  }
  const keys = [...(env.JWT_PUBLIC_JWKS?.keys ?? []), ...(fileKeys?.keys ?? [])];
  const source: TokenKeySource = {
    jwk: env.JWT_PUBLIC_JWK,
    jwks: keys.length ? { keys } : undefined,
    jwksUrl: env.JWT_JWKS_URL,
  };
  if (!source.jwk && !source.jwks && !source.jwksUrl) {
    throw new Error('no token key: set JWT_PUBLIC_JWK, JWT_PUBLIC_JWKS, JWT_PUBLIC_JWKS_FILE or JWT_JWKS_URL');
  }
  return source;
}

export function tokenPolicyFromEnv(env: TokenEnv): TokenPolicy {
  return { maxLifetimeSeconds: env.TOKEN_MAX_LIFETIME_SECONDS, clockSkewSeconds: env.TOKEN_CLOCK_SKEW_SECONDS };
}
