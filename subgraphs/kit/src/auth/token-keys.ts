import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { jsonText } from '../config/json-text';
import type { JWK, JSONWebKeySet } from 'jose';
import { OIDC_DEFAULT_ALGORITHMS, OIDC_DEFAULT_CLAIMS, PLATFORM_ROLES, type OidcSettings } from './oidc';
import type { Role } from './principal';

/** Where the keys that verify tokens come from; several may be given, all are trusted. */
export interface TokenKeySource {
  /** One public key (the local launcher's). */
  jwk?: JWK;
  /** A key set, e.g. the current and the previous key during a rotation (chosen by `kid`). */
  jwks?: JSONWebKeySet;
  /** An identity provider's JWKS endpoint, fetched and cached by jose, refreshed on an unknown `kid`. */
  jwksUrl?: string;
  /** The organisation's identity provider (OIDC discovery + JWKS, claims mapped): login in production. */
  oidc?: OidcSettings;
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
  // The organisation's identity provider (auth/oidc.ts); README "Login in production".
  OIDC_ISSUER: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_ALGORITHMS: z
    .string()
    .default(OIDC_DEFAULT_ALGORITHMS.join(','))
    .transform((text) => text.split(',').map((alg) => alg.trim()).filter(Boolean))
    .refine((algs) => algs.length > 0 && algs.every((alg) => /^(RS|PS|ES)(256|384|512)$|^EdDSA$/.test(alg)), {
      message: 'must list asymmetric JWS algorithms (RS256, PS256, ES256, EdDSA, …); none and HMAC are refused',
    }),
  OIDC_LEVEL_CLAIM: z.string().min(1).default(OIDC_DEFAULT_CLAIMS.level),
  OIDC_CODE_CLAIM: z.string().min(1).default(OIDC_DEFAULT_CLAIMS.code),
  OIDC_ROLES_CLAIM: z.string().min(1).default(OIDC_DEFAULT_CLAIMS.roles),
  OIDC_NAME_CLAIM: z.string().min(1).default(OIDC_DEFAULT_CLAIMS.name),
  OIDC_ROLE_MAP: z
    .string()
    .transform(jsonText<Record<string, string>>('an object of provider role → platform role'))
    .refine((map) => typeof map === 'object' && map !== null && Object.values(map).every((role) => PLATFORM_ROLES.includes(role)), {
      message: `must map provider roles to platform roles (${PLATFORM_ROLES.join(', ')})`,
    })
    .optional(),
  OIDC_LEVEL_MAP: z.string().transform(jsonText<Record<string, string>>('an object of provider level → city, district or street')).optional(),
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
    oidc: oidcSettingsFromEnv(env),
  };
  if (!source.jwk && !source.jwks && !source.jwksUrl && !source.oidc) {
    throw new Error('no token key: set JWT_PUBLIC_JWK, JWT_PUBLIC_JWKS, JWT_PUBLIC_JWKS_FILE, JWT_JWKS_URL or OIDC_ISSUER');
  }
  return source;
}

/** The identity provider's settings, when `OIDC_ISSUER` is set; its audience and role map are then required. */
export function oidcSettingsFromEnv(env: TokenEnv): OidcSettings | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  if (!env.OIDC_AUDIENCE) throw new Error('OIDC_ISSUER is set: OIDC_AUDIENCE (the platform\'s client id at the provider) is required too');
  if (!env.OIDC_ROLE_MAP || Object.keys(env.OIDC_ROLE_MAP).length === 0) {
    throw new Error('OIDC_ISSUER is set: OIDC_ROLE_MAP (provider role → platform role, JSON) is required too; an unmapped role grants nothing');
  }
  return {
    issuer: env.OIDC_ISSUER,
    audience: env.OIDC_AUDIENCE,
    algorithms: env.OIDC_ALGORITHMS,
    claims: { level: env.OIDC_LEVEL_CLAIM, code: env.OIDC_CODE_CLAIM, roles: env.OIDC_ROLES_CLAIM, name: env.OIDC_NAME_CLAIM },
    roleMap: env.OIDC_ROLE_MAP as Record<string, Role>,
    levelMap: env.OIDC_LEVEL_MAP ?? {},
  };
}

export function tokenPolicyFromEnv(env: TokenEnv): TokenPolicy {
  return { maxLifetimeSeconds: env.TOKEN_MAX_LIFETIME_SECONDS, clockSkewSeconds: env.TOKEN_CLOCK_SKEW_SECONDS };
}
