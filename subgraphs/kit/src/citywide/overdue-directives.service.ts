import { requirePrincipal } from '../authz/guards';
import { today } from '../calendar/calendar-date';
import { DirectiveEntity } from '../directive/directive.entity';
import { CITY_CODE, levelOfCode, type Level } from '../jurisdiction/admin-code';
import { divisionName } from '../jurisdiction/divisions';
import { levelTypeName } from '../level/level-names';
import type { SubgraphContext } from '../server/context';
import { overdueDirectivesPage, type OverdueDirective } from './citywide-merge';
import { resolveScope } from './citywide-scope';
import type { CitywideListArgs } from './citywide.inputs';
import { encodeCursor } from './keyset';

/**
 * 逾期未完成指令 Overdue directives as the merging level answers them: the issuing levels a scope
 * reaches, the page found across the databases (`citywide-merge.ts`), this level's directives
 * loaded here and the others as stubs. The pure steps are tested alone in
 * `overdue-directives.service.test.ts`.
 */
type Context = SubgraphContext<unknown>;

/** The levels whose directives a scope covers: the city's and the districts' from the city, a district's own from a district; streets issue none. */
export function issuingLevelsOf(scope: readonly string[]): Level[] {
  if (scope.some((code) => code === CITY_CODE)) return ['city', 'district'];
  if (scope.some((code) => levelOfCode(code) === 'district')) return ['district'];
  return [];
}

/** The page's entries: the directive as loaded here when this level issued it, else a stub; the pending addressees by name. */
export function overdueDirectiveNodes(directives: readonly OverdueDirective[], own: ReadonlyMap<string, object>) {
  return directives.map((directive) => ({
    cursor: encodeCursor({ sortValue: directive.deadline, id: directive.id }),
    directive: own.get(directive.id) ?? { __typename: directive.typename, id: directive.id },
    issuerCode: directive.issuerCode,
    deadline: directive.deadline,
    daysOverdue: directive.daysOverdue,
    pendingAddressees: directive.pendingCodes.map((code) => ({ code, name: divisionName(code) })),
  }));
}

/** One page of the directives issued in the caller's scope that are past their deadline with some addressee pending. */
export async function readOverdueDirectives(context: Context, level: Level, args: CitywideListArgs) {
  const principal = requirePrincipal(context);
  const scope = resolveScope(principal, args.scope);
  const result = await overdueDirectivesPage(context, { scope, first: args.first, after: args.after ?? null, today: today() }, issuingLevelsOf(scope));
  const ownIds = result.directives.filter((directive) => directive.typename === levelTypeName(level, 'Directive')).map((directive) => directive.id);
  const records = ownIds.length > 0 ? await context.em.find(DirectiveEntity, { id: { $in: ownIds } }) : [];
  return {
    nodes: overdueDirectiveNodes(result.directives, new Map(records.map((record) => [record.id, record]))),
    pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: !!args.after, endCursor: result.endCursor, startCursor: null },
  };
}
