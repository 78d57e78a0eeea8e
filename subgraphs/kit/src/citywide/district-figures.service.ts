import { requirePrincipal } from '../authz/guards';
import { today } from '../calendar/calendar-date';
import { badUserInput } from '../errors/graphql-errors';
import { CITY_CODE, levelOfCode } from '../jurisdiction/admin-code';
import { childDivisions, divisionName } from '../jurisdiction/divisions';
import type { SubgraphContext } from '../server/context';
import { districtFigureRows } from './citywide-merge';
import { checkPeriod, currentQuarter } from './citywide-period';
import { resolveScope } from './citywide-scope';
import type { DistrictAndStreetsCount } from './citywide.types';
import { FIGURE_METRICS, type FigureMetric, type FigureRow } from './district-figures.sql';

/**
 * 区合计 The per-district figures: the districts a scope stands for, each level's share counted
 * in one statement (`citywide-merge.ts`), summed here per district. The pure steps are tested
 * alone in `district-figures.service.test.ts`.
 */
type Context = SubgraphContext<unknown>;

/** One district's figures, as the `DistrictFigures` type answers them. */
export type DistrictFiguresValue = { code: string; name: string; district: { code: string } } & Record<FigureMetric, DistrictAndStreetsCount>;

/**
 * The districts a resolved scope stands for, in code order: the city stands for all 16, a
 * district for itself. A street is refused (the figures are per district), naming its place in the scope.
 */
export function districtsOfScope(scope: readonly string[]): string[] {
  const districts = new Set<string>();
  scope.forEach((code, index) => {
    const codeLevel = levelOfCode(code);
    if (codeLevel === 'street') throw badUserInput(`scope.${index}`, `区合计按区计 / figures are per district; "${code}" is a street`);
    for (const district of codeLevel === 'city' ? childDivisions(CITY_CODE).map((division) => division.code) : [code]) districts.add(district);
  });
  return [...districts].sort();
}

/** Each district's figures from the levels' shares: zero where no level counted any; rows of other districts or metrics are ignored. */
export function sumDistrictFigures(districts: readonly string[], rows: readonly FigureRow[]): DistrictFiguresValue[] {
  const zero = () => ({ district: 0, streets: 0, total: 0 });
  const figures = new Map<string, DistrictFiguresValue>(
    districts.map((code) => [code, { code, name: divisionName(code), district: { code }, overdueTasks: zero(), findingsNotRectified: zero(), dutyRecords: zero() }]),
  );
  for (const row of rows) {
    const figure = figures.get(row.district);
    if (!figure || !FIGURE_METRICS.includes(row.metric)) continue;
    const count = figure[row.metric];
    count[row.part] += row.count;
    count.total += row.count;
  }
  return [...figures.values()];
}

/** The figures of the districts in the caller's scope, duty records counted in the period (default: this quarter). */
export async function readDistrictFigures(
  context: Context,
  scopeCodes: string[] | undefined,
  from: string | undefined,
  to: string | undefined,
): Promise<DistrictFiguresValue[]> {
  const principal = requirePrincipal(context);
  const scope = resolveScope(principal, scopeCodes);
  const quarter = currentQuarter();
  const period = { from: from ?? quarter.from, to: to ?? quarter.to };
  checkPeriod(period.from, period.to, 'from', 'to');
  const districts = districtsOfScope(scope);
  const rows = await districtFigureRows(context, { districts, ...period, today: today() });
  return sumDistrictFigures(districts, rows);
}
