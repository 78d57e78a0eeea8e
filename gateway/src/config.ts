import { z } from 'zod';
import {
  DEFAULT_LIMITS,
  DEFAULT_SUBGRAPH_DEADLINE_MS,
  DEFAULT_REVOCATION_REFRESH_MS,
  deadlineMsSchema,
  isProductionMode,
  limitsEnvSchema,
  limitsFromEnv,
  logLevelSchema,
  portSchema,
  productionEnvSchema,
  urlSchema,
  tokenEnvSchema,
  tokenKeysFromEnv,
  tokenPolicyFromEnv,
  type LimitProfile,
  type Logger,
  type LogLevel,
  type TokenKeySource,
  type TokenPolicy,
} from '@supervision/kit';
import type { JWK } from 'jose';
import { join } from 'node:path';
import { DEFAULT_RATE_LIMITS, type RateLimitConfig } from './abuse/rate-limits';

export const DEFAULT_SUPERGRAPH_PATH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** Environment of the gateway process. */
export const gatewayEnvSchema = limitsEnvSchema.extend(productionEnvSchema.shape).extend(tokenEnvSchema.shape).extend({
  PORT: portSchema.default(4000),
  HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
  CITY_SUBGRAPH_URL: urlSchema.optional(),
  DISTRICT_SUBGRAPH_URL: urlSchema.optional(),
  STREET_SUBGRAPH_URL: urlSchema.optional(),
  GATEWAY_SECRET: z.string().min(16, 'must be at least 16 characters'),
  // Rate limits: requests per window per client address and per principal (0 turns one off).
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perAddress),
  RATE_LIMIT_PER_PRINCIPAL: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perPrincipal),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.windowSeconds),
  // Origins allowed to call from a browser, comma-separated (none by default).
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((text) => text.split(',').map((origin) => origin.trim()).filter(Boolean)),
  // Express "trust proxy": set when a load balancer sits in front, so the client address is the real one.
  TRUST_PROXY: z.string().optional(),
  SUBGRAPH_DEADLINE_MS: deadlineMsSchema.default(DEFAULT_SUBGRAPH_DEADLINE_MS),
  REVOCATION_REFRESH_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_REVOCATION_REFRESH_MS),
  LOG_LEVEL: logLevelSchema,
});

export interface GatewayConfig {
  port: number;
  host?: string;
  supergraphPath?: string;
  /** Per-subgraph routing URLs that replace the ones written in the supergraph file. */
  subgraphUrls?: Partial<Record<string, string>>;
  /** How often the token deny-list is fetched from the city subgraph (default 5 s). */
  revocationRefreshMs?: number;
  gatewaySecret: string;
  /** The launcher's single public key; `tokenKeys` adds key sets and JWKS URLs. */
  jwtPublicJwk?: JWK;
  tokenKeys?: TokenKeySource;
  tokenPolicy?: TokenPolicy;
  rateLimits?: RateLimitConfig;
  corsOrigins?: string[];
  trustProxy?: string;
  /** Operation limits, deadline and response size (defaults: DEFAULT_LIMITS). */
  limits?: LimitProfile;
  /** Production mode: no introspection for anonymous callers, no "Did you mean" for anyone. */
  production?: boolean;
  log?: (line: string) => void;
  /** Rows per GraphQL page when an export reads a list (default and maximum 100). */
  exportPageSize?: number;
  /** Deadline of one call to a subgraph (default 10 s). */
  subgraphDeadlineMs?: number;
  /** Structured (JSON) logger; by default pino on stdout at `logLevel`, silent when `log` is given (tests). */
  logger?: Logger;
  logLevel?: LogLevel;
  /** Node's own metrics (memory, event loop lag …) on /metrics; one service per process only. */
  processMetrics?: boolean;
}

export function gatewayConfigFromEnv(env: z.infer<typeof gatewayEnvSchema>): GatewayConfig {
  return {
    port: env.PORT,
    host: env.HOST,
    supergraphPath: env.SUPERGRAPH_PATH,
    subgraphUrls: { city: env.CITY_SUBGRAPH_URL, district: env.DISTRICT_SUBGRAPH_URL, street: env.STREET_SUBGRAPH_URL },
    gatewaySecret: env.GATEWAY_SECRET,
    tokenKeys: tokenKeysFromEnv(env),
    tokenPolicy: tokenPolicyFromEnv(env),
    rateLimits: { perAddress: env.RATE_LIMIT_PER_ADDRESS, perPrincipal: env.RATE_LIMIT_PER_PRINCIPAL, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS },
    corsOrigins: env.CORS_ORIGINS,
    trustProxy: env.TRUST_PROXY,
    limits: limitsFromEnv(env, DEFAULT_LIMITS),
    production: isProductionMode(env),
    subgraphDeadlineMs: env.SUBGRAPH_DEADLINE_MS,
    revocationRefreshMs: env.REVOCATION_REFRESH_MS,
    logLevel: env.LOG_LEVEL,
    processMetrics: true,
  };
}
