import { GATEWAY_SECRET_HEADER } from '@supervision/kit';
import type { Metric, Plan } from '../rounds';
import type { LoadRequest } from '../load';
import { DASHBOARD_VARIABLES, dashboardQuery } from './dashboard-operations';

export type Level = 'city' | 'district' | 'street';
export type StatementCounts = Record<Level, number>;

/** Where a side sends its requests; the gateways and subgraphs answer GraphQL, the floor plain JSON. */
export interface Targets {
  gateway: string;
  hive: string;
  hiveNoDedupe: string;
  subgraphs: Record<Level, string>;
  floor: string;
  gatewaySecret: string;
}

export type Request = Pick<LoadRequest, 'url' | 'body' | 'headers'>;

/**
 * One side of a scenario. Several `requests` run at once (one connection each: the writers of
 * different districts); one request runs over the plan's connections.
 */
export interface ScaleSide {
  name: string;
  /** The process that answers, for the report. */
  target: 'gateway' | 'hive' | 'hive-no-dedupe' | 'subgraph' | 'sql-floor';
  query: string;
  requests: Request[];
  /** Statements per request where they are not counted from the subgraphs (the SQL floor). */
  fixedStatements?: StatementCounts;
  check(data: Record<string, unknown>): string;
}

export interface ScaleScenario {
  name: string;
  title: string;
  measures: string;
  plan: Plan;
  sides: ScaleSide[];
  ratios: { label: string; numerator: string; denominator: string; metrics: Metric[] }[];
}

export interface WriterFixture {
  districtCode: string;
  token: string;
  responsibilityItemId: string;
  cadreId: string;
  taskId: string;
}

export interface ScenarioInputs {
  targets: Targets;
  commissionToken: string;
  /** A district with streets, for the drill-down and the chain hop. */
  districtCode: string;
  streetCode: string;
  streetsOfDistrict: number;
  writers: WriterFixture[];
  quick: boolean;
}

const CONNECTIONS = 4;
const MAX_REQUESTS = 20_000;

function plan(quick: boolean, rounds: number, seconds: number, connections = CONNECTIONS): Plan {
  return quick
    ? { rounds: 1, seconds: 0.5, warmupSeconds: 0.2, connections, maxRequests: 200 }
    : { rounds, seconds, warmupSeconds: 1, connections, maxRequests: MAX_REQUESTS };
}

const graphqlBody = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, ...(variables ? { variables } : {}) });
type Rows = Record<string, unknown>[];
const rows = (value: unknown): Rows => (value ?? []) as Rows;

function expectCount(what: string, actual: number, expected: number): string {
  if (actual !== expected) throw new Error(`expected ${expected} ${what}, got ${actual}`);
  return `${actual} ${what}`;
}

/**
 * 市级驾驶舱 The commission's dashboard as the app asks it (`dashboard-operations.ts`): the ranking
 * with statistics, every district's own and its streets' figures, the city's 10 most overdue tasks
 * across the levels (`citywideTasks`) and the findings by state (查而不改 = checkedButNotFixed).
 */
export const DASHBOARD_QUERY = dashboardQuery();
export { DASHBOARD_VARIABLES };

const DRILL_TASKS = `tasks(first: 20, sort: { field: DUE_DATE, direction: ASC }, filter: { overdue: true }) {
  totalCount edges { node { id title dueDate status responsibleCadre { name position } dutyRecords { occurredOn kind summary } } } }`;
/** 下钻 A district, its streets and a page of 20 tasks each with the responsible cadre and the duty records (the latest one is the client's pick: no field gives only the latest yet). */
export const drillDownQuery = (districtCode: string) => `{ district(code: "${districtCode}") { code name streets { code name ${DRILL_TASKS} } } }`;
/** The same figures asked of the street subgraph alone (its own root field): the single-subgraph form. */
export const streetsDrillQuery = (districtCode: string) => `{ streets(districtCode: "${districtCode}") { code name ${DRILL_TASKS} } }`;
export const chainHopQuery = (streetCode: string) => `{ street(code: "${streetCode}") { code name district { code name city { code name } } } }`;
export const DISTRICTS_QUERY = '{ districts { code name } }';

const WRITE_MUTATION = `mutation Write($task: CreateTaskInput!, $duty: RecordDutyInput!) {
  createDistrictTask(input: $task) { id }
  recordDistrictDuty(input: $duty) { id }
}`;

interface FindingCount { checkedButNotFixed: number }

function checkDashboard(data: Record<string, unknown>, districts = 16): string {
  const city = data.city as Record<string, unknown>;
  expectCount('ranked districts', rows(city.districtRanking).length, districts);
  expectCount('districts with findings', rows(city.districts).length, districts);
  expectCount('district figures', rows(data.districtFigures).length, districts);
  const overdue = rows((data.citywideTasks as { edges: unknown }).edges);
  expectCount('most overdue tasks', overdue.filter((edge) => (edge.node as { id?: string }).id).length, 10);
  const levels = new Set(overdue.map((edge) => edge.level as string));
  const reopened = rows(city.districts).reduce((sum, d) => sum + ((d.cityFindingStats as FindingCount | null)?.checkedButNotFixed ?? 0), 0);
  const streetOverdue = rows(data.districtFigures).reduce((sum, f) => sum + (f.overdueTasks as { streets: number }).streets, 0);
  return `16 districts ranked, figures (${streetOverdue} overdue in streets), 10 most overdue from ${[...levels].sort().join('+')} (${String(overdue[0].daysOverdue)}–${String(overdue[9].daysOverdue)} days), 查而不改 ${reopened}`;
}

function checkFloor(data: Record<string, unknown>): string {
  expectCount('districts', rows(data.districts).filter((d) => String(d.code).length === 6).length, 16);
  expectCount('streets', rows(data.streets).length, 299);
  const overdue = rows(data.mostOverdue);
  if (overdue.length !== 10) throw new Error(`expected 10 overdue tasks, got ${overdue.length}`);
  return `16 districts, 299 streets, ${rows(data.newestFindings).length} findings listed, 10 most overdue (${String(overdue[0].daysOverdue)}–${String(overdue[9].daysOverdue)} days)`;
}

export function scaleScenarios(inputs: ScenarioInputs): ScaleScenario[] {
  const { targets, quick } = inputs;
  const asCommission = { authorization: `Bearer ${inputs.commissionToken}` };
  const direct = { ...asCommission, [GATEWAY_SECRET_HEADER]: targets.gatewaySecret };
  const gql = (name: string, target: ScaleSide['target'], url: string, query: string, headers: Record<string, string>, check: ScaleSide['check'], variables?: Record<string, unknown>): ScaleSide => ({
    name, target, query, requests: [{ url, body: graphqlBody(query, variables), headers }], check,
  });
  const threeGateways = (label: string, query: string, check: ScaleSide['check'], variables?: Record<string, unknown>) => [
    gql(`${label} · our gateway`, 'gateway', targets.gateway, query, asCommission, check, variables),
    gql(`${label} · Hive Gateway`, 'hive', targets.hive, query, asCommission, check, variables),
    gql(`${label} · Hive, no dedupe`, 'hive-no-dedupe', targets.hiveNoDedupe, query, asCommission, check, variables),
  ];
  const drillCheck = (data: Record<string, unknown>) => {
    const streets = rows((data.district as Record<string, unknown> | undefined)?.streets ?? data.streets);
    expectCount('streets', streets.length, inputs.streetsOfDistrict);
    const tasks = streets.flatMap((s) => rows((s.tasks as Record<string, unknown>).edges));
    const withRecords = tasks.filter((edge) => rows((edge.node as Record<string, unknown>).dutyRecords).length > 0).length;
    return `${streets.length} streets, ${tasks.length} tasks (${withRecords} with duty records)`;
  };
  const chainCheck = (data: Record<string, unknown>) => {
    const street = data.street as { name: string; district: { name: string; city: { name: string } } };
    return `${street.name} → ${street.district.name} → ${street.district.city.name}`;
  };
  const writeSide = (name: string, target: 'gateway' | 'hive', url: string, writers: WriterFixture[]): ScaleSide => ({
    name,
    target,
    query: WRITE_MUTATION,
    requests: writers.map((writer) => ({
      url,
      headers: { authorization: `Bearer ${writer.token}` },
      body: graphqlBody(WRITE_MUTATION, {
        task: { responsibilityItemId: writer.responsibilityItemId, cadreId: writer.cadreId, title: '压力测试任务', dueDate: '2099-12-31' },
        duty: { cadreId: writer.cadreId, kind: 'MEETING', occurredOn: '2025-01-02', taskId: writer.taskId, summary: '压力测试履职纪实' },
      }),
    })),
    check: (data) => {
      if (!(data.createDistrictTask as { id?: string })?.id || !(data.recordDistrictDuty as { id?: string })?.id) throw new Error('write returned no ids');
      return `${writers.length} writer(s): a task and a duty record per request`;
    },
  });
  const [firstWriter] = inputs.writers;

  return [
    {
      name: 'dashboard',
      title: 'City dashboard (市级驾驶舱)',
      measures: 'the app\'s overview panels in one request: ranking with statistics, every district\'s own and streets\' figures, the city\'s 10 most overdue tasks across levels (citywideTasks), findings by state incl. 查而不改; beside the same figures in direct SQL (the floor) and a plain scan of the task table',
      plan: plan(quick, 3, 3),
      sides: [
        ...threeGateways('dashboard', DASHBOARD_QUERY, (data) => checkDashboard(data), DASHBOARD_VARIABLES),
        { name: 'dashboard · SQL floor (pg)', target: 'sql-floor', query: 'POST /dashboard', requests: [{ url: `${targets.floor}/dashboard`, body: '{}', headers: {} }],
          fixedStatements: { city: 3, district: 4, street: 3 }, check: checkFloor },
        { name: 'plain scan of the task table', target: 'sql-floor', query: 'POST /scan', requests: [{ url: `${targets.floor}/scan`, body: '{}', headers: {} }],
          fixedStatements: { city: 1, district: 1, street: 1 }, check: (data) => `${String(data.jurisdictions)} jurisdictions counted` },
      ],
      ratios: [
        { label: 'ours ÷ Hive', numerator: 'dashboard · our gateway', denominator: 'dashboard · Hive Gateway', metrics: ['requestsPerSecond', 'p50Ms'] },
        { label: 'ours ÷ Hive no dedupe', numerator: 'dashboard · our gateway', denominator: 'dashboard · Hive, no dedupe', metrics: ['requestsPerSecond', 'p50Ms'] },
        { label: 'ours ÷ SQL floor', numerator: 'dashboard · our gateway', denominator: 'dashboard · SQL floor (pg)', metrics: ['p50Ms'] },
        { label: 'ours ÷ plain scan', numerator: 'dashboard · our gateway', denominator: 'plain scan of the task table', metrics: ['p50Ms'] },
      ],
    },
    {
      name: 'drill-down',
      title: 'Drill-down (下钻): district → streets → 20 tasks each with cadre and duty records',
      measures: 'the district, its streets and a page of 20 overdue tasks per street; the single-subgraph form (`streets(districtCode)`) through the gateway and straight to the street subgraph',
      plan: plan(quick, 3, 2),
      sides: [
        ...threeGateways('drill-down', drillDownQuery(inputs.districtCode), drillCheck),
        gql('streets-only · our gateway', 'gateway', targets.gateway, streetsDrillQuery(inputs.districtCode), asCommission, drillCheck),
        gql('streets-only · direct to street subgraph', 'subgraph', targets.subgraphs.street, streetsDrillQuery(inputs.districtCode), direct, drillCheck),
      ],
      ratios: [
        { label: 'ours ÷ Hive', numerator: 'drill-down · our gateway', denominator: 'drill-down · Hive Gateway', metrics: ['requestsPerSecond', 'p50Ms'] },
        { label: 'ours ÷ Hive no dedupe', numerator: 'drill-down · our gateway', denominator: 'drill-down · Hive, no dedupe', metrics: ['requestsPerSecond', 'p50Ms'] },
        { label: 'single subgraph: gateway ÷ direct', numerator: 'streets-only · our gateway', denominator: 'streets-only · direct to street subgraph', metrics: ['requestsPerSecond', 'p50Ms'] },
      ],
    },
    {
      name: 'chain-hop',
      title: 'Chain hop: street → district → city',
      measures: 'one street up its chain: three subgraphs one after the other',
      plan: plan(quick, 3, 2),
      sides: threeGateways('chain hop', chainHopQuery(inputs.streetCode), chainCheck),
      ratios: [
        { label: 'ours ÷ Hive', numerator: 'chain hop · our gateway', denominator: 'chain hop · Hive Gateway', metrics: ['requestsPerSecond', 'p50Ms'] },
        { label: 'ours ÷ Hive no dedupe', numerator: 'chain hop · our gateway', denominator: 'chain hop · Hive, no dedupe', metrics: ['requestsPerSecond', 'p50Ms'] },
      ],
    },
    {
      name: 'districts-list',
      title: 'Gateway overhead: the districts list (one subgraph)',
      measures: '`{ districts { code name } }` through each gateway and straight to the district subgraph',
      plan: plan(quick, 3, 2),
      sides: [
        ...threeGateways('districts', DISTRICTS_QUERY, (data) => expectCount('districts', rows(data.districts).length, 16)),
        gql('districts · direct to district subgraph', 'subgraph', targets.subgraphs.district, DISTRICTS_QUERY, direct,
          (data) => expectCount('districts', rows(data.districts).length, 16)),
      ],
      ratios: [
        { label: 'ours ÷ Hive', numerator: 'districts · our gateway', denominator: 'districts · Hive Gateway', metrics: ['requestsPerSecond', 'p50Ms'] },
        { label: 'ours ÷ Hive no dedupe', numerator: 'districts · our gateway', denominator: 'districts · Hive, no dedupe', metrics: ['requestsPerSecond', 'p50Ms'] },
        { label: 'gateway ÷ direct', numerator: 'districts · our gateway', denominator: 'districts · direct to district subgraph', metrics: ['requestsPerSecond', 'p50Ms'] },
      ],
    },
    {
      name: 'writes',
      title: 'Writes: a task and a duty record per request, 1 writer vs 8 writers of 8 districts',
      measures: 'createDistrictTask + recordDistrictDuty (each audited in its own transaction); one connection per writer',
      plan: plan(quick, 3, 2, 1),
      sides: [
        writeSide('1 writer · our gateway', 'gateway', targets.gateway, [firstWriter]),
        writeSide('8 writers · our gateway', 'gateway', targets.gateway, inputs.writers),
        writeSide('1 writer · Hive Gateway', 'hive', targets.hive, [firstWriter]),
        writeSide('8 writers · Hive Gateway', 'hive', targets.hive, inputs.writers),
      ],
      ratios: [
        { label: '8 ÷ 1 writer (ours)', numerator: '8 writers · our gateway', denominator: '1 writer · our gateway', metrics: ['requestsPerSecond'] },
        { label: 'ours ÷ Hive, 8 writers', numerator: '8 writers · our gateway', denominator: '8 writers · Hive Gateway', metrics: ['requestsPerSecond', 'p50Ms'] },
        { label: 'ours ÷ Hive, 1 writer', numerator: '1 writer · our gateway', denominator: '1 writer · Hive Gateway', metrics: ['requestsPerSecond', 'p50Ms'] },
      ],
    },
  ];
}
