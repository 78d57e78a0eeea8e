import { badUserInput } from '../errors/graphql-errors';
import { isUuid } from '../ids';

/** Record ids are UUIDs; anything else is the caller's mistake, named by its argument. */
export function assertUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badUserInput(field, `“${value}”不是记录标识（UUID） / "${value}" is not a record id (UUID)`);
  return value;
}
