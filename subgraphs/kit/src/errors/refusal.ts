import { GraphQLError } from 'graphql';

/**
 * What a refused call said: its code, the field it named and the message. For unit tests of the
 * services' checks, which throw `badUserInput(field, …)`; fails when `run` does not refuse.
 */
export function refusalOf(run: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, field: error.extensions.field, message: error.message };
  }
  throw new Error('not refused');
}

/** The field a BAD_USER_INPUT refusal names. */
export function refusedField(run: () => unknown): unknown {
  const refusal = refusalOf(run);
  if (refusal.code !== 'BAD_USER_INPUT') throw new Error(`refused with ${String(refusal.code)}, not BAD_USER_INPUT: ${refusal.message}`);
  return refusal.field;
}
