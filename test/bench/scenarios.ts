import { GATEWAY_SECRET_HEADER, sqlStatementCount } from '@supervision/kit';
import { graphql, type TestPlatform } from '../support/platform';
import type { Metric, Plan, Side } from './rounds';

const SUBGRAPHS = ['city', 'district', 'street'] as const;
export type StatementCounts = Record<(typeof SUBGRAPHS)[number], number>;

/** A side as the scenario describes it; `check` proves the answer is the full one before any load. */
export interface ScenarioSide extends Side {
  query: string;
  /** The platform the request goes to, when not the bench's main one (its SQL is counted there). */
  platform?: TestPlatform;
  check(data: Record<string, unknown>): string;
}

export interface Scenario {
  name: string;
  title: string;
  /** What the scenario tells, for the report. */
  measures: string;
  plan: Plan;
  sides: ScenarioSide[];
  ratios: { label: string; numerator: string; denominator: string; metrics: Metric[] }[];
}

export interface BenchOptions {
  quick: boolean;
  /** `--only a,b`: just these scenarios. */
  only?: string[];
}

// A districts list is cheap enough that the gateway's own work shows; the connection count keeps
// both cores busy without queueing most of the latency behind other requests.
const CONNECTIONS = 4;
const MAX_REQUESTS = 50_000;

function plan(options: BenchOptions, rounds: number, seconds: number): Plan {
  return options.quick
    ? { rounds: 2, seconds: 0.5, warmupSeconds: 0.3, connections: CONNECTIONS, maxRequests: MAX_REQUESTS }
    : { rounds, seconds, warmupSeconds: 1, connections: CONNECTIONS, maxRequests: MAX_REQUESTS };
}

function side(
  name: string,
  url: string,
  query: string,
  headers: Record<string, string>,
  check: ScenarioSide['check'],
): ScenarioSide {
  return { name, query, check, request: { url, body: JSON.stringify({ query }), headers } };
}

type Rows = Record<string, unknown>[];
const rows = (value: unknown): Rows => value as Rows;
const count = (value: unknown, field: string): number =>
  rows(value).reduce((sum, row) => sum + rows(row[field]).length, 0);

function expectCount(what: string, actual: number, expected: number): string {
  if (actual !== expected) throw new Error(`expected ${expected} ${what}, got ${actual}`);
  return `${actual} ${what}`;
}

/** One demo duty record's id, read as the city commission (the demo seeds records in some districts). */
async function someDutyRecordId(platform: TestPlatform, token: string): Promise<string> {
  const response = await graphql<{ districts: { dutyRecords: { edges: { node: { id: string } }[] } }[] }>(
    platform.gateway.url,
    '{ districts { dutyRecords(first: 1) { edges { node { id } } } } }',
    { token },
  );
  const id = response.data?.districts.flatMap((district) => district.dutyRecords.edges)[0]?.node.id;
  if (!id) throw new Error(`the demo data has no duty record to read: ${JSON.stringify(response.errors)}`);
  return id;
}

/** The demo district holding the most duty records, and how many (a list side reads a page of them). */
async function districtWithMostDutyRecords(platform: TestPlatform, token: string): Promise<{ code: string; total: number }> {
  const response = await graphql<{ districts: { code: string; dutyRecords: { totalCount: number } }[] }>(
    platform.gateway.url,
    '{ districts { code dutyRecords(first: 0) { totalCount } } }',
    { token },
  );
  const best = (response.data?.districts ?? []).reduce<{ code: string; total: number } | undefined>(
    (most, district) => (!most || district.dutyRecords.totalCount > most.total ? { code: district.code, total: district.dutyRecords.totalCount } : most),
    undefined,
  );
  if (!best || best.total === 0) throw new Error(`the demo data has no district with duty records: ${JSON.stringify(response.errors)}`);
  return best;
}

/** The page size of the list sides: the default page of a duty-record list. */
const LIST_PAGE = 20;

/**
 * 访问留痕的代价 Duty records through the gateway as the city commission, on two platforms seeded
 * alike: one writes the read trace (one chained insert per request in the district's database,
 * naming every record read), the other is started with the trace off. Two reads: one record by id,
 * and one page of a district's duty-record list. Interleaved like every scenario, so the ratios are
 * paired by round.
 */
export async function readTraceScenario(traced: TestPlatform, untraced: TestPlatform, options: BenchOptions): Promise<Scenario> {
  const tokens = await Promise.all([traced, untraced].map((platform) => platform.token({ level: 'city', code: '120000', roles: ['commission'] })));
  const ids = await Promise.all([someDutyRecordId(traced, tokens[0]), someDutyRecordId(untraced, tokens[1])]);
  const districts = await Promise.all([districtWithMostDutyRecords(traced, tokens[0]), districtWithMostDutyRecords(untraced, tokens[1])]);
  const query = (id: string) => `{ districtDutyRecord(id: "${id}") { id kind summary cadre { name } } }`;
  const check = (data: Record<string, unknown>) => {
    if (!data.districtDutyRecord) throw new Error('the duty record did not come back');
    return '1 duty record';
  };
  const listQuery = (code: string) => `{ district(code: "${code}") { dutyRecords(first: ${LIST_PAGE}) { edges { node { id kind summary cadre { name } } } } } }`;
  const listCheck = (expected: number) => (data: Record<string, unknown>) =>
    expectCount('duty records', count([(data.district as Record<string, unknown>).dutyRecords], 'edges'), expected);
  const asCommission = (index: number) => ({ authorization: `Bearer ${tokens[index]}` });
  return {
    name: 'read-trace',
    title: 'Read trace (访问留痕) on the read path',
    measures:
      `one duty record by id, and one page (up to ${LIST_PAGE}) of the duty-record list of the demo district holding the most, as the city commission, on a platform that writes its read trace (one hash-chained row per request) beside one started with the trace off`,
    plan: plan(options, 6, 3),
    sides: [
      { ...side('trace on', traced.gateway.url, query(ids[0]), asCommission(0), check), platform: traced },
      { ...side('trace off', untraced.gateway.url, query(ids[1]), asCommission(1), check), platform: untraced },
      { ...side('list, trace on', traced.gateway.url, listQuery(districts[0].code), asCommission(0), listCheck(Math.min(LIST_PAGE, districts[0].total))), platform: traced },
      { ...side('list, trace off', untraced.gateway.url, listQuery(districts[1].code), asCommission(1), listCheck(Math.min(LIST_PAGE, districts[1].total))), platform: untraced },
    ],
    ratios: [
      { label: 'by id: trace on ÷ off', numerator: 'trace on', denominator: 'trace off', metrics: ['requestsPerSecond', 'meanMs', 'p50Ms', 'p99Ms'] },
      { label: 'list page: trace on ÷ off', numerator: 'list, trace on', denominator: 'list, trace off', metrics: ['requestsPerSecond', 'meanMs', 'p50Ms', 'p99Ms'] },
    ],
  };
}

export async function scenarios(platform: TestPlatform, options: BenchOptions): Promise<Scenario[]> {
  const gateway = platform.gateway.url;
  const commission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  const asCommission = { authorization: `Bearer ${commission}` };
  const districtsQuery = '{ districts { code name } }';
  const districtsCheck = (data: Record<string, unknown>) => expectCount('districts', rows(data.districts).length, 16);
  const streetsSelection = 'streets { code name district { name } }';
  const tasksSelection = 'tasks(first: 5) { edges { node { title responsibleCadre { name } } } }';
  const tasksOf = (districts: Rows) => districts.reduce((sum, d) => sum + count([d.tasks], 'edges'), 0);

  return [
    {
      name: 'gateway-overhead',
      title: 'Gateway overhead',
      measures:
        'the same query through the gateway (JWT check, query plan, one subgraph call) and straight to the district subgraph that owns it (with the gateway secret)',
      plan: plan(options, 6, 3),
      sides: [
        side('via gateway', gateway, districtsQuery, {}, districtsCheck),
        side('direct to subgraph', platform.subgraphs.district.url, districtsQuery,
          { [GATEWAY_SECRET_HEADER]: platform.secrets.gatewaySecret }, districtsCheck),
      ],
      ratios: [
        { label: 'gateway ÷ direct', numerator: 'via gateway', denominator: 'direct to subgraph', metrics: ['requestsPerSecond', 'meanMs'] },
      ],
    },
    {
      name: 'batching',
      title: 'Lists under lists (DataLoader batching)',
      measures:
        'list-under-list queries across three subgraphs for all 16 districts, each beside the same query for one district: the statement count stays the same, the time grows with the rows',
      plan: plan(options, 4, 2),
      sides: [
        side('streets, 16 districts', gateway, `{ city { districts { ${streetsSelection} } } }`, {}, (data) =>
          expectCount('streets', count((data.city as Record<string, unknown>).districts, 'streets'), 299)),
        side('streets, 1 district', gateway, `{ district(code: "120101") { ${streetsSelection} } }`, {}, (data) =>
          `${count([data.district], 'streets')} streets`),
        side('tasks, 16 districts', gateway, `{ city { districts { ${tasksSelection} } } }`, asCommission, (data) =>
          `${tasksOf(rows((data.city as Record<string, unknown>).districts))} tasks`),
        side('tasks, 1 district', gateway, `{ district(code: "120101") { ${tasksSelection} } }`, asCommission, (data) =>
          `${tasksOf([data.district as Record<string, unknown>])} tasks`),
      ],
      ratios: [
        { label: 'streets: 16 ÷ 1 district', numerator: 'streets, 16 districts', denominator: 'streets, 1 district', metrics: ['requestsPerSecond', 'meanMs'] },
        { label: 'tasks: 16 ÷ 1 district', numerator: 'tasks, 16 districts', denominator: 'tasks, 1 district', metrics: ['requestsPerSecond', 'meanMs'] },
      ],
    },
    {
      name: 'statistics',
      title: 'City-wide statistics',
      measures:
        'the commission\'s ranking and roll-up of every district and street (aggregates in each level\'s SQL, street totals carried to the district level by @requires) beside the plain districts list',
      plan: plan(options, 4, 2.5),
      sides: [
        side('city statistics', gateway,
          '{ city { districtRanking { rank district { name } stats { completionRate } } districts { taskStats { total } streetTaskStats { stats { total } } } } }',
          asCommission, (data) => {
            const city = data.city as Record<string, unknown>;
            expectCount('ranked districts', rows(city.districtRanking).length, 16);
            return expectCount('street figures', count(city.districts, 'streetTaskStats'), 299);
          }),
        side('districts list', gateway, districtsQuery, {}, districtsCheck),
      ],
      ratios: [
        { label: 'statistics ÷ districts list', numerator: 'city statistics', denominator: 'districts list', metrics: ['requestsPerSecond', 'meanMs'] },
      ],
    },
  ];
}

/**
 * Sends the side's request alone, checks the answer and counts each subgraph's SQL statements.
 * Once unrecorded (the first request may open pool connections, whose session set-up statements
 * are counted too), then three times, and all three must agree: a count that moves would mean a
 * cache or a loader that leaks between requests, and the figure would not describe one request.
 */
export async function statementsPerRequest(platform: TestPlatform, scenarioSide: ScenarioSide): Promise<{
  statements: StatementCounts;
  answer: string;
}> {
  const target = scenarioSide.platform ?? platform;
  const read = () => Promise.all(SUBGRAPHS.map((name) => sqlStatementCount(target.subgraphs[name].metrics)));
  const runs: StatementCounts[] = [];
  let answer = '';
  await graphql(scenarioSide.request.url, scenarioSide.query, { headers: scenarioSide.request.headers });
  for (let run = 0; run < 3; run++) {
    const before = await read();
    const response = await graphql(scenarioSide.request.url, scenarioSide.query, { headers: scenarioSide.request.headers });
    const after = await read();
    if (response.status !== 200 || response.errors) {
      throw new Error(`${scenarioSide.name}: HTTP ${response.status} ${JSON.stringify(response.errors)}`);
    }
    answer = scenarioSide.check(response.data!);
    runs.push(Object.fromEntries(SUBGRAPHS.map((name, i) => [name, after[i] - before[i]])) as StatementCounts);
  }
  if (runs.some((run) => JSON.stringify(run) !== JSON.stringify(runs[0]))) {
    throw new Error(`${scenarioSide.name}: statement counts differ between identical requests: ${JSON.stringify(runs)}`);
  }
  return { statements: runs[0], answer };
}
