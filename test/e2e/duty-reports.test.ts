import { randomUUID } from 'node:crypto';
import { AuditEntryEntity, DutyReportSessionEntity, sqlStatementCount, verifyAuditChain } from '@supervision/kit';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { gatewayCaller, ok } from '../support/gateway-client';

let platform: TestPlatform;
let commission: string;
let districtAdmin: string;
let quanyechangAdmin: string;
let xiaobailouAdmin: string;
let cityCommission: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  commission = await platform.token({ level: 'district', code: '120101', roles: ['commission'] });
  districtAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  quanyechangAdmin = await platform.token({ level: 'street', code: '120101001', roles: ['admin'] });
  xiaobailouAdmin = await platform.token({ level: 'street', code: '120101002', roles: ['admin'] });
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
});
afterAll(() => platform?.stop());

const { call } = gatewayCaller(() => platform);

const CREATE_SESSION = `mutation($input: CreateDutyReportSessionInput!) {
  createDistrictDutyReportSession(input: $input) { id title heldOn reporters { id position cadreName jurisdictionCode } }
}`;
const ASK = `mutation($input: AskDutyReportQuestionInput!) { askDistrictDutyReportQuestion(input: $input) { id askerName question answer } }`;
const ANSWER = `mutation($id: ID!, $answer: String!) {
  answerDistrictDutyReportQuestion(questionId: $id, input: { answer: $answer }) { id answer answererCode }
}`;
const EVALUATE = `mutation($id: ID!, $input: EvaluateDutyReporterInput!) {
  evaluateDistrictDutyReporter(reporterId: $id, input: $input) { id rating score remarks }
}`;

/** A district-managed unit with its principal leader, made the ordinary way. */
async function districtUnitWithHead(unitName: string, cadreName: string, position: string) {
  const unit = ok(
    await call<{ createDistrictUnit: { id: string } }>(districtAdmin, `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`, {
      input: { jurisdictionCode: '120101', name: unitName, kind: 'DEPARTMENT' },
    }),
  ).createDistrictUnit;
  const cadre = ok(
    await call<{ addDistrictCadre: { id: string } }>(districtAdmin, `mutation($input: AddCadreInput!) { addDistrictCadre(input: $input) { id } }`, {
      input: { unitId: unit.id, name: cadreName, position, principal: true },
    }),
  ).addDistrictCadre;
  return { jurisdictionCode: '120101', unitId: unit.id, unitName, cadreId: cadre.id, cadreName, cadrePosition: position };
}

/**
 * A street's principal leader: the unit lives in the street's database, so only its ids travel;
 * the district's write checks them with the street's subgraph, so they are real.
 */
const streetHeads = new Map<string, ReturnType<typeof createStreetHead>>();
function streetHead(code: string, unitName: string, cadreName: string) {
  const key = `${code}:${unitName}:${cadreName}`;
  if (!streetHeads.has(key)) streetHeads.set(key, createStreetHead(code, unitName, cadreName));
  return streetHeads.get(key)!;
}

async function createStreetHead(code: string, unitName: string, cadreName: string) {
  const admin = await platform.token({ level: 'street', code, roles: ['admin'] });
  const unit = ok(
    await call<{ createStreetUnit: { id: string } }>(admin, `mutation($input: CreateUnitInput!) { createStreetUnit(input: $input) { id } }`, {
      input: { jurisdictionCode: code, name: unitName, kind: 'PARTY_COMMITTEE' },
    }),
  ).createStreetUnit;
  const cadre = ok(
    await call<{ addStreetCadre: { id: string } }>(admin, `mutation($input: AddCadreInput!) { addStreetCadre(input: $input) { id } }`, {
      input: { unitId: unit.id, name: cadreName, position: '街道党工委书记', principal: true },
    }),
  ).addStreetCadre;
  return { jurisdictionCode: code, unitId: unit.id, unitName, cadreId: cadre.id, cadreName, cadrePosition: '街道党工委书记' };
}

async function sessionCount(): Promise<number> {
  return platform.subgraphs.district.orm.em.fork().count(DutyReportSessionEntity);
}

async function auditCount(): Promise<number> {
  return platform.subgraphs.district.orm.em.fork().count(AuditEntryEntity);
}

describe('duty-and-integrity report sessions (述责述廉)', () => {
  let reporters: { id: string; position: number; cadreName: string; jurisdictionCode: string }[];
  let ownUnitReporter: Awaited<ReturnType<typeof districtUnitWithHead>>;

  it('the district commission holds a session: street heads and heads of district units report, are questioned, answer and are evaluated', async () => {
    ownUnitReporter = await districtUnitWithHead('和平区教育局', '赵敏', '局党组书记');
    const session = ok(
      await call(commission, CREATE_SESSION, {
        input: {
          ownerCode: '120101',
          title: '和平区纪委全会述责述廉',
          heldOn: '2025-01-15',
          reporters: [
            await streetHead('120101001', '劝业场街道党工委', '王强'),
            await streetHead('120101002', '小白楼街道党工委', '李娜'),
            ownUnitReporter,
          ],
        },
      }),
    ).createDistrictDutyReportSession;
    reporters = session.reporters;
    expect(reporters.map((r: { position: number; cadreName: string }) => [r.position, r.cadreName])).toEqual([
      [1, '王强'],
      [2, '李娜'],
      [3, '赵敏'],
    ]);

    const q1 = ok(await call(commission, ASK, { input: { reporterId: reporters[0].id, askerName: '区纪委委员 陈刚', question: '巡察反馈问题整改为何滞后？' } }));
    const q2 = ok(await call(commission, ASK, { input: { reporterId: reporters[0].id, askerName: '区纪委委员 周洁', question: '如何落实“一岗双责”？' } }));
    const q3 = ok(await call(commission, ASK, { input: { reporterId: reporters[2].id, askerName: '区纪委委员 陈刚', question: '校园食堂监管有哪些漏洞？' } }));
    expect(q1.askDistrictDutyReportQuestion.answer).toBeNull();

    // The street answers for its own head; the district answers for its own unit's head.
    const a1 = ok(await call(quanyechangAdmin, ANSWER, { id: q1.askDistrictDutyReportQuestion.id, answer: '已制定整改台账，年底前全部销号。' }));
    expect(a1.answerDistrictDutyReportQuestion).toMatchObject({ answer: '已制定整改台账，年底前全部销号。', answererCode: '120101001' });
    ok(await call(districtAdmin, ANSWER, { id: q3.askDistrictDutyReportQuestion.id, answer: '已开展专项检查，建立周巡查制度。' }));

    ok(await call(commission, EVALUATE, { id: reporters[0].id, input: { rating: 'FAIRLY_GOOD', score: 85.5, remarks: '整改进度偏慢' } }));
    ok(await call(commission, EVALUATE, { id: reporters[1].id, input: { rating: 'GOOD', score: 93 } }));
    ok(await call(commission, EVALUATE, { id: reporters[2].id, input: { rating: 'AVERAGE' } }));

    const read = ok(
      await call(
        cityCommission,
        `{ district(code: "120101") { dutyReportSessions(first: 10) { totalCount edges { node {
            title heldOn district { name }
            reporters { position cadreName unitName jurisdictionCode rating score remarks questions { askerName question answer answererCode } }
        } } } } }`,
      ),
    );
    const { totalCount, edges } = read.district.dutyReportSessions;
    expect(totalCount).toBe(1);
    const node = edges[0].node;
    expect(node).toMatchObject({ title: '和平区纪委全会述责述廉', heldOn: '2025-01-15', district: { name: '和平区' } });
    expect(node.reporters).toEqual([
      {
        position: 1,
        cadreName: '王强',
        unitName: '劝业场街道党工委',
        jurisdictionCode: '120101001',
        rating: 'FAIRLY_GOOD',
        score: 85.5,
        remarks: '整改进度偏慢',
        questions: [
          { askerName: '区纪委委员 陈刚', question: '巡察反馈问题整改为何滞后？', answer: '已制定整改台账，年底前全部销号。', answererCode: '120101001' },
          { askerName: '区纪委委员 周洁', question: '如何落实“一岗双责”？', answer: null, answererCode: null },
        ],
      },
      { position: 2, cadreName: '李娜', unitName: '小白楼街道党工委', jurisdictionCode: '120101002', rating: 'GOOD', score: 93, remarks: null, questions: [] },
      {
        position: 3,
        cadreName: '赵敏',
        unitName: '和平区教育局',
        jurisdictionCode: '120101',
        rating: 'AVERAGE',
        score: null,
        remarks: null,
        questions: [{ askerName: '区纪委委员 陈刚', question: '校园食堂监管有哪些漏洞？', answer: '已开展专项检查，建立周巡查制度。', answererCode: '120101' }],
      },
    ]);
    // q2 stays unanswered and visible as such.
    expect(q2.askDistrictDutyReportQuestion.id).toBeDefined();
  });

  it('lets only the reporter\'s own jurisdiction answer, and only the commission run the session', async () => {
    const question = ok(await call(commission, ASK, { input: { reporterId: reporters[0].id, askerName: '陈刚', question: '追问：台账何时公开？' } }));
    const before = await auditCount();
    const otherStreet = await call(xiaobailouAdmin, ANSWER, { id: question.askDistrictDutyReportQuestion.id, answer: '越俎代庖' });
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expect(otherStreet.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const byCommission = await call(commission, ANSWER, { id: question.askDistrictDutyReportQuestion.id, answer: '代为回答' });
    expect(byCommission.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const askByAdmin = await call(districtAdmin, ASK, { input: { reporterId: reporters[0].id, askerName: '某人', question: '？' } });
    expect(askByAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const evaluateByStreet = await call(quanyechangAdmin, EVALUATE, { id: reporters[0].id, input: { rating: 'GOOD' } });
    expect(evaluateByStreet.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherDistrict = await platform.token({ level: 'district', code: '120102', roles: ['commission'] });
    const create = await call(otherDistrict, CREATE_SESSION, {
      input: { ownerCode: '120101', title: '越权', heldOn: '2025-01-15', reporters: [await streetHead('120101001', '劝业场街道党工委', '王强')] },
    });
    expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const readByStreet = await call(quanyechangAdmin, `{ district(code: "120101") { dutyReportSessions { totalCount } } }`);
    expect(readByStreet.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await call(undefined, `{ district(code: "120101") { dutyReportSessions { totalCount } } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await auditCount()).toBe(before);
  });

  it('names the field of bad input and writes nothing', async () => {
    const sessions = await sessionCount();
    const audits = await auditCount();
    const base = { ownerCode: '120101', title: '第二次述责述廉', heldOn: '2025-06-30', reporters: [await streetHead('120101003', '五大道街道党工委', '孙立')] };

    const cases: [Record<string, unknown>, string, string][] = [
      // a street of another district is not this district's to hear
      [{ ...base, reporters: [...base.reporters, await streetHead('120102001', '大王庄街道党工委', '钱进')] }, 'BAD_USER_INPUT', 'input.reporters.1.jurisdictionCode'],
      [{ ...base, heldOn: '2025-02-30' }, 'BAD_USER_INPUT', 'input.heldOn'],
      // one calendar rule: a session that was held cannot be dated in the future
      [{ ...base, heldOn: `${new Date().getUTCFullYear() + 1}-06-30` }, 'BAD_USER_INPUT', 'input.heldOn'],
      [{ ...base, title: '  ' }, 'BAD_USER_INPUT', 'input.title'],
      [{ ...base, reporters: [] }, 'BAD_USER_INPUT', 'input.reporters'],
      [{ ...base, reporters: [base.reporters[0], { ...(await streetHead('120101004', '新兴街道党工委', '孙立')), cadreId: base.reporters[0].cadreId }] }, 'BAD_USER_INPUT', 'input.reporters.1.cadreId'],
      // a unit of the district itself must exist in the district's records (checked inside the transaction)
      [{ ...base, reporters: [...base.reporters, { ...ownUnitReporter, unitId: randomUUID() }] }, 'NOT_FOUND', ''],
      [{ ...base, reporters: [...base.reporters, { ...ownUnitReporter, cadreId: randomUUID() }] }, 'BAD_USER_INPUT', 'input.reporters.1.cadreId'],
    ];
    for (const [input, code, field] of cases) {
      const response = await call(commission, CREATE_SESSION, { input });
      expect(response.errors?.[0].extensions?.code).toBe(code);
      if (field) expect(response.errors?.[0].extensions?.field).toBe(field);
    }
    const badScore = await call(commission, EVALUATE, { id: reporters[1].id, input: { rating: 'GOOD', score: 101 } });
    expect(badScore.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.score' });
    const badId = await call(commission, EVALUATE, { id: 'x', input: { rating: 'GOOD' } });
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reporterId' });
    const missing = await call(commission, ASK, { input: { reporterId: randomUUID(), askerName: '陈刚', question: '在吗？' } });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    expect(await sessionCount()).toBe(sessions);
    expect(await auditCount()).toBe(audits);
    // and the service still serves
    ok(await call(commission, `{ district(code: "120101") { dutyReportSessions { totalCount } } }`));
  });

  it('lists the sessions of all districts in one statement', async () => {
    const before = await sqlStatementCount(platform.subgraphs.district.metrics);
    const read = ok(await call(cityCommission, `{ city { districts { code dutyReportSessions(first: 5) { totalCount edges { node { title } } } } } }`));
    const after = await sqlStatementCount(platform.subgraphs.district.metrics);
    const heping = read.city.districts.find((district: { code: string }) => district.code === '120101');
    expect(heping.dutyReportSessions.totalCount).toBe(1);
    expect(read.city.districts.filter((district: { dutyReportSessions: { totalCount: number } }) => district.dutyReportSessions.totalCount > 0)).toHaveLength(1);
    // the 16 districts, then one page query for all of them
    expect(after - before).toBe(2);
  });

  it('audits every change in a chain that verifies', async () => {
    const em = platform.subgraphs.district.orm.em.fork();
    const entries = await em.find(AuditEntryEntity, { entityType: { $like: 'DutyReport%' } }, { orderBy: { seq: 'asc' } });
    // session + 3 reporters, 3 questions, 2 answers, 3 evaluations, then the follow-up question
    expect(entries.map((entry) => `${entry.action} ${entry.entityType}`)).toEqual([
      'create DutyReportSession',
      'create DutyReportReporter',
      'create DutyReportReporter',
      'create DutyReportReporter',
      'create DutyReportQuestion',
      'create DutyReportQuestion',
      'create DutyReportQuestion',
      'answer DutyReportQuestion',
      'answer DutyReportQuestion',
      'evaluate DutyReportReporter',
      'evaluate DutyReportReporter',
      'evaluate DutyReportReporter',
      'create DutyReportQuestion',
    ]);
    expect(entries[7].actorCode).toBe('120101001');
    expect((await verifyAuditChain(em)).valid).toBe(true);
  });
});
