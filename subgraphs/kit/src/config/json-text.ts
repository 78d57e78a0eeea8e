import { z } from 'zod';

/**
 * A zod transform for configuration given as JSON text (a key, a key set): parses it, or names
 * what the variable should have held, so start-up fails with that message instead of a bare
 * `SyntaxError`.
 */
export function jsonText<T>(what: string) {
  return (text: string, ctx: z.RefinementCtx): T => {
    try {
      return JSON.parse(text) as T;
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be ${what} (JSON text)` });
      return z.NEVER;
    }
  };
}
