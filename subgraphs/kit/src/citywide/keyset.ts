import { badUserInput } from '../errors/graphql-errors';

export type SortValue = string | number;

/**
 * 键 One record of a city-wide list as a level reports it: enough to order it among the other
 * levels' records (its sort value, then its id) and for the gateway to fetch it from its owner
 * (`typename`, `id`). No other column travels between the levels.
 */
export interface CitywideKey {
  typename: string;
  id: string;
  jurisdictionCode: string;
  sortValue: SortValue;
  daysOverdue: number | null;
}

export type Direction = 'asc' | 'desc';

/** Where a page ends: the last key's sort value and id; opaque to clients. */
export function encodeCursor(key: Pick<CitywideKey, 'sortValue' | 'id'>): string {
  return Buffer.from(JSON.stringify([key.sortValue, key.id]), 'utf8').toString('base64url');
}

export function decodeCursor(after: string | null | undefined, field = 'after'): { sortValue: SortValue; id: string } | null {
  if (after === null || after === undefined || after === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || (typeof value[0] === 'number' && Number.isFinite(value[0]))) &&
      typeof value[1] === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value[1])
    ) {
      return { sortValue: value[0] as SortValue, id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput(field, '不是本列表的游标 / not a cursor of this list (pass a page\'s endCursor)');
}

/**
 * The order every level sorts by, so that merging their pages gives the one order: sort value,
 * then id (UUIDs compare as their lowercase hex text, which is PostgreSQL's uuid order). Text
 * values are sorted `collate "C"` in SQL, i.e. by code point, which is how JS compares them.
 */
export function compareKeys(a: Pick<CitywideKey, 'sortValue' | 'id'>, b: Pick<CitywideKey, 'sortValue' | 'id'>, direction: Direction): number {
  const bySort = a.sortValue < b.sortValue ? -1 : a.sortValue > b.sortValue ? 1 : 0;
  const order = bySort !== 0 ? bySort : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return direction === 'asc' ? order : -order;
}

/**
 * Merges each level's best `first + 1` keys into the page: the first `first` of their union in
 * the one order; a further key anywhere means a next page. Work is O(levels × page), whatever
 * the tables hold.
 */
export function mergePages(pages: readonly CitywideKey[][], direction: Direction, first: number): { keys: CitywideKey[]; hasNextPage: boolean } {
  const all = pages.flat().sort((a, b) => compareKeys(a, b, direction));
  return { keys: all.slice(0, first), hasNextPage: all.length > first };
}
