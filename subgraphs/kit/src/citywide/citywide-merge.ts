import { askPeer } from '../cross-level/peer-operations';
import type { Level } from '../jurisdiction/admin-code';
import type { SubgraphContext } from '../server/context';
import { citywideOperation, type CitywidePeerField } from './citywide.operations';
import { levelsForList, selectCitywideKeys, type KeysRequest } from './citywide-lists';
import { selectDistrictFigures, type FigureRow, type FiguresRequest } from './district-figures.sql';
import { encodeCursor, mergePages, type CitywideKey } from './keyset';
import { selectCompletedAddressees, selectOverdueDirectiveKeys, type OverdueDirectiveKey, type OverdueDirectivesRequest } from './overdue-directives.sql';

type Context = SubgraphContext<unknown>;

/**
 * Asks one level: this subgraph's own level runs the statement here, any other level's subgraph
 * is asked through the peer client with the caller's own token, so its read rules apply.
 */
async function askLevel<T>(
  context: Context,
  level: Level,
  field: CitywidePeerField,
  request: object,
  local: () => Promise<T>,
): Promise<T> {
  if (level === context.level) return local();
  const data = await askPeer(context, citywideOperation(field), level, undefined, { request: JSON.stringify(request) });
  return JSON.parse(data.answer) as T;
}

export interface CitywidePage {
  keys: CitywideKey[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * 合并 One page of a city-wide list: each level that can hold such records returns its best
 * `first + 1` keys for the filter (one statement each, in parallel), and the page is the first
 * `first` of their union in the one order. Cost: levels × (first + 1) keys, whatever the tables hold.
 */
export async function citywidePage(context: Context, request: KeysRequest): Promise<CitywidePage> {
  const levels = levelsForList(request.list, request.scope);
  const ask = { ...request, first: request.first + 1 };
  const pages = await Promise.all(
    levels.map((level) => askLevel<CitywideKey[]>(context, level, 'keys', ask, () => selectCitywideKeys(context.em, level, ask, request.today))),
  );
  const { keys, hasNextPage } = mergePages(pages, request.direction, request.first);
  const last = keys.at(-1);
  return { keys, hasNextPage, endCursor: last ? encodeCursor(last) : null };
}

/** The per-district figures: each level's share in one statement, summed per district here. */
export async function districtFigureRows(context: Context, request: FiguresRequest): Promise<FigureRow[]> {
  const shares = await Promise.all(
    (['city', 'district', 'street'] as const).map((level) =>
      askLevel<FigureRow[]>(context, level, 'figures', request, () => selectDistrictFigures(context.em, level, request)),
    ),
  );
  return shares.flat();
}

/** The level that answers a directive of this issuing level. */
const ANSWERING: Partial<Record<Level, Level>> = { city: 'district', district: 'street' };

export interface OverdueDirective extends OverdueDirectiveKey {
  pendingCodes: string[];
}

/**
 * 逾期未完成指令 Directives past their deadline that some addressee has not completed. The
 * directive lives with its issuer, the answers with the addressees, so this is an anti-join
 * across databases: take the issuers' next keys by deadline (one statement per issuing level),
 * ask the answering levels which addressees completed them (one statement per answering level),
 * keep those with someone pending, and repeat from the last key until the page is full. Each
 * round costs a page; directives everyone completed are passed over, never fetched as records.
 */
export async function overdueDirectivesPage(
  context: Context,
  request: OverdueDirectivesRequest,
  issuingLevels: readonly Level[],
  maxRounds = 10,
): Promise<{ directives: OverdueDirective[]; hasNextPage: boolean; endCursor: string | null }> {
  const kept: OverdueDirective[] = [];
  let after = request.after;
  let more = true;
  let lastProcessed: OverdueDirectiveKey | null = null;
  for (let round = 0; round < maxRounds && more && kept.length <= request.first; round += 1) {
    const batch = request.first + 1;
    const ask = { ...request, first: batch, after };
    const pages = await Promise.all(
      issuingLevels.map((level) =>
        askLevel<OverdueDirectiveKey[]>(context, level, 'overdueDirectives', ask, () => selectOverdueDirectiveKeys(context.em, level, ask)),
      ),
    );
    const merged = pages
      .flat()
      .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const candidates = merged.slice(0, batch);
    more = merged.length > batch || pages.some((page) => page.length === batch);
    if (candidates.length === 0) break;
    const completed = await completedAddressees(context, candidates);
    for (const candidate of candidates) {
      const done = completed.get(candidate.id) ?? new Set<string>();
      const pendingCodes = candidate.targetCodes.filter((code) => !done.has(code)).sort();
      if (pendingCodes.length > 0) kept.push({ ...candidate, pendingCodes });
    }
    lastProcessed = candidates.at(-1)!;
    after = encodeCursor({ sortValue: lastProcessed.deadline, id: lastProcessed.id });
    if (candidates.length < batch) more = false;
  }
  const directives = kept.slice(0, request.first);
  const hasNextPage = kept.length > request.first || more;
  const lastShown = directives.at(-1);
  // A full page ends at its last directive; a short one at the last key looked at, so the next page does not look again.
  const end = kept.length > request.first ? lastShown : (lastProcessed ?? lastShown);
  return { directives, hasNextPage, endCursor: end ? encodeCursor({ sortValue: end.deadline, id: end.id }) : null };
}

async function completedAddressees(context: Context, directives: readonly OverdueDirectiveKey[]): Promise<Map<string, Set<string>>> {
  const byAnswering = new Map<Level, string[]>();
  for (const directive of directives) {
    const level = ANSWERING[directive.issuerCode === '120000' ? 'city' : 'district']!;
    byAnswering.set(level, [...(byAnswering.get(level) ?? []), directive.id]);
  }
  const answers = await Promise.all(
    [...byAnswering].map(([level, directiveIds]) =>
      askLevel<{ directiveId: string; responderCode: string }[]>(context, level, 'completedAddressees', { directiveIds }, () =>
        selectCompletedAddressees(context.em, directiveIds),
      ),
    ),
  );
  const completed = new Map<string, Set<string>>();
  for (const row of answers.flat()) {
    const set = completed.get(row.directiveId) ?? new Set<string>();
    set.add(row.responderCode);
    completed.set(row.directiveId, set);
  }
  return completed;
}
