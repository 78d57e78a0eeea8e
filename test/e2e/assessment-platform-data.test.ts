import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AuditEntryEntity,
  ResponsibilityItemEntity,
  sqlStatementCount,
  SupervisionCheckEntity,
  SupervisionFindingEntity,
  TaskEntity,
  today,
  verifyAuditChain,
  type FindingStatusCode,
  type TaskStatusCode,
} from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { type AnyData, gatewayCaller, ok, expectError } from '../support/gateway-client';
import { createUnitWithCadres, daysFromToday, type OrgFixture } from '../support/task-fixtures';

/*
 * 考核数据接入: the city's assessment of two of its own departments and two districts, fed from
 * tasks (city database for the departments, the district database for the districts) and from the
 * city's findings. Every expected figure below is worked out by hand from the rows set up here.
 */

let platform: TestPlatform;
let cityCommission: string;
const YEAR = Number(today().slice(0, 4));

beforeAll(async () => {
  platform = await startTestPlatform();
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
});
afterAll(() => platform?.stop());

const { call } = gatewayCaller(() => platform);

/** Tasks with the given statuses on a fresh item of the unit's list, straight into its level's database. */
async function tasksOf(em: EntityManager, code: string, org: OrgFixture, statuses: TaskStatusCode[]): Promise<void> {
  const item = em.create(ResponsibilityItemEntity, {
    jurisdictionCode: code,
    unitId: org.unitId,
    categoryCode: 'PARTY_CONDUCT',
    content: '落实全面从严治党主体责任',
    basis: '年度主体责任清单',
    year: YEAR,
  });
  // No relation is mapped, so the item goes in first for the task's foreign key.
  await em.flush();
  for (const [index, status] of statuses.entries()) {
    em.create(TaskEntity, {
      jurisdictionCode: code,
      responsibilityItemId: item.id,
      title: `任务 ${index + 1}`,
      cadreId: org.cadreIds[0],
      dueDate: daysFromToday(status === 'PLANNED' ? -3 : 30),
      status,
      progress: status === 'COMPLETED' ? 100 : 0,
      cancelReason: status === 'CANCELLED' ? '任务调整' : null,
      completedAt: status === 'COMPLETED' ? new Date() : null,
    });
  }
  await em.flush();
}

interface FindingSpec {
  status: FindingStatusCode;
  deadline: string;
  reopenCount?: number;
  checkedOn?: string;
}

/** Findings of the city against one unit, each from its own check. */
async function cityFindings(unitId: string, unitCode: string, specs: FindingSpec[]): Promise<void> {
  const em = platform.subgraphs.city.orm.em.fork();
  for (const spec of specs) {
    const check = em.create(SupervisionCheckEntity, {
      jurisdictionCode: '120000',
      unitId,
      unitJurisdictionCode: unitCode,
      kind: 'ROUTINE',
      mode: 'ON_SITE',
      methods: ['DOCUMENT_REVIEW'],
      spotChecks: [],
      checkedOn: spec.checkedOn ?? `${YEAR}-01-01`,
      summary: '季度现场检查',
      createdBy: 'test',
    });
    await em.flush();
    em.create(SupervisionFindingEntity, {
      jurisdictionCode: '120000',
      checkId: check.id,
      unitId,
      unitJurisdictionCode: unitCode,
      description: '主体责任清单落实不到位',
      deadline: spec.deadline,
      status: spec.status,
      reopenCount: spec.reopenCount ?? 0,
      lastReportId: spec.status === 'OPEN' ? null : randomUUID(),
      closedAt: ['ACCEPTED', 'CONFIRMED'].includes(spec.status) ? new Date() : null,
    });
  }
  await em.flush();
}

const SHEET_FIELDS = 'id unitName jurisdictionCode taskCompletionRate taskCompletionSource taskCompletionSourcedAt deduction deductionSource deductionSourcedAt deductionNote total rank grade interviewRequired';
const IMPORT = `mutation($id: ID!) { importCityAssessmentPlatformData(planId: $id) { id status sheets { ${SHEET_FIELDS} } } }`;
const ENTER = `mutation($input: EnterAssessmentScoresInput!) { enterCityAssessmentScores(input: $input) { taskCompletionSource deductionSource } }`;

describe('the annual assessment fed from tasks and findings', () => {
  let planId: string;
  const PAST = daysFromToday(-1);
  const FUTURE = daysFromToday(30);
  // Real units of the districts: the city's score entry checks them with the district subgraph.
  const heping = { unitId: '', name: '和平区委' };
  const hedong = { unitId: '', name: '河东区委' };
  let education: OrgFixture;
  let health: OrgFixture;

  beforeAll(async () => {
    const cityAdmin = await platform.token({ level: 'city', code: '120000', roles: ['admin'] });
    education = await createUnitWithCadres(platform, cityAdmin, 'city', '120000', ['王明'], '市教委党委');
    health = await createUnitWithCadres(platform, cityAdmin, 'city', '120000', ['李华'], '市卫健委党委');
    const cityEm = platform.subgraphs.city.orm.em.fork();
    // 市教委: 4 completed of 6, 1 cancelled → 4 / (6 − 1) = 80%.
    await tasksOf(cityEm, '120000', education, ['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'IN_PROGRESS', 'CANCELLED']);
    // 市卫健委: 1 completed of 3 → 33.33%.
    await tasksOf(cityEm, '120000', health, ['COMPLETED', 'PLANNED', 'IN_PROGRESS']);

    const districtEm = platform.subgraphs.district.orm.em.fork();
    const hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
    const hedongAdmin = await platform.token({ level: 'district', code: '120102', roles: ['admin'] });
    const hexiAdmin = await platform.token({ level: 'district', code: '120103', roles: ['admin'] });
    for (const [unit, code, token] of [[heping, '120101', hepingAdmin], [hedong, '120102', hedongAdmin]] as const) {
      const response = await graphql<{ createDistrictUnit: { id: string } }>(platform.gateway.url, `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`, {
        token,
        variables: { input: { jurisdictionCode: code, name: unit.name, kind: 'PARTY_COMMITTEE' } },
      });
      unit.unitId = response.data!.createDistrictUnit.id;
    }
    // 和平区: 3 completed, 1 cancelled → 3 / 3 = 100%.
    await tasksOf(districtEm, '120101', await createUnitWithCadres(platform, hepingAdmin, 'district', '120101', ['赵刚']), ['COMPLETED', 'COMPLETED', 'COMPLETED', 'CANCELLED']);
    // 河东区: 1 completed, 1 in progress → 50%.
    await tasksOf(districtEm, '120102', await createUnitWithCadres(platform, hedongAdmin, 'district', '120102', ['钱进']), ['COMPLETED', 'IN_PROGRESS']);
    // 河西区 is not assessed here; its tasks must not reach anyone's rate.
    await tasksOf(districtEm, '120103', await createUnitWithCadres(platform, hexiAdmin, 'district', '120103', ['孙丽']), ['PLANNED', 'PLANNED']);

    // 市卫健委: one overdue → 2.
    await cityFindings(health.unitId, '120000', [
      { status: 'OPEN', deadline: PAST },
      { status: 'OPEN', deadline: FUTURE },
    ]);
    // 和平区: re-opened and overdue again (2 + 3.5), re-opened once then confirmed (3.5),
    // accepted after its deadline (0), overdue but raised last year (0) → 9.
    await cityFindings(heping.unitId, '120101', [
      { status: 'REOPENED', deadline: PAST, reopenCount: 1 },
      { status: 'CONFIRMED', deadline: PAST, reopenCount: 1 },
      { status: 'ACCEPTED', deadline: PAST },
      { status: 'OPEN', deadline: PAST, checkedOn: `${YEAR - 1}-11-20` },
    ]);
    // 河东区: two sent back after the deadline (2 × 2), one reported late and awaiting review (0) → 4.
    await cityFindings(hedong.unitId, '120102', [
      { status: 'SENT_BACK', deadline: PAST },
      { status: 'SENT_BACK', deadline: PAST },
      { status: 'REPORTED', deadline: PAST },
    ]);

    const created = ok(
      await call<{ createCityAssessmentPlan: { id: string; overdueFindingPoints: number; reopenedFindingPoints: number } }>(
        cityCommission,
        `mutation($input: CreateAssessmentPlanInput!) { createCityAssessmentPlan(input: $input) { id overdueFindingPoints reopenedFindingPoints } }`,
        {
          input: {
            assessorCode: '120000',
            year: YEAR,
            title: `${YEAR}年度落实全面从严治党主体责任考核`,
            indicators: [
              { code: 'PARTY', name: '主体责任落实', weight: 60 },
              { code: 'TASKS', name: '任务完成率', weight: 40, source: 'TASK_COMPLETION' },
            ],
            gradeThresholds: [
              { grade: 'EXCELLENT', minTotal: 90 },
              { grade: 'GOOD', minTotal: 80 },
              { grade: 'AVERAGE', minTotal: 60 },
              { grade: 'POOR', minTotal: 0 },
            ],
            interviewBottomCount: 1,
            overdueFindingPoints: 2,
            reopenedFindingPoints: 3.5,
          },
        },
      ),
    ).createCityAssessmentPlan;
    expect(created).toMatchObject({ overdueFindingPoints: 2, reopenedFindingPoints: 3.5 });
    planId = created.id;

    const sheets = [
      { jurisdictionCode: '120000', unitId: education.unitId, unitName: '市教委党委', party: 95 },
      { jurisdictionCode: '120000', unitId: health.unitId, unitName: '市卫健委党委', party: 90 },
      { jurisdictionCode: '120101', unitId: heping.unitId, unitName: heping.name, party: 100 },
      { jurisdictionCode: '120102', unitId: hedong.unitId, unitName: hedong.name, party: 85 },
    ];
    for (const { party, ...unit } of sheets) {
      // Typed-in values the import must replace.
      const entered = ok(
        await call<{ enterCityAssessmentScores: { taskCompletionSource: string; deductionSource: string } }>(cityCommission, ENTER, {
          input: { planId, ...unit, indicatorScores: [{ indicator: 'PARTY', score: party }], taskCompletionRate: 50, deduction: 1 },
        }),
      ).enterCityAssessmentScores;
      expect(entered).toEqual({ taskCompletionSource: 'ENTERED', deductionSource: 'ENTERED' });
    }
  });

  it('is refused to anyone but the city commission, and for a plan that does not exist', async () => {
    const cityAdmin = await platform.token({ level: 'city', code: '120000', roles: ['admin'] });
    const districtCommission = await platform.token({ level: 'district', code: '120101', roles: ['commission'] });
    expectError(await call(cityAdmin, IMPORT, { id: planId }), 'FORBIDDEN');
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expectError(await call(districtCommission, IMPORT, { id: planId }), 'NOT_FOUND');
    expectError(await call(undefined, IMPORT, { id: planId }), 'UNAUTHENTICATED');
    expectError(await call(cityCommission, IMPORT, { id: 'nope' }), 'BAD_USER_INPUT', 'planId');
    expectError(await call(cityCommission, IMPORT, { id: randomUUID() }), 'NOT_FOUND');
  });

  it('fills each sheet from the task statistics and the findings, in one request to the district level', async () => {
    const districtBefore = await sqlStatementCount(platform.subgraphs.district.metrics);
    const started = Date.now();
    const plan = ok(await call<{ importCityAssessmentPlatformData: { status: string; sheets: AnyData[] } }>(cityCommission, IMPORT, { id: planId }))
      .importCityAssessmentPlatformData;
    // The district subgraph: the two districts, then their task counts — one statement each.
    expect((await sqlStatementCount(platform.subgraphs.district.metrics)) - districtBefore).toBe(2);
    expect(plan.status).toBe('DRAFT');
    const byName = Object.fromEntries(plan.sheets.map((sheet) => [sheet.unitName, sheet]));
    const expected = {
      市教委党委: { rate: 80, deduction: 0 },
      市卫健委党委: { rate: 33.33, deduction: 2 },
      和平区委: { rate: 100, deduction: 9 },
      河东区委: { rate: 50, deduction: 4 },
    };
    for (const [name, { rate, deduction }] of Object.entries(expected)) {
      expect(byName[name]).toMatchObject({
        taskCompletionRate: rate,
        taskCompletionSource: 'TASK_STATISTICS',
        deduction,
        deductionSource: 'FINDINGS',
        total: null,
      });
      for (const at of [byName[name].taskCompletionSourcedAt, byName[name].deductionSourcedAt]) {
        expect(Date.parse(at)).toBeGreaterThanOrEqual(started - 1000);
      }
    }
    expect(byName['和平区委'].deductionNote).toBe(`${YEAR}年度监督检查发现问题: 逾期未整改 1 项 × 2 分 + 查而不改 2 项 × 3.5 分 = 9 分`);
    expect(byName['市教委党委'].deductionNote).toBe(`${YEAR}年度监督检查发现问题无逾期未整改、无查而不改`);

    const em = platform.subgraphs.city.orm.em.fork();
    const entries = await em.find(AuditEntryEntity, { action: 'import', entityType: 'AssessmentScoreSheet' });
    expect(entries.map((entry) => entry.entityId).sort()).toEqual(plan.sheets.map((sheet) => sheet.id).sort());
    expect((await verifyAuditChain(em)).valid).toBe(true);
  });

  it('a later entry by hand takes the value back and says so', async () => {
    const sheet = ok(
      await call<{ enterCityAssessmentScores: { taskCompletionSource: string; deductionSource: string } }>(cityCommission, ENTER, {
        input: { planId, jurisdictionCode: '120102', unitId: hedong.unitId, unitName: hedong.name, indicatorScores: [], deduction: 6 },
      }),
    ).enterCityAssessmentScores;
    expect(sheet).toEqual({ taskCompletionSource: 'TASK_STATISTICS', deductionSource: 'ENTERED' });
    // Feeding again puts the findings back: 4 points, source FINDINGS.
    const again = ok(await call<{ importCityAssessmentPlatformData: { sheets: AnyData[] } }>(cityCommission, IMPORT, { id: planId }));
    expect(again.importCityAssessmentPlatformData.sheets.find((row) => row.unitName === hedong.name)).toMatchObject({ deduction: 4, deductionSource: 'FINDINGS' });
  });

  it('finalizes into totals and a ranking that reflect the fed values, and a finalized plan refuses another import', async () => {
    ok(await call(cityCommission, `mutation($id: ID!) { finalizeCityAssessmentPlan(planId: $id) { status } }`, { id: planId }));
    const ranking = ok(
      await call<{ city: { assessmentRanking: AnyData[] } }>(
        cityCommission,
        `query($year: Int!) { city { assessmentRanking(year: $year) { unitName total rank grade interviewRequired } } }`,
        { year: YEAR },
      ),
    ).city.assessmentRanking;
    // 60 × party/100 + 40 × rate/100 − deduction:
    // 和平区 60 + 40 − 9 = 91; 市教委 57 + 32 = 89; 河东区 51 + 20 − 4 = 67; 市卫健委 54 + 13.332 → 67.33 − 2 = 65.33.
    expect(ranking).toEqual([
      { unitName: '和平区委', total: 91, rank: 1, grade: 'EXCELLENT', interviewRequired: false },
      { unitName: '市教委党委', total: 89, rank: 2, grade: 'GOOD', interviewRequired: false },
      { unitName: '河东区委', total: 67, rank: 3, grade: 'AVERAGE', interviewRequired: false },
      { unitName: '市卫健委党委', total: 65.33, rank: 4, grade: 'AVERAGE', interviewRequired: true },
    ]);

    const em = platform.subgraphs.city.orm.em.fork();
    const auditBefore = await em.count(AuditEntryEntity, {});
    expectError(await call(cityCommission, IMPORT, { id: planId }), 'BAD_USER_INPUT', 'planId');
    expect(await em.count(AuditEntryEntity, {})).toBe(auditBefore);
  });
});
