import { requirePrincipal } from '../authz/guards';
import { today } from '../calendar/calendar-date';
import type { Level } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { SortDirection } from '../pagination/sort-direction';
import type { SubgraphContext } from '../server/context';
import type { ListBinding } from './citywide-bindings';
import { CITYWIDE_LISTS } from './citywide-lists';
import { citywidePage, type CitywidePage } from './citywide-merge';
import { resolveScope } from './citywide-scope';
import type { CitywideListArgs } from './citywide.inputs';
import type { CitywideEdgeValue } from './citywide.types';
import { encodeCursor, type CitywideKey, type Direction } from './keyset';

/**
 * 全市列表一页 One page of a city-wide list, as the merging level answers it: the keys merged
 * across the levels (`citywide-merge.ts`), this level's own records loaded here in one statement,
 * every other level's as a `{ __typename, id }` stub the gateway has its owner resolve.
 * `citywide.module.ts` keeps the GraphQL types and the thin resolvers; the pure steps are tested
 * alone in `citywide-page.service.test.ts`.
 */
type Context = SubgraphContext<unknown>;

/** The direction asked for, or the list's own default. */
export function directionOf(requested: SortDirection | undefined, fallback: Direction): Direction {
  return requested === SortDirection.ASC ? 'asc' : requested === SortDirection.DESC ? 'desc' : fallback;
}

/**
 * The level that owns a record of the lists, from its type name. For a finding or check that is
 * the supervising level, not the level of the supervised unit's jurisdiction.
 */
export function ownerLevelOfType(typename: string): Level {
  return typename.startsWith('City') ? 'city' : typename.startsWith('District') ? 'district' : 'street';
}

/**
 * The edges of a page, in the merged order: this level's records as loaded (`ownType` names
 * them), the others as stubs. A key of this level whose record is gone since its key was read
 * (`own` lacks it) is left out rather than answered as null.
 */
export function citywideEdges(keys: readonly CitywideKey[], ownType: string, own: ReadonlyMap<string, object>): CitywideEdgeValue[] {
  return keys
    .map((key) => ({
      cursor: encodeCursor(key),
      level: ownerLevelOfType(key.typename),
      jurisdictionCode: key.jurisdictionCode,
      daysOverdue: key.daysOverdue,
      node: key.typename === ownType ? own.get(key.id) : { __typename: key.typename, id: key.id },
    }))
    .filter((edge) => edge.node !== undefined);
}

/** Where the page sits: `startCursor` is the first key's, even when that record was left out. */
export function citywidePageInfo(page: Pick<CitywidePage, 'keys' | 'hasNextPage' | 'endCursor'>, after: string | undefined) {
  const first = page.keys[0];
  return { hasNextPage: page.hasNextPage, hasPreviousPage: !!after, endCursor: page.endCursor, startCursor: first ? encodeCursor(first) : null };
}

/** One page of the list `binding` names, read for the caller under its scope. */
export async function readCitywidePage(
  context: Context,
  level: Level,
  binding: ListBinding,
  args: CitywideListArgs,
  sort: string | undefined,
  filter: object | undefined,
) {
  const principal = requirePrincipal(context);
  const scope = resolveScope(principal, args.scope);
  const result = await citywidePage(context, {
    list: binding.list,
    scope,
    filter: { ...(filter ?? {}) },
    sort: sort ?? binding.defaultSort,
    direction: directionOf(args.direction, binding.defaultDirection),
    first: args.first,
    after: args.after ?? null,
    today: today(),
  });
  const ownType = levelTypeName(level, CITYWIDE_LISTS[binding.list].concept);
  const ownIds = result.keys.filter((key) => key.typename === ownType).map((key) => key.id);
  const records = ownIds.length > 0 ? await context.em.find(binding.entity, { id: { $in: ownIds } } as never) : [];
  const own = new Map(records.map((record) => [(record as { id: string }).id, record]));
  return { edges: citywideEdges(result.keys, ownType, own), pageInfo: citywidePageInfo(result, args.after) };
}
