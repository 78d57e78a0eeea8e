import { z } from 'zod';

/** Raised when the environment does not describe a runnable service; the message names every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Validates configuration once, at start-up, so that a typo in a port or URL stops the
 * service immediately with a message naming the variable instead of failing on first use.
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('\n');
  throw new ConfigError(`Invalid configuration for ${service}:\n${problems}`);
}

/** A TCP port given as an environment string; 0 asks the OS for a free port (tests). */
export const portSchema = z.coerce.number().int().min(0).max(65535);

export const urlSchema = z.url();

/** A PostgreSQL connection URL. */
export const postgresUrlSchema = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info');

/** A deadline in milliseconds (SUBGRAPH_DEADLINE_MS, PEER_DEADLINE_MS). */
export const deadlineMsSchema = z.coerce.number().int().min(100).max(600_000);
