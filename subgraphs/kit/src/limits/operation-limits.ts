import { z } from 'zod';

/** How big one GraphQL operation may be. Checked after parsing, before planning or execution. */
export interface OperationLimits {
  /** Nesting depth of fields (fragments flattened). */
  depth: number;
  /** Aliased fields in one operation (alias bombs: 1,000 copies of an expensive field). */
  aliases: number;
  /** Directives in one operation (`@include` repeated thousands of times). */
  directives: number;
  /** Lexical tokens in the document; the parser stops counting past this. */
  tokens: number;
  /** Estimated cost: every field costs 1, a list multiplies what is below it (see estimate-cost.ts). */
  cost: number;
}

/** Limits for callers with a verified token and the stricter ones for anonymous callers. */
export interface LimitProfile {
  authenticated: OperationLimits;
  anonymous: OperationLimits;
  /** Characters of query text; refused before the parser sees it. */
  maxQueryLength: number;
  /** Work on one request stops after this many milliseconds. */
  deadlineMs: number;
  /** A serialised response larger than this is replaced by an error. */
  maxResponseBytes: number;
  /** Size assumed for a list field without a `first`/`limit` argument. */
  defaultListSize: number;
}

/**
 * The platform's own operations (dashboard, README examples, tests) stay well inside these:
 * the deepest real query is about 8 levels (city → districts → streets → units → tasks → …).
 */
export const DEFAULT_LIMITS: LimitProfile = {
  authenticated: { depth: 12, aliases: 30, directives: 30, tokens: 5000, cost: 200_000 },
  anonymous: { depth: 8, aliases: 10, directives: 10, tokens: 1000, cost: 20_000 },
  maxQueryLength: 50_000,
  deadlineMs: 15_000,
  maxResponseBytes: 20 * 1024 * 1024,
  defaultListSize: 20,
};

/**
 * A subgraph checks the operation the gateway planned, which is smaller than the client's, but
 * `_entities` carries every representation of a fetch, so its cost allows for wide fetches.
 */
export const DEFAULT_SUBGRAPH_LIMITS: LimitProfile = {
  ...DEFAULT_LIMITS,
  authenticated: { ...DEFAULT_LIMITS.authenticated, cost: 2_000_000 },
  anonymous: { ...DEFAULT_LIMITS.anonymous, cost: 200_000 },
  // The gateway's own deadline must fire first so its client gets the gateway's answer.
  deadlineMs: DEFAULT_LIMITS.deadlineMs + 5_000,
  maxResponseBytes: DEFAULT_LIMITS.maxResponseBytes * 2,
};

const positive = z.coerce.number().int().positive();

/**
 * Environment variables for the limits, the same names in the gateway and in every subgraph
 * (each process reads its own, so a subgraph can be stricter than the gateway in front of it).
 */
export const limitsEnvSchema = z.object({
  LIMIT_DEPTH: positive.optional(),
  LIMIT_ALIASES: positive.optional(),
  LIMIT_DIRECTIVES: positive.optional(),
  LIMIT_TOKENS: positive.optional(),
  LIMIT_COST: positive.optional(),
  ANONYMOUS_LIMIT_DEPTH: positive.optional(),
  ANONYMOUS_LIMIT_ALIASES: positive.optional(),
  ANONYMOUS_LIMIT_DIRECTIVES: positive.optional(),
  ANONYMOUS_LIMIT_TOKENS: positive.optional(),
  ANONYMOUS_LIMIT_COST: positive.optional(),
  LIMIT_QUERY_LENGTH: positive.optional(),
  REQUEST_DEADLINE_MS: positive.optional(),
  MAX_RESPONSE_BYTES: positive.optional(),
});

export function limitsFromEnv(env: z.infer<typeof limitsEnvSchema>, defaults: LimitProfile): LimitProfile {
  return {
    authenticated: {
      depth: env.LIMIT_DEPTH ?? defaults.authenticated.depth,
      aliases: env.LIMIT_ALIASES ?? defaults.authenticated.aliases,
      directives: env.LIMIT_DIRECTIVES ?? defaults.authenticated.directives,
      tokens: env.LIMIT_TOKENS ?? defaults.authenticated.tokens,
      cost: env.LIMIT_COST ?? defaults.authenticated.cost,
    },
    anonymous: {
      depth: env.ANONYMOUS_LIMIT_DEPTH ?? defaults.anonymous.depth,
      aliases: env.ANONYMOUS_LIMIT_ALIASES ?? defaults.anonymous.aliases,
      directives: env.ANONYMOUS_LIMIT_DIRECTIVES ?? defaults.anonymous.directives,
      tokens: env.ANONYMOUS_LIMIT_TOKENS ?? defaults.anonymous.tokens,
      cost: env.ANONYMOUS_LIMIT_COST ?? defaults.anonymous.cost,
    },
    maxQueryLength: env.LIMIT_QUERY_LENGTH ?? defaults.maxQueryLength,
    deadlineMs: env.REQUEST_DEADLINE_MS ?? defaults.deadlineMs,
    maxResponseBytes: env.MAX_RESPONSE_BYTES ?? defaults.maxResponseBytes,
    defaultListSize: defaults.defaultListSize,
  };
}

/** Production mode: one switch, `PRODUCTION=true` or `NODE_ENV=production`. */
export const productionEnvSchema = z.object({
  PRODUCTION: z.enum(['true', 'false', '1', '0']).optional(),
  NODE_ENV: z.string().optional(),
});

export function isProductionMode(env: z.infer<typeof productionEnvSchema>): boolean {
  if (env.PRODUCTION !== undefined) return env.PRODUCTION === 'true' || env.PRODUCTION === '1';
  return env.NODE_ENV === 'production';
}
