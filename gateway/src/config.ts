import { z } from 'zod';
import { DEFAULT_SUBGRAPH_DEADLINE_MS, deadlineMsSchema, logLevelSchema, portSchema, urlSchema, type Logger, type LogLevel } from '@supervision/kit';
import type { JWK } from 'jose';
import { join } from 'node:path';

export const DEFAULT_SUPERGRAPH_PATH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** Environment of the gateway process. */
export const gatewayEnvSchema = z.object({
  PORT: portSchema.default(4000),
  HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().default(DEFAULT_SUPERGRAPH_PATH),
  CITY_SUBGRAPH_URL: urlSchema.optional(),
  DISTRICT_SUBGRAPH_URL: urlSchema.optional(),
  STREET_SUBGRAPH_URL: urlSchema.optional(),
  GATEWAY_SECRET: z.string().min(16, 'must be at least 16 characters'),
  SUBGRAPH_DEADLINE_MS: deadlineMsSchema.default(DEFAULT_SUBGRAPH_DEADLINE_MS),
  LOG_LEVEL: logLevelSchema,
  JWT_PUBLIC_JWK: z.string().transform((text, ctx) => {
    try {
      return JSON.parse(text) as JWK;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON Web Key (JSON text)' });
      return z.NEVER;
    }
  }),
});

export interface GatewayConfig {
  port: number;
  host?: string;
  supergraphPath?: string;
  /** Per-subgraph routing URLs that replace the ones written in the supergraph file. */
  subgraphUrls?: Partial<Record<string, string>>;
  gatewaySecret: string;
  jwtPublicJwk: JWK;
  /** Deadline of one call to a subgraph (default 10 s). */
  subgraphDeadlineMs?: number;
  log?: (line: string) => void;
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
    subgraphDeadlineMs: env.SUBGRAPH_DEADLINE_MS,
    logLevel: env.LOG_LEVEL,
    processMetrics: true,
    jwtPublicJwk: env.JWT_PUBLIC_JWK,
  };
}
