import { badUserInput } from '../errors/graphql-errors';
import { isUuid } from '../ids';

/** What the sorted column holds, so a forged cursor cannot put a wrong-typed value into SQL. */
export type CursorValueKind = 'string' | 'number' | 'date';

/** A position in a sorted list: the sort value and the id that breaks ties. Opaque to clients. */
export function encodeCursor(sortValue: unknown, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

const NOT_A_CURSOR = '不是本列表给出的游标 / is not a cursor this list gave out';

/**
 * Reads a cursor back. Everything about it is checked — the shape, the id (a UUID) and the
 * sort value's type against the column's — because a cursor is client input: a forged one must
 * be BAD_USER_INPUT, not a database error.
 */
export function decodeCursor(cursor: string, field = 'after', kind?: CursorValueKind): [unknown, string] {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) throw badUserInput(field, NOT_A_CURSOR);
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badUserInput(field, NOT_A_CURSOR);
  }
  if (!Array.isArray(value) || value.length !== 2 || typeof value[1] !== 'string' || !isUuid(value[1])) {
    throw badUserInput(field, NOT_A_CURSOR);
  }
  const [sortValue, id] = value as [unknown, string];
  if (!sortValueFits(sortValue, kind)) throw badUserInput(field, NOT_A_CURSOR);
  return [sortValue, id];
}

function sortValueFits(value: unknown, kind: CursorValueKind | undefined): boolean {
  if (value === null) return true;
  if (typeof value === 'string' && value.includes('\u0000')) return false;
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'string':
      return typeof value === 'string' && value.length <= 1000;
    default:
      return (typeof value === 'string' && value.length <= 1000) || (typeof value === 'number' && Number.isFinite(value));
  }
}
