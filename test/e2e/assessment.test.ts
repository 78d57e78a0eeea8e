import { randomUUID } from 'node:crypto';
import { AssessmentPlanEntity, AssessmentSheetEntity, AuditEntryEntity, today, verifyAuditChain } from '@supervision/kit';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { gatewayCaller, ok, expectError } from '../support/gateway-client';

let platform: TestPlatform;
let commission: string;
let districtAdmin: string;
let cityCommission: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  commission = await platform.token({ level: 'district', code: '120101', roles: ['commission'] });
  districtAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
});
afterAll(() => platform?.stop());

const { call } = gatewayCaller(() => platform);

const CREATE_PLAN = `mutation($input: CreateAssessmentPlanInput!) {
  createDistrictAssessmentPlan(input: $input) { id status totalWeight indicators { code weight source } gradeThresholds { grade minTotal } }
}`;
const ENTER = `mutation($input: EnterAssessmentScoresInput!) {
  enterDistrictAssessmentScores(input: $input) { id unitName indicatorScores { indicator score } democraticScore taskCompletionRate taskCompletionSource deduction total rank grade }
}`;
const FINALIZE = `mutation($id: ID!) { finalizeDistrictAssessmentPlan(planId: $id) { id status finalizedAt } }`;
const PUBLISH = `mutation($id: ID!) { publishDistrictAssessmentCommendation(planId: $id) { title year entries { unitName total rank } } }`;
const INTERVIEW = `mutation($input: RecordAssessmentInterviewInput!) {
  recordDistrictAssessmentInterview(input: $input) { id followUpStatus commitments { id position content status } }
}`;
const FOLLOW_UP = `mutation($input: RecordAssessmentFollowUpInput!) {
  recordDistrictAssessmentFollowUp(input: $input) { id followUpStatus commitments { position status confirmedOn lastCheckNote } followUps { visitedOn results { fulfilled } } }
}`;

/** 40 + 20 + 20 + 20 = 100; the rectification indicator is scored out of 50. */
const INDICATORS = [
  { code: 'PARTY_CONDUCT', name: '党风廉政建设', weight: 40, minScore: 0, maxScore: 100 },
  { code: 'RECTIFICATION', name: '整改落实', weight: 20, minScore: 0, maxScore: 50 },
  { code: 'DEMOCRATIC', name: '民主测评', weight: 20, source: 'DEMOCRATIC_EVALUATION' },
  { code: 'TASKS', name: '任务完成率', weight: 20, source: 'TASK_COMPLETION' },
];
const THRESHOLDS = [
  { grade: 'EXCELLENT', minTotal: 90 },
  { grade: 'GOOD', minTotal: 80 },
  { grade: 'AVERAGE', minTotal: 60 },
  { grade: 'POOR', minTotal: 0 },
];
const PLAN = { assessorCode: '120101', year: 2025, title: '和平区2025年度落实主体责任考核', indicators: INDICATORS, gradeThresholds: THRESHOLDS, interviewBottomCount: 2 };

interface Unit {
  jurisdictionCode: string;
  unitId: string;
  unitName: string;
}

async function districtUnit(name: string): Promise<Unit> {
  const unit = ok(
    await call<{ createDistrictUnit: { id: string } }>(districtAdmin, `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`, {
      input: { jurisdictionCode: '120101', name, kind: 'DEPARTMENT' },
    }),
  ).createDistrictUnit;
  return { jurisdictionCode: '120101', unitId: unit.id, unitName: name };
}

/** A real unit of a street: the district's write checks it with the street's subgraph. */
const streetUnits = new Map<string, Promise<Unit>>();
function street(code: string, name: string): Promise<Unit> {
  const key = `${code}:${name}`;
  if (!streetUnits.has(key)) streetUnits.set(key, createStreetUnit(code, name));
  return streetUnits.get(key)!;
}

async function createStreetUnit(code: string, name: string): Promise<Unit> {
  const admin = await platform.token({ level: 'street', code, roles: ['admin'] });
  const unit = ok(
    await call<{ createStreetUnit: { id: string } }>(admin, `mutation($input: CreateUnitInput!) { createStreetUnit(input: $input) { id } }`, {
      input: { jurisdictionCode: code, name, kind: 'DEPARTMENT' },
    }),
  ).createStreetUnit;
  return { jurisdictionCode: code, unitId: unit.id, unitName: name };
}

function scores(party: number, rectification: number) {
  return [
    { indicator: 'PARTY_CONDUCT', score: party },
    { indicator: 'RECTIFICATION', score: rectification },
  ];
}

async function counts() {
  const em = platform.subgraphs.district.orm.em.fork();
  return {
    plans: await em.count(AssessmentPlanEntity),
    sheets: await em.count(AssessmentSheetEntity),
    ranked: await em.count(AssessmentSheetEntity, { rank: { $ne: null } }),
    audit: await em.count(AuditEntryEntity),
  };
}

describe('annual assessment (年度主体责任考核)', () => {
  let planId: string;
  const units: Record<string, Unit> = {};
  const sheetIds: Record<string, string> = {};

  it('refuses a plan whose weights do not add up, or from anyone but the district\'s commission, and writes nothing', async () => {
    const before = await counts();
    const short = INDICATORS.map((indicator) => (indicator.code === 'TASKS' ? { ...indicator, weight: 15 } : indicator));
    const response = await call(commission, CREATE_PLAN, { input: { ...PLAN, indicators: short } });
    expectError(response, 'BAD_USER_INPUT', 'input.indicators');
    expect(response.errors?.[0].message).toContain('95');
    expectError(await call(commission, CREATE_PLAN, { input: { ...PLAN, gradeThresholds: THRESHOLDS.slice(0, 3) } }), 'BAD_USER_INPUT', 'input.gradeThresholds');
    const inverted = INDICATORS.map((indicator, index) => (index === 1 ? { ...indicator, minScore: 60, maxScore: 50 } : indicator));
    expectError(await call(commission, CREATE_PLAN, { input: { ...PLAN, indicators: inverted } }), 'BAD_USER_INPUT', 'input.indicators.1.maxScore');
    expectError(await call(districtAdmin, CREATE_PLAN, { input: PLAN }), 'FORBIDDEN');
    expectError(await call(cityCommission, CREATE_PLAN, { input: PLAN }), 'FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('the commission creates the plan and enters scores from several sources', async () => {
    const plan = ok(await call(commission, CREATE_PLAN, { input: PLAN })).createDistrictAssessmentPlan;
    planId = plan.id;
    expect(plan).toMatchObject({ status: 'DRAFT', totalWeight: 100 });
    expectError(await call(commission, CREATE_PLAN, { input: PLAN }), 'BAD_USER_INPUT', 'input.year');

    units.quanyechang = await street('120101001', '劝业场街道');
    units.education = await districtUnit('和平区教育局');
    units.xiaobailou = await street('120101002', '小白楼街道');
    units.health = await districtUnit('和平区卫生健康委员会');
    units.wudadao = await street('120101003', '五大道街道');
    units.xinxing = await street('120101004', '新兴街道');

    // [party 0–100, rectification 0–50, democratic, task rate %, deduction] and the totals by hand:
    const sheets: [string, number, number, number, number, number][] = [
      ['quanyechang', 95, 48, 92, 100, 0], // 38 + 19.2 + 18.4 + 20 = 95.6
      ['education', 90, 45, 90, 95, 0], // 36 + 18 + 18 + 19 = 91
      ['xiaobailou', 85, 45, 88, 90, 1.5], // 34 + 18 + 17.6 + 18 = 87.6 − 1.5 = 86.1
      ['health', 80, 50, 90.5, 95, 3], // 32 + 20 + 18.1 + 19 = 89.1 − 3 = 86.1
      ['wudadao', 70, 35, 75, 80, 2], // 28 + 14 + 15 + 16 = 73 − 2 = 71
    ];
    for (const [key, party, rectification, democratic, rate, deduction] of sheets) {
      const sheet = ok(
        await call(commission, ENTER, {
          input: { planId, ...units[key], indicatorScores: scores(party, rectification), democraticScore: democratic, taskCompletionRate: rate, deduction },
        }),
      ).enterDistrictAssessmentScores;
      sheetIds[key] = sheet.id;
      expect(sheet).toMatchObject({ taskCompletionSource: 'ENTERED', total: null, rank: null, grade: null });
    }
    // 新兴街道 is scored in two sittings: the assessors first, the democratic evaluation later.
    const first = ok(
      await call(commission, ENTER, {
        input: { planId, ...units.xinxing, indicatorScores: scores(55, 30), taskCompletionRate: 70, deduction: 5, deductionNote: '巡察整改未按期完成' },
      }),
    ).enterDistrictAssessmentScores;
    sheetIds.xinxing = first.id;
    expect(first.democraticScore).toBeNull();
  });

  it('refuses scores out of range and units outside the district, writing nothing', async () => {
    const before = await counts();
    const outOfRange = await call(commission, ENTER, { input: { planId, ...units.xinxing, indicatorScores: scores(60, 51) } });
    expectError(outOfRange, 'BAD_USER_INPUT', 'input.indicatorScores.1.score');
    expectError(await call(commission, ENTER, { input: { planId, ...units.xinxing, democraticScore: 100.5 } }), 'BAD_USER_INPUT', 'input.democraticScore');
    expectError(await call(commission, ENTER, { input: { planId, ...units.xinxing, taskCompletionRate: 120 } }), 'BAD_USER_INPUT', 'input.taskCompletionRate');
    expectError(
      await call(commission, ENTER, { input: { planId, ...units.xinxing, indicatorScores: [{ indicator: 'DEMOCRATIC', score: 80 }] } }),
      'BAD_USER_INPUT',
      'input.indicatorScores.0.indicator',
    );
    // streets of another district are that district's to assess
    expectError(await call(commission, ENTER, { input: { planId, ...(await street('120102001', '大王庄街道')), democraticScore: 90 } }), 'BAD_USER_INPUT', 'input.jurisdictionCode');
    expectError(await call(commission, ENTER, { input: { planId, ...units.education, unitId: randomUUID(), democraticScore: 90 } }), 'NOT_FOUND');
    expectError(await call(districtAdmin, ENTER, { input: { planId, ...units.xinxing, democraticScore: 60 } }), 'FORBIDDEN');
    expect(await counts()).toEqual(before);
    // the earlier values of 新兴街道 are untouched
    const plan = ok(await call(commission, `query($id: ID!) { districtAssessmentPlan(id: $id) { sheets { unitName indicatorScores { indicator score } } } }`, { id: planId }));
    const xinxing = plan.districtAssessmentPlan.sheets.find((sheet: { unitName: string }) => sheet.unitName === '新兴街道');
    expect(xinxing.indicatorScores).toEqual(scores(55, 30));
  });

  it('will not finalize while a sheet lacks a value, and changes nothing', async () => {
    const before = await counts();
    const response = await call(commission, FINALIZE, { id: planId });
    expectError(response, 'BAD_USER_INPUT', 'planId');
    expect(response.errors?.[0].message).toContain('新兴街道 has no value yet for DEMOCRATIC');
    expect(await counts()).toEqual(before);
  });

  it('finalizes: weighted totals, competition ranks with a tie, grades by threshold, the bottom marked for interview', async () => {
    // 22 + 12 + 12 + 14 = 60 − 5 = 55
    ok(await call(commission, ENTER, { input: { planId, ...units.xinxing, democraticScore: 60 } }));
    expectError(await call(districtAdmin, FINALIZE, { id: planId }), 'FORBIDDEN');
    const before = await counts();
    const finalized = ok(await call(commission, FINALIZE, { id: planId })).finalizeDistrictAssessmentPlan;
    expect(finalized.status).toBe('FINALIZED');
    const after = await counts();
    expect(after.ranked).toBe(6);
    expect(after.audit - before.audit).toBe(7); // six sheets and the plan

    const read = ok(
      await call(cityCommission, `{ district(code: "120101") { assessmentRanking(year: 2025) { unitName total rank grade interviewRequired } } }`),
    );
    const ranking = read.district.assessmentRanking as { unitName: string; total: number; rank: number; grade: string; interviewRequired: boolean }[];
    expect(ranking.map((row) => row.rank)).toEqual([1, 2, 3, 3, 5, 6]);
    const byName = Object.fromEntries(ranking.map(({ unitName, ...rest }) => [unitName, rest]));
    expect(byName).toEqual({
      劝业场街道: { total: 95.6, rank: 1, grade: 'EXCELLENT', interviewRequired: false },
      和平区教育局: { total: 91, rank: 2, grade: 'EXCELLENT', interviewRequired: false },
      小白楼街道: { total: 86.1, rank: 3, grade: 'GOOD', interviewRequired: false },
      和平区卫生健康委员会: { total: 86.1, rank: 3, grade: 'GOOD', interviewRequired: false },
      五大道街道: { total: 71, rank: 5, grade: 'AVERAGE', interviewRequired: true },
      新兴街道: { total: 55, rank: 6, grade: 'POOR', interviewRequired: true },
    });
  });

  it('refuses to finalize twice or to take scores after finalizing', async () => {
    const before = await counts();
    const again = await call(commission, FINALIZE, { id: planId });
    expectError(again, 'BAD_USER_INPUT', 'planId');
    expect(again.errors?.[0].message).toContain('finalized');
    expectError(await call(commission, ENTER, { input: { planId, ...units.xinxing, democraticScore: 99 } }), 'BAD_USER_INPUT', 'input.planId');
    expect(await counts()).toEqual(before);
  });

  it('publishes the commendation of the excellent units, once', async () => {
    expectError(await call(districtAdmin, PUBLISH, { id: planId }), 'FORBIDDEN');
    const commendation = ok(await call(commission, PUBLISH, { id: planId })).publishDistrictAssessmentCommendation;
    expect(commendation).toEqual({
      title: '2025年度落实主体责任考核优秀单位通报表扬',
      year: 2025,
      entries: [
        { unitName: '劝业场街道', total: 95.6, rank: 1 },
        { unitName: '和平区教育局', total: 91, rank: 2 },
      ],
    });
    expectError(await call(commission, PUBLISH, { id: planId }), 'BAD_USER_INPUT', 'planId');
  });

  it('interviews the heads of the bottom units, follows up, and shows an interview nobody went back to', async () => {
    const notBottom = await call(commission, INTERVIEW, {
      input: { sheetId: sheetIds.xiaobailou, intervieweeName: '李娜', heldOn: '2026-02-10', interviewer: '区纪委书记 刘洋', content: '约谈', commitments: ['整改'] },
    });
    expectError(notBottom, 'BAD_USER_INPUT', 'input.sheetId');

    // One calendar rule: an interview cannot be recorded as held in the future.
    const futureDay = `${Number(today().slice(0, 4)) + 1}-01-20`;
    const future = await call(commission, INTERVIEW, {
      input: { sheetId: sheetIds.wudadao, intervieweeName: '孙立', heldOn: futureDay, interviewer: '区纪委书记 刘洋', content: '约谈', commitments: ['整改'] },
    });
    expectError(future, 'BAD_USER_INPUT', 'input.heldOn');
    expect(future.errors![0].message).toMatch(/晚于今天.*in the future/);

    const wudadao = ok(
      await call(commission, INTERVIEW, {
        input: {
          sheetId: sheetIds.wudadao,
          intervieweeName: '孙立',
          intervieweePosition: '五大道街道党工委书记',
          heldOn: '2026-02-10',
          interviewer: '区纪委书记 刘洋',
          content: '考核排名靠后，指出任务完成率偏低、整改不到位等问题。',
          commitments: ['三个月内完成巡察问题整改', '建立月度任务调度机制'],
        },
      }),
    ).recordDistrictAssessmentInterview;
    expect(wudadao.followUpStatus).toBe('AWAITING_FOLLOW_UP');
    expect(wudadao.commitments.map((c: { position: number; status: string }) => [c.position, c.status])).toEqual([
      [1, 'OPEN'],
      [2, 'OPEN'],
    ]);
    const xinxing = ok(
      await call(commission, INTERVIEW, {
        input: { sheetId: sheetIds.xinxing, intervieweeName: '周凯', heldOn: '2026-02-11', interviewer: '区纪委书记 刘洋', content: '考核等次较差。', commitments: ['半年内扭转被动局面'] },
      }),
    ).recordDistrictAssessmentInterview;
    expectError(
      await call(commission, INTERVIEW, {
        input: { sheetId: sheetIds.xinxing, intervieweeName: '周凯', heldOn: '2026-02-12', interviewer: '刘洋', content: '再谈', commitments: ['x'] },
      }),
      'BAD_USER_INPUT',
      'input.sheetId',
    );

    // Details can be corrected (audited, with the reason) until the first follow-up; not by an administrator, not into the future.
    const CORRECT = `mutation($input: CorrectAssessmentInterviewInput!) { correctDistrictAssessmentInterview(input: $input) { id heldOn intervieweePosition } }`;
    expectError(await call(districtAdmin, CORRECT, { input: { interviewId: wudadao.id, heldOn: '2026-02-09', reason: '日期录错' } }), 'FORBIDDEN');
    expectError(await call(commission, CORRECT, { input: { interviewId: wudadao.id, heldOn: futureDay, reason: '日期录错' } }), 'BAD_USER_INPUT', 'input.heldOn');
    const corrected = ok(await call(commission, CORRECT, { input: { interviewId: wudadao.id, heldOn: '2026-02-09', reason: '日期录错，实为2月9日' } })).correctDistrictAssessmentInterview;
    expect(corrected).toMatchObject({ heldOn: '2026-02-09', intervieweePosition: '五大道街道党工委书记' });
    // Each answer that returned the interview (recording it, correcting it) left one read-trace entry naming it.
    const reads = ok(
      await call<{ districtReadTrace: { records: { type: string; id: string; ownerCode: string }[] }[] }>(
        commission,
        `query($id: ID!) { districtReadTrace(entityType: "AssessmentInterview", entityId: $id) { records { type id ownerCode } } }`,
        { id: wudadao.id },
      ),
    ).districtReadTrace;
    expect(reads.map((entry) => entry.records)).toEqual([
      [{ type: 'AssessmentInterview', id: wudadao.id, ownerCode: '120101' }],
      [{ type: 'AssessmentInterview', id: wudadao.id, ownerCode: '120101' }],
    ]);
    const trail = await platform.subgraphs.district.orm.em.fork().find(AuditEntryEntity, { entityId: wudadao.id, action: 'correct' });
    expect(trail).toHaveLength(1);
    expect(trail[0].before).toMatchObject({ heldOn: '2026-02-10' });
    expect(trail[0].after).toMatchObject({ heldOn: '2026-02-09', correctionReason: '日期录错，实为2月9日' });

    const [c1, c2] = wudadao.commitments;
    const base = { interviewId: wudadao.id, visitedOn: '2026-05-12', visitor: '区纪委第一监督检查室' };
    expectError(
      await call(commission, FOLLOW_UP, { input: { ...base, visitedOn: futureDay, results: [{ commitmentId: c1.id, fulfilled: true }, { commitmentId: c2.id, fulfilled: true }] } }),
      'BAD_USER_INPUT',
      'input.visitedOn',
    );
    expectError(await call(commission, FOLLOW_UP, { input: { ...base, results: [{ commitmentId: c1.id, fulfilled: true }] } }), 'BAD_USER_INPUT', 'input.results');
    expectError(
      await call(commission, FOLLOW_UP, { input: { ...base, visitedOn: '2026-02-01', results: [{ commitmentId: c1.id, fulfilled: true }, { commitmentId: c2.id, fulfilled: true }] } }),
      'BAD_USER_INPUT',
      'input.visitedOn',
    );
    expectError(
      await call(commission, FOLLOW_UP, { input: { ...base, results: [{ commitmentId: c1.id, fulfilled: true }, { commitmentId: xinxing.commitments[0].id, fulfilled: true }] } }),
      'BAD_USER_INPUT',
      'input.results.1.commitmentId',
    );
    expectError(await call(districtAdmin, FOLLOW_UP, { input: { ...base, results: [{ commitmentId: c1.id, fulfilled: true }, { commitmentId: c2.id, fulfilled: true }] } }), 'FORBIDDEN');

    const firstVisit = ok(
      await call(commission, FOLLOW_UP, {
        input: { ...base, summary: '现场核查', results: [{ commitmentId: c1.id, fulfilled: true, note: '已销号' }, { commitmentId: c2.id, fulfilled: false, note: '机制未建立' }] },
      }),
    ).recordDistrictAssessmentFollowUp;
    expect(firstVisit.followUpStatus).toBe('COMMITMENTS_OPEN');
    expectError(await call(commission, CORRECT, { input: { interviewId: wudadao.id, content: '改写', reason: '补记' } }), 'BAD_USER_INPUT', 'input.interviewId');
    expect(firstVisit.commitments).toEqual([
      { position: 1, status: 'FULFILLED', confirmedOn: '2026-05-12', lastCheckNote: '已销号' },
      { position: 2, status: 'OPEN', confirmedOn: null, lastCheckNote: '机制未建立' },
    ]);
    // the second visit checks only what is still open
    const secondVisit = ok(
      await call(commission, FOLLOW_UP, { input: { ...base, visitedOn: '2026-07-01', results: [{ commitmentId: c2.id, fulfilled: true, note: '已建立并运行' }] } }),
    ).recordDistrictAssessmentFollowUp;
    expect(secondVisit.followUpStatus).toBe('CONFIRMED');
    expect(secondVisit.followUps).toEqual([
      { visitedOn: '2026-05-12', results: [{ fulfilled: true }, { fulfilled: false }] },
      { visitedOn: '2026-07-01', results: [{ fulfilled: true }] },
    ]);
    expectError(
      await call(commission, FOLLOW_UP, { input: { ...base, visitedOn: '2026-08-01', results: [{ commitmentId: c2.id, fulfilled: true }] } }),
      'BAD_USER_INPUT',
      'input.interviewId',
    );

    // 一谈了之 stays visible: 新兴街道's interview has had no follow-up.
    const read = ok(
      await call(
        commission,
        `{ district(code: "120101") { assessmentPlan(year: 2025) {
            status commendation { entries { unitName } }
            awaiting: interviews(followUpStatus: AWAITING_FOLLOW_UP) { intervieweeName sheet { unitName grade } }
            all: interviews { intervieweeName followUpStatus }
        } } }`,
      ),
    );
    const plan = read.district.assessmentPlan;
    expect(plan.status).toBe('FINALIZED');
    expect(plan.commendation.entries).toHaveLength(2);
    expect(plan.awaiting).toEqual([{ intervieweeName: '周凯', sheet: { unitName: '新兴街道', grade: 'POOR' } }]);
    expect(plan.all).toEqual([
      { intervieweeName: '孙立', followUpStatus: 'CONFIRMED' },
      { intervieweeName: '周凯', followUpStatus: 'AWAITING_FOLLOW_UP' },
    ]);
  });

  it('the city assesses its districts (not their streets), and the ranking reads through the gateway', async () => {
    const created = ok(
      await call(
        cityCommission,
        `mutation($input: CreateAssessmentPlanInput!) { createCityAssessmentPlan(input: $input) { id } }`,
        { input: { ...PLAN, assessorCode: '120000', title: '天津市2025年度各区落实主体责任考核', interviewBottomCount: 0 } },
      ),
    ).createCityAssessmentPlan;
    const enter = `mutation($input: EnterAssessmentScoresInput!) { enterCityAssessmentScores(input: $input) { id } }`;
    // Real units of the districts: the city's write checks them with the district subgraph.
    const districtUnits = new Map<string, Promise<Unit>>();
    const district = (code: string, name: string): Promise<Unit> => {
      if (!districtUnits.has(code)) districtUnits.set(code, createDistrictUnitOf(code, name));
      return districtUnits.get(code)!;
    };
    const createDistrictUnitOf = async (code: string, name: string): Promise<Unit> => {
      const admin = await platform.token({ level: 'district', code, roles: ['admin'] });
      const unit = ok(
        await call<{ createDistrictUnit: { id: string } }>(admin, `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`, {
          input: { jurisdictionCode: code, name, kind: 'DEPARTMENT' },
        }),
      ).createDistrictUnit;
      return { jurisdictionCode: code, unitId: unit.id, unitName: name };
    };
    expectError(
      await call(cityCommission, enter, { input: { planId: created.id, ...(await street('120101001', '劝业场街道')), democraticScore: 90 } }),
      'BAD_USER_INPUT',
      'input.jurisdictionCode',
    );
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expectError(await call(commission, enter, { input: { planId: created.id, ...(await district('120101', '中共和平区委')), democraticScore: 90 } }), 'NOT_FOUND');
    // 和平区 40·0.8 + 20·0.8 + 20·0.9 + 20·0.9 = 32 + 16 + 18 + 18 = 84; 河东区 the same 84
    for (const [code, name] of [
      ['120101', '中共和平区委'],
      ['120102', '中共河东区委'],
    ]) {
      ok(await call(cityCommission, enter, { input: { planId: created.id, ...(await district(code, name)), indicatorScores: scores(80, 40), democraticScore: 90, taskCompletionRate: 90 } }));
    }
    ok(await call(cityCommission, `mutation($id: ID!) { finalizeCityAssessmentPlan(planId: $id) { status } }`, { id: created.id }));
    const read = ok(await call(cityCommission, `{ city { assessmentRanking(year: 2025) { jurisdictionCode total rank grade } } }`));
    expect(read.city.assessmentRanking.map((row: { jurisdictionCode: string; total: number; rank: number; grade: string }) => [row.total, row.rank, row.grade]).sort()).toEqual([
      [84, 1, 'GOOD'],
      [84, 1, 'GOOD'],
    ]);
    // a district cannot read the city's ranking
    expectError(await call(commission, `{ city { assessmentRanking(year: 2025) { rank } } }`), 'FORBIDDEN');
  });

  it('keeps the audit chain whole', async () => {
    const em = platform.subgraphs.district.orm.em.fork();
    expect((await verifyAuditChain(em)).valid).toBe(true);
    const finalize = await em.count(AuditEntryEntity, { action: 'finalize' });
    expect(finalize).toBe(7);
  });
});
