import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { startGateway, type RunningGateway } from '@supervision/gateway';
import { newId, sqlStatementCount, TaskEntity, type Level } from '@supervision/kit';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday } from '../support/task-fixtures';
import { graphql, startTestPlatform, type GraphQLResponse, type TestPlatform } from '../support/platform';

/**
 * 全市列表 The analysts' six questions, each one query through the gateway, on records made here
 * through the gateway as the levels' own staff would make them. Due dates and deadlines cannot
 * be set in the past by any mutation, so after creating the records the test lets time pass:
 * one UPDATE per level moves every due date 100 days and every directive deadline 20 days back.
 * Every expected value below is worked out by hand from the records listed here.
 */

let platform: TestPlatform;
let url: string;
const tokens: Record<string, string> = {};

const CITY = '120000';
const HEPING = '120101'; // 和平区
const HEXI = '120103'; // 河西区
const QUANYECHANG = '120101001'; // 劝业场街道 (和平区)
const XIAOBAILOU = '120101002'; // 小白楼街道 (和平区)
const DAYINGMEN = '120103001'; // 大营门街道 (河西区)

const PREFIX: Record<Level, string> = { city: 'City', district: 'District', street: 'Street' };
const levelOf = (code: string): Level => (code === CITY ? 'city' : code.length === 6 ? 'district' : 'street');

/** A city-wide list's answer, as the assertions read it. */
type Listing = Record<string, { edges: { level: string; jurisdictionCode: string; node: Record<string, string | boolean> }[]; pageInfo: { hasNextPage: boolean }; nodes: unknown[] }>;

async function ok<T = Listing>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await graphql<T>(url, query, { token, variables });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

interface Org {
  unitId: string;
  cadres: Record<string, string>;
  itemId: string;
}
const orgs: Record<string, Org> = {};

async function org(code: string, cadreNames: string[]): Promise<Org> {
  const level = levelOf(code);
  const fixture = await createUnitWithCadres(platform, tokens[code], level, code, cadreNames, `${code} 党委`);
  const itemId = await createResponsibilityItem(platform, tokens[code], level, { unitId: fixture.unitId, categoryCode: 'PARTY_CONDUCT', year: 2026 });
  const cadres = Object.fromEntries(cadreNames.map((name, index) => [name, fixture.cadreIds[index]]));
  return (orgs[code] = { unitId: fixture.unitId, cadres, itemId });
}

/** A task due `inDays` from today; after the 100-day shift it is overdue by 100 − inDays days (when open). */
async function task(code: string, title: string, inDays: number): Promise<string> {
  const prefix = PREFIX[levelOf(code)];
  const owner = orgs[code];
  const data = await ok<Record<string, { id: string }>>(tokens[code], `mutation ($input: CreateTaskInput!) { create${prefix}Task(input: $input) { id } }`, {
    input: { responsibilityItemId: owner.itemId, cadreId: Object.values(owner.cadres)[0], title, dueDate: daysFromToday(inDays) },
  });
  return data[`create${prefix}Task`].id;
}

async function duty(code: string, cadre: string, occurredOn: string): Promise<string> {
  const prefix = PREFIX[levelOf(code)];
  const data = await ok<Record<string, { recordId: string }>>(tokens[code], `mutation ($input: RecordDutyInput!) { record${prefix}Duty(input: $input) { recordId } }`, {
    input: { cadreId: orgs[code].cadres[cadre], responsibilityItemId: orgs[code].itemId, kind: 'MEETING', occurredOn, summary: `${cadre} 主持召开专题会议` },
  });
  return data[`record${prefix}Duty`].recordId;
}

async function check(supervisor: string, unitCode: string, findings: number): Promise<string[]> {
  const prefix = PREFIX[levelOf(supervisor)];
  const data = await ok<Record<string, { findings: { id: string }[] }>>(tokens[supervisor], `mutation ($input: CreateSupervisionCheckInput!) { create${prefix}SupervisionCheck(input: $input) { findings { id } } }`, {
    input: {
      unitId: orgs[unitCode].unitId,
      unitJurisdictionCode: unitCode,
      mode: 'ON_SITE',
      checkedOn: daysFromToday(-1),
      summary: '现场检查',
      findings: Array.from({ length: findings }, (_, index) => ({ description: `问题 ${index + 1}`, deadline: daysFromToday(30) })),
    },
  });
  return data[`create${prefix}SupervisionCheck`].findings.map((finding) => finding.id);
}

async function shiftDates(): Promise<void> {
  for (const level of ['city', 'district', 'street'] as const) {
    const em = platform.subgraphs[level].orm.em.fork() as EntityManager;
    await em.getConnection().execute(`update "task" set "due_date" = "due_date" - 100`);
    if (level !== 'street') await em.getConnection().execute(`update "directive" set "deadline" = "deadline" - 20`);
  }
}

function quarterStart(): string {
  const today = daysFromToday(0);
  const month = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${today.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
}

const ids: Record<string, string> = {};
let cityDirective1: string;
let cityDirective2: string;
let districtDirective: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  url = platform.gateway.url;
  for (const code of [CITY, HEPING, HEXI, QUANYECHANG, XIAOBAILOU, DAYINGMEN]) {
    tokens[code] = await platform.token({ level: levelOf(code), code, roles: ['admin', 'commission', 'analyst'] });
  }

  // Units and cadres: names chosen so that their code-point order is plain (一 < 七 < 三 < 二 …, see below).
  await org(CITY, ['王一', '王二']);
  await org(HEPING, ['李一', '李二']);
  await org(HEXI, ['钱一']);
  await org(QUANYECHANG, ['赵一', '赵二']);
  await org(XIAOBAILOU, ['孙一']);
  await org(DAYINGMEN, ['周一']);

  // Tasks: [title, due in days]; after the shift: overdue by 100 − days.
  const plan: [string, string, number][] = [
    [CITY, 'c1', 1], // 99
    [CITY, 'c2', 50], // 50
    [CITY, 'c3', 150], // due in 50 days: not overdue
    [HEPING, 'd1', 2], // 98
    [HEPING, 'd2', 30], // 70
    [HEPING, 'd3', 60], // 40
    [HEXI, 'e1', 10], // 90
    [HEXI, 'e2', 80], // 20
    [QUANYECHANG, 's1', 3], // 97
    [QUANYECHANG, 's2', 20], // 80
    [QUANYECHANG, 's3', 95], // 5
    [DAYINGMEN, 't1', 40], // 60
    [DAYINGMEN, 't2', 70], // 30
  ];
  for (const [code, title, days] of plan) ids[title] = await task(code, title, days);
  // c4 is completed, so never overdue.
  ids.c4 = await task(CITY, 'c4', 5);
  await ok(tokens[CITY], `mutation ($id: ID!) { startCityTask(id: $id) { id } }`, { id: ids.c4 });
  await ok(tokens[CITY], `mutation ($id: ID!) { completeCityTask(id: $id) { id } }`, { id: ids.c4 });

  // Duty records: this quarter for 王一, 李一 (corrected once: still one record), 赵二; last quarter for 赵一.
  const todayDate = daysFromToday(0);
  await duty(CITY, '王一', todayDate);
  const liRecord = await duty(HEPING, '李一', todayDate);
  await ok(tokens[HEPING], `mutation ($id: ID!, $input: CorrectDutyRecordInput!) { correctDistrictDutyRecord(recordId: $id, input: $input) { version } }`, {
    id: liRecord,
    input: { reason: '补充会议内容', summary: '李一 主持召开专题会议（补充）' },
  });
  await duty(QUANYECHANG, '赵二', todayDate);
  const lastQuarter = new Date(Date.UTC(Number(quarterStart().slice(0, 4)), Number(quarterStart().slice(5, 7)) - 1, 0)).toISOString().slice(0, 10);
  await duty(QUANYECHANG, '赵一', lastQuarter);

  // Findings. The city checks 和平区's unit (2 findings, one rectified and accepted) and 河西区's (1);
  // 和平区 checks its own unit (1) and 劝业场街道's (2).
  const cityOnHeping = await check(CITY, HEPING, 2);
  await check(CITY, HEXI, 1);
  await check(HEPING, HEPING, 1);
  await check(HEPING, QUANYECHANG, 2);
  const report = await ok<Record<string, { id: string }>>(tokens[HEPING], `mutation ($input: SubmitRectificationReportInput!) { submitDistrictRectificationReport(input: $input) { id } }`, {
    input: { findingId: cityOnHeping[1], summary: '已整改到位' },
  });
  expect(report.submitDistrictRectificationReport.id).toEqual(expect.any(String));
  await ok(tokens[CITY], `mutation ($id: ID!) { acceptCitySupervisionFinding(id: $id) { status } }`, { id: cityOnHeping[1] });

  // Directives (deadline in days; after the shift 20 days earlier).
  const issue = async (code: string, title: string, targets: string[], inDays: number) => {
    const prefix = PREFIX[levelOf(code)];
    const data = await ok<Record<string, { id: string }>>(tokens[code], `mutation ($input: IssueDirectiveInput!) { issue${prefix}Directive(input: $input) { id } }`, {
      input: { title, requirements: '按期完成并报告', deadline: daysFromToday(inDays), targetCodes: targets },
    });
    return data[`issue${prefix}Directive`].id;
  };
  cityDirective1 = await issue(CITY, '市级指令一', [HEPING, HEXI], 10); // 10 days overdue; 和平区 completes, 河西区 does not
  cityDirective2 = await issue(CITY, '市级指令二', [HEPING], 5); // 15 days overdue, but completed by its only addressee
  await issue(CITY, '市级指令三', [HEPING, HEXI], 30); // due in 10 days: not overdue
  districtDirective = await issue(HEPING, '区级指令', [QUANYECHANG, XIAOBAILOU], 2); // 18 days overdue; 劝业场 only acknowledges
  const complete = `mutation ($id: ID!) { completeCityDirective(directiveId: $id, input: { report: "已完成" }) { status } }`;
  await ok(tokens[HEPING], complete, { id: cityDirective1 });
  await ok(tokens[HEPING], complete, { id: cityDirective2 });
  await ok(tokens[QUANYECHANG], `mutation ($id: ID!) { acknowledgeDistrictDirective(directiveId: $id) { status } }`, { id: districtDirective });

  await shiftDates();
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

const TOP_OVERDUE = `
  query ($scope: [String!], $first: Int!, $after: String) {
    citywideTasks(scope: $scope, filter: { overdue: true }, first: $first, after: $after) {
      edges { cursor level jurisdictionCode daysOverdue node { __typename ... on Task { id title dueDate overdue } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const FIGURES = `
  query ($scope: [String!]) {
    districtFigures(scope: $scope) {
      code name district { code name }
      overdueTasks { district streets total }
      findingsNotRectified { district streets total }
      dutyRecords { district streets total }
    }
  }`;

type Edge = { level: string; jurisdictionCode: string; daysOverdue: number; cursor: string; node: { __typename: string; id: string; title: string; overdue: boolean } };

describe('the six questions, one query each', () => {
  it('1 and 2 and 6: overdue tasks, findings not rectified and this quarter\'s duty records per district, streets included', async () => {
    const data = await ok<{ districtFigures: { code: string }[] }>(tokens[CITY], FIGURES, { scope: [CITY] });
    expect(data.districtFigures).toHaveLength(16);
    const byCode = Object.fromEntries(data.districtFigures.map((figure) => [figure.code, figure]));
    expect(byCode[HEPING]).toEqual({
      code: HEPING,
      name: '和平区',
      district: { code: HEPING, name: '和平区' },
      // d1, d2, d3 | s1, s2, s3
      overdueTasks: { district: 3, streets: 3, total: 6 },
      // the city's open one + its own | 劝业场街道's two (the accepted one is rectified)
      findingsNotRectified: { district: 2, streets: 2, total: 4 },
      // 李一 (two versions, one record) | 赵二 (赵一's is last quarter's)
      dutyRecords: { district: 1, streets: 1, total: 2 },
    });
    expect(byCode[HEXI]).toMatchObject({
      overdueTasks: { district: 2, streets: 2, total: 4 }, // e1, e2 | t1, t2
      findingsNotRectified: { district: 1, streets: 0, total: 1 },
      dutyRecords: { district: 0, streets: 0, total: 0 },
    });
    expect(byCode['120102']).toMatchObject({ overdueTasks: { total: 0 }, findingsNotRectified: { total: 0 }, dutyRecords: { total: 0 } });
  });

  it('3: the 10 most overdue tasks of the city, every level, with days overdue', async () => {
    const data = await ok<{ citywideTasks: { edges: Edge[]; pageInfo: { hasNextPage: boolean } } }>(tokens[CITY], TOP_OVERDUE, { scope: [CITY], first: 10 });
    const edges = data.citywideTasks.edges;
    expect(edges.map((edge) => [edge.node.title, edge.daysOverdue])).toEqual([
      ['c1', 99],
      ['d1', 98],
      ['s1', 97],
      ['e1', 90],
      ['s2', 80],
      ['d2', 70],
      ['t1', 60],
      ['c2', 50],
      ['d3', 40],
      ['t2', 30],
    ]);
    expect(edges.map((edge) => edge.node.__typename)).toEqual([
      'CityTask', 'DistrictTask', 'StreetTask', 'DistrictTask', 'StreetTask', 'DistrictTask', 'StreetTask', 'CityTask', 'DistrictTask', 'StreetTask',
    ]);
    expect(edges[2]).toMatchObject({ level: 'street', jurisdictionCode: QUANYECHANG, node: { id: ids.s1, overdue: true } });
    expect(data.citywideTasks.pageInfo.hasNextPage).toBe(true); // e2 (20) and s3 (5) follow
  });

  it('4: cadres with no duty record this quarter', async () => {
    const data = await ok(tokens[CITY], `
      query ($from: String!, $to: String!) {
        citywideCadres(scope: ["120000"], filter: { noDutyRecordFrom: $from, noDutyRecordTo: $to }, first: 50) {
          edges { level jurisdictionCode node { __typename ... on Cadre { name } } }
          pageInfo { hasNextPage }
        }
      }`, { from: quarterStart(), to: daysFromToday(0) });
    // Everyone but 王一, 李一 and 赵二, by code point: 周 U+5468 < 孙 U+5B59 < 李 U+674E < 王 U+738B < 赵 U+8D75 < 钱 U+94B1.
    expect(data.citywideCadres.edges.map((edge) => [edge.node.name, edge.jurisdictionCode, edge.node.__typename])).toEqual([
      ['周一', DAYINGMEN, 'StreetCadre'],
      ['孙一', XIAOBAILOU, 'StreetCadre'],
      ['李二', HEPING, 'DistrictCadre'],
      ['王二', CITY, 'CityCadre'],
      ['赵一', QUANYECHANG, 'StreetCadre'],
      ['钱一', HEXI, 'DistrictCadre'],
    ]);
    expect(data.citywideCadres.pageInfo.hasNextPage).toBe(false);
  });

  it('5: directives past their deadline and not completed, with the addressees that have not completed', async () => {
    const data = await ok(tokens[CITY], `{
      citywideOverdueDirectives(scope: ["120000"], first: 10) {
        nodes {
          issuerCode deadline daysOverdue pendingAddressees { code name }
          directive { __typename ... on Directive { id title } }
        }
        pageInfo { hasNextPage }
      }
    }`);
    expect(data.citywideOverdueDirectives.nodes).toEqual([
      {
        issuerCode: HEPING,
        deadline: daysFromToday(-18),
        daysOverdue: 18,
        pendingAddressees: [{ code: QUANYECHANG, name: '劝业场街道' }, { code: XIAOBAILOU, name: '小白楼街道' }],
        directive: { __typename: 'DistrictDirective', id: districtDirective, title: '区级指令' },
      },
      {
        issuerCode: CITY,
        deadline: daysFromToday(-10),
        daysOverdue: 10,
        pendingAddressees: [{ code: HEXI, name: '河西区' }],
        directive: { __typename: 'CityDirective', id: cityDirective1, title: '市级指令一' },
      },
    ]);
    expect(data.citywideOverdueDirectives.pageInfo.hasNextPage).toBe(false);
  });
});

describe('city-wide lists', () => {
  it('pages across the levels with one cursor: three pages of 5 are the one list of 12', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const data: { citywideTasks: { edges: Edge[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await ok(tokens[CITY], TOP_OVERDUE, { scope: [CITY], first: 5, after });
      seen.push(...data.citywideTasks.edges.map((edge) => edge.node.title));
      expect(data.citywideTasks.pageInfo.hasNextPage).toBe(page < 2);
      after = data.citywideTasks.pageInfo.endCursor;
    }
    expect(seen).toEqual(['c1', 'd1', 's1', 'e1', 's2', 'd2', 't1', 'c2', 'd3', 't2', 'e2', 's3']);
  });

  it('costs each level the same statements for a page whatever the tables hold', async () => {
    const levels = ['city', 'district', 'street'] as const;
    const statements = async () => {
      const before = await Promise.all(levels.map((level) => sqlStatementCount(platform.subgraphs[level].metrics)));
      const data = await ok<{ citywideTasks: { edges: Edge[] } }>(tokens[CITY], TOP_OVERDUE, { scope: [CITY], first: 5 });
      expect(data.citywideTasks.edges).toHaveLength(5);
      const after = await Promise.all(levels.map((level) => sqlStatementCount(platform.subgraphs[level].metrics)));
      return levels.map((_, index) => after[index] - before[index]);
    };
    const few = await statements();
    // 400 more overdue street tasks, written straight into the street database: only volume matters here.
    const em = platform.subgraphs.street.orm.em.fork() as EntityManager;
    const owner = orgs[DAYINGMEN];
    await em.insertMany(
      TaskEntity,
      Array.from({ length: 400 }, (_, index) => ({
        id: newId(), jurisdictionCode: DAYINGMEN, responsibilityItemId: owner.itemId, cadreId: Object.values(owner.cadres)[0],
        title: `批量 ${index}`, description: '', dueDate: daysFromToday(-1 - (index % 3)), progress: 0, status: 'PLANNED' as const,
        cancelReason: null, completedAt: null, createdAt: new Date(), updatedAt: new Date(),
      })),
    );
    const many = await statements();
    expect(many).toEqual(few);
    await em.getConnection().execute(`delete from "task" where "title" like '批量 %'`);
  });

  it('lists findings not rectified of a district and its streets, most overdue first, and units without a list for a year', async () => {
    const findings = await ok(tokens[CITY], `{
      citywideFindings(scope: ["120101"], filter: { notRectified: true }) { edges { level jurisdictionCode node { __typename } } }
    }`);
    expect(findings.citywideFindings.edges.map((edge) => `${edge.level}:${edge.jurisdictionCode}`).sort()).toEqual(
      ['city:120101', 'district:120101', 'district:120101001', 'district:120101001'].sort(),
    );
    const units = await ok(tokens[CITY], `{ citywideUnits(scope: ["120000"], filter: { noResponsibilityListYear: 2025 }) { edges { jurisdictionCode } } }`);
    expect(units.citywideUnits.edges).toHaveLength(6); // every unit made here has a 2026 list only
    const with2026 = await ok(tokens[CITY], `{ citywideUnits(scope: ["120000"], filter: { noResponsibilityListYear: 2026 }) { edges { jurisdictionCode } } }`);
    expect(with2026.citywideUnits.edges).toHaveLength(0);
  });

  it('lists the checks of a district\'s and its streets\' units, by the city and the district, and interviews of the scope', async () => {
    const checks = await ok(tokens[CITY], `{ citywideChecks(scope: ["120101"]) { edges { level jurisdictionCode node { __typename ... on SupervisionCheck { summary } } } } }`);
    expect(checks.citywideChecks.edges.map((edge) => `${edge.level}:${edge.jurisdictionCode}:${String(edge.node.__typename)}`).sort()).toEqual(
      ['city:120101:CitySupervisionCheck', 'district:120101:DistrictSupervisionCheck', 'district:120101001:DistrictSupervisionCheck'].sort(),
    );
    // No assessment was finalized here, so nobody was interviewed.
    const interviews = await ok(tokens[CITY], `{ citywideInterviews(scope: ["120000"], filter: { followUpStatus: AWAITING_FOLLOW_UP }) { edges { level } } }`);
    expect(interviews.citywideInterviews.edges).toEqual([]);
  });

  it('lists duty records of the whole city, latest versions, newest first', async () => {
    const data = await ok(tokens[CITY], `{ citywideDutyRecords(scope: ["120000"]) { edges { level node { ... on DutyRecord { summary latest } } } } }`);
    const summaries = data.citywideDutyRecords.edges.map((edge) => edge.node.summary);
    expect(summaries).toHaveLength(4);
    expect(summaries.at(-1)).toBe('赵一 主持召开专题会议'); // last quarter's, the oldest
    expect(summaries).toContain('李一 主持召开专题会议（补充）');
    expect(data.citywideDutyRecords.edges.every((edge) => edge.node.latest)).toBe(true);
  });
});

describe('who may use the city-wide lists', () => {
  let hepingCommission: string;
  beforeAll(async () => {
    hepingCommission = await platform.token({ level: 'district', code: HEPING, roles: ['commission'] });
  });

  const errorOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions as { code: string; field?: string };

  it('a district commission sees only its district and its streets', async () => {
    const data = await ok<{ citywideTasks: { edges: Edge[] } }>(hepingCommission, TOP_OVERDUE, { first: 20 });
    expect(data.citywideTasks.edges.map((edge) => edge.node.title)).toEqual(['d1', 's1', 's2', 'd2', 'd3', 's3']);
    const figures = await ok<{ districtFigures: { code: string }[] }>(hepingCommission, FIGURES, {});
    expect(figures.districtFigures.map((figure) => figure.code)).toEqual([HEPING]);
    const directives = await ok(hepingCommission, `{ citywideOverdueDirectives { nodes { issuerCode daysOverdue } } }`);
    expect(directives.citywideOverdueDirectives.nodes).toEqual([{ issuerCode: HEPING, daysOverdue: 18 }]);
  });

  it('refuses a district commission the city or another district, and anonymous callers', async () => {
    for (const scope of [[CITY], [HEXI], [HEPING, DAYINGMEN]]) {
      const response = await graphql(url, TOP_OVERDUE, { token: hepingCommission, variables: { scope, first: 5 } });
      expect(errorOf(response).code).toBe('FORBIDDEN');
    }
    const figures = await graphql(url, FIGURES, { token: hepingCommission, variables: { scope: [CITY] } });
    expect(errorOf(figures).code).toBe('FORBIDDEN');
    const anonymous = await graphql(url, TOP_OVERDUE, { variables: { first: 5 } });
    expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
  });

  it('names the argument at fault', async () => {
    const badCode = await graphql(url, TOP_OVERDUE, { token: tokens[CITY], variables: { scope: ['12x'], first: 5 } });
    expect(errorOf(badCode)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'scope.0' }));
    const badCursor = await graphql(url, TOP_OVERDUE, { token: tokens[CITY], variables: { first: 5, after: 'bm90IGEgY3Vyc29y' } });
    expect(errorOf(badCursor)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
    const street = await graphql(url, FIGURES, { token: tokens[CITY], variables: { scope: [QUANYECHANG] } });
    expect(errorOf(street)).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'scope.0' }));
  });

  it('weighs a city-wide list by its page in the operation limits', async () => {
    // 100 cadres (the page) × 20 duty records × 20 versions × 20 files: far over the cost limit of 200,000, refused before planning.
    const heavy = await graphql(url, `{
      citywideCadres(scope: ["120000"], first: 100) { edges { node { ... on CityCadre {
        dutyRecords { versions { id summary attachments { id name } } }
      } } } }
    }`, { token: tokens[CITY] });
    expect(heavy.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const light = await graphql(url, `{ citywideCadres(scope: ["120000"], first: 5) { edges { node { ... on CityCadre { dutyRecords { id } } } } } }`, { token: tokens[CITY] });
    expect(light.errors).toBeUndefined();
  });

  it('keeps the levels\' key queries out of the API and refuses them to anyone but a peer subgraph', async () => {
    const throughGateway = await graphql(url, `{ districtCitywideKeys(request: "{}") }`, { token: tokens[CITY] });
    expect(throughGateway.errors?.[0]?.message).toContain('districtCitywideKeys');
    const direct = await fetch(platform.subgraphs.district.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-secret': platform.secrets.gatewaySecret, authorization: `Bearer ${tokens[CITY]}` },
      body: JSON.stringify({ query: `{ districtCitywideKeys(request: "{}") }` }),
    });
    const body = (await direct.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('export of the city-wide lists', () => {
  /** A second gateway on the same subgraphs that exports 4 rows per page, so lists span pages. */
  let smallPages: RunningGateway;
  beforeAll(async () => {
    const { city, district, street } = platform.subgraphs;
    smallPages = await startGateway({
      port: 0,
      gatewaySecret: platform.secrets.gatewaySecret,
      jwtPublicJwk: platform.secrets.publicJwk,
      subgraphUrls: { city: city.url, district: district.url, street: street.url },
      exportPageSize: 4,
      log: () => {},
    });
  });
  afterAll(async () => {
    await smallPages?.stop();
  });
  const download = (path: string, token: string) =>
    fetch(smallPages.url.replace(/\/graphql$/, `/export/${path}`), { headers: { authorization: `Bearer ${token}` } });

  it('exports the 10 most overdue tasks as CSV with Chinese headers, across pages', async () => {
    const response = await download('citywide-tasks.csv?scope=120000&overdue=true&limit=10', tokens[CITY]);
    expect(response.status).toBe(200);
    const rows: string[][] = parse((await response.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['层级', '辖区代码', '任务', '责任人', '职务', '截止日期', '状态', '进度(%)', '逾期天数']);
    expect(rows.slice(1).map((row) => [row[0], row[1], row[2], row[8]])).toEqual([
      ['市级', CITY, 'c1', '99'],
      ['区级', HEPING, 'd1', '98'],
      ['街道(乡镇)级', QUANYECHANG, 's1', '97'],
      ['区级', HEXI, 'e1', '90'],
      ['街道(乡镇)级', QUANYECHANG, 's2', '80'],
      ['区级', HEPING, 'd2', '70'],
      ['街道(乡镇)级', DAYINGMEN, 't1', '60'],
      ['市级', CITY, 'c2', '50'],
      ['区级', HEPING, 'd3', '40'],
      ['街道(乡镇)级', DAYINGMEN, 't2', '30'],
    ]);
    expect(rows[1][3]).toBe('王一');
  });

  it('exports the per-district figures and the cadres without duty records as XLSX', async () => {
    const figures = await download('district-figures.xlsx?scope=120101&scope=120103', tokens[CITY]);
    expect(figures.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await figures.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '区代码', '区', '逾期任务(区本级)', '逾期任务(街道)', '逾期任务合计', '未整改问题(区本级)', '未整改问题(街道)', '未整改问题合计', '履职纪实(区本级)', '履职纪实(街道)', '履职纪实合计']);
    expect(sheet.getRow(2).values).toEqual([undefined, HEPING, '和平区', 3, 3, 6, 2, 2, 4, 1, 1, 2]);
    expect(sheet.getRow(3).values).toEqual([undefined, HEXI, '河西区', 2, 2, 4, 1, 0, 1, 0, 0, 0]);
    expect(sheet.rowCount).toBe(3);

    const cadres = await download(`citywide-cadres.xlsx?scope=120101&noDutyRecordFrom=${quarterStart()}&noDutyRecordTo=${daysFromToday(0)}`, tokens[CITY]);
    const cadreBook = new ExcelJS.Workbook();
    await cadreBook.xlsx.load(Buffer.from(await cadres.arrayBuffer()) as never);
    const cadreSheet = cadreBook.worksheets[0];
    const names = [];
    for (let row = 2; row <= cadreSheet.rowCount; row += 1) names.push(cadreSheet.getRow(row).getCell(3).value);
    expect(names).toEqual(['孙一', '李二', '赵一']);
  });

  it('exports the findings not rectified of a district and its streets', async () => {
    const response = await download('citywide-findings.csv?scope=120101&notRectified=true', tokens[CITY]);
    expect(response.status).toBe(200);
    const rows: string[][] = parse((await response.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['发现层级', '被检查单位辖区', '问题', '整改期限', '状态', '整改逾期天数', '查而不改']);
    expect(rows.slice(1).map((row) => `${row[0]}:${row[1]}:${row[4]}:${row[6]}`).sort()).toEqual(
      ['市级:120101:待整改:否', '区级:120101:待整改:否', '区级:120101001:待整改:否', '区级:120101001:待整改:否'].sort(),
    );
  });

  it('refuses a district commission\'s export of the whole city with the subgraph\'s FORBIDDEN', async () => {
    const hepingCommission = await platform.token({ level: 'district', code: HEPING, roles: ['commission'] });
    const response = await download('citywide-tasks.csv?scope=120000', hepingCommission);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await download('citywide-tasks.csv?scope=abc', tokens[CITY]);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { extensions: { field: string } }[] }).errors[0].extensions.field).toBe('scope.0');
  });
});
