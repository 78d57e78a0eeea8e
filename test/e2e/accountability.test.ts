import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { AccountabilityBasisEntity, AccountabilityCaseEntity, AuditEntryEntity, sqlStatementCount, today } from '@supervision/kit';
import { graphql, startTestPlatform, type GraphQLResponse, type TestPlatform } from '../support/platform';
import { gatewayCaller } from '../support/gateway-client';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday, type OrgFixture } from '../support/task-fixtures';

/*
 * 问责 · 问责依据在线倒查: the city opens a case against a district cadre, citing a district task
 * nobody kept a duty record for, a district duty record, its own supervision finding and the
 * district's rectification report; decides it; and one query returns the case, the decision and
 * every cited record from the level that owns it, with timestamps and audit trails.
 */

let platform: TestPlatform;
let url: string;
let cityCommission: string;
let cityAdmin: string;
let hepingAdmin: string;
let hepingCommission: string;
let hexiCommission: string;
let streetAdmin: string;

let heping: OrgFixture;
let street: OrgFixture;
/** District task with no duty record, district task with one, and that record. */
let silentTask: { id: string; createdAt: string };
let busyTaskId: string;
let dutyRecord: { id: string; recordId: string; createdAt: string };
let finding: { id: string; createdAt: string };
let report: { id: string; submittedAt: string };
let streetTaskId: string;

const { callOk } = gatewayCaller(() => platform);
const ok = <T>(query: string, token: string, variables: Record<string, unknown> = {}): Promise<T> => callOk<T>(token, query, variables);

/** A refusal reaches the client as the subgraph wrote it, the field it names included. */
function refusal(response: GraphQLResponse<unknown>) {
  return { code: response.errors?.[0]?.extensions?.code, field: response.errors?.[0]?.extensions?.field };
}

function errorOf(response: GraphQLResponse<unknown>) {
  expect(response.errors).toHaveLength(1);
  return { code: response.errors![0].extensions?.code, field: response.errors![0].extensions?.field };
}

async function createDistrictTask(title: string): Promise<{ id: string; createdAt: string }> {
  const itemId = await createResponsibilityItem(platform, hepingAdmin, 'district', { unitId: heping.unitId, cadreId: heping.cadreIds[0], categoryCode: 'PARTY_CONDUCT' });
  const data = await ok<{ createDistrictTask: { id: string; createdAt: string } }>(
    `mutation($input: CreateTaskInput!) { createDistrictTask(input: $input) { id createdAt } }`,
    hepingAdmin,
    { input: { responsibilityItemId: itemId, cadreId: heping.cadreIds[0], title, description: '', dueDate: daysFromToday(30) } },
  );
  return data.createDistrictTask;
}

/** A local port nothing listens on (bound, then released). */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Rows and audit entries of accountability in one level's database. */
async function footprint(level: 'city' | 'district') {
  const em = platform.subgraphs[level].orm.em.fork();
  return {
    cases: await em.count(AccountabilityCaseEntity),
    basis: await em.count(AccountabilityBasisEntity),
    audit: await em.count(AuditEntryEntity),
  };
}

const OPEN_CITY = `mutation($input: OpenAccountabilityCaseInput!) { openCityAccountabilityCase(input: $input) { id status } }`;
const OPEN_DISTRICT = `mutation($input: OpenAccountabilityCaseInput!) { openDistrictAccountabilityCase(input: $input) { id status } }`;
const DECIDE_CITY = `mutation($caseId: ID!, $input: DecideAccountabilityCaseInput!) {
  decideCityAccountabilityCase(caseId: $caseId, input: $input) { id status decision { form } }
}`;

function cityCase(basis: Record<string, unknown>[], overrides: Record<string, unknown> = {}) {
  return {
    jurisdictionCode: '120000',
    subjectJurisdictionCode: '120101',
    subjectUnitId: heping.unitId,
    subjectCadreId: heping.cadreIds[0],
    responsibilityKind: 'PRIMARY',
    title: '落实全面从严治党主体责任不力',
    facts: '廉政风险防控任务全年无履职纪实，监督检查发现问题后整改不到位。',
    basis,
    ...overrides,
  };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  url = platform.gateway.url;
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  cityAdmin = await platform.token({ level: 'city', code: '120000', roles: ['admin', 'analyst'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  hepingCommission = await platform.token({ level: 'district', code: '120101', roles: ['commission'] });
  hexiCommission = await platform.token({ level: 'district', code: '120103', roles: ['commission'] });
  streetAdmin = await platform.token({ level: 'street', code: '120101001', roles: ['admin'] });

  heping = await createUnitWithCadres(platform, hepingAdmin, 'district', '120101', ['王强'], '和平区商务局党组');
  silentTask = await createDistrictTask('开展廉政风险排查');
  busyTaskId = (await createDistrictTask('召开党风廉政建设专题会')).id;
  const recorded = await ok<{ recordDistrictDuty: { id: string; recordId: string; createdAt: string } }>(
    `mutation($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { id recordId createdAt } }`,
    hepingAdmin,
    { input: { cadreId: heping.cadreIds[0], kind: 'MEETING', occurredOn: daysFromToday(-3), taskId: busyTaskId, summary: '主持召开党风廉政建设专题会议' } },
  );
  dutyRecord = recorded.recordDistrictDuty;

  const check = await ok<{ createCitySupervisionCheck: { findings: { id: string }[] } }>(
    `mutation($input: CreateSupervisionCheckInput!) { createCitySupervisionCheck(input: $input) { findings { id } } }`,
    cityCommission,
    {
      input: {
        unitId: heping.unitId,
        unitJurisdictionCode: '120101',
        mode: 'ONLINE',
        checkedOn: daysFromToday(-2),
        summary: '线上抽查履职纪实',
        findings: [{ description: '廉政风险排查任务无任何履职纪实', deadline: daysFromToday(20), cadreId: heping.cadreIds[0], taskId: silentTask.id }],
      },
    },
  );
  const findingId = check.createCitySupervisionCheck.findings[0].id;
  const read = await ok<{ citySupervisionFinding: { createdAt: string } }>(
    `query($id: ID!) { citySupervisionFinding(id: $id) { createdAt } }`,
    cityCommission,
    { id: findingId },
  );
  finding = { id: findingId, createdAt: read.citySupervisionFinding.createdAt };
  const submitted = await ok<{ submitDistrictRectificationReport: { id: string; submittedAt: string } }>(
    `mutation($input: SubmitRectificationReportInput!) { submitDistrictRectificationReport(input: $input) { id submittedAt } }`,
    hepingAdmin,
    { input: { findingId, summary: '已补开专题会，但排查仍未开展' } },
  );
  report = submitted.submitDistrictRectificationReport;

  street = await createUnitWithCadres(platform, streetAdmin, 'street', '120101001', ['赵敏'], '劝业场街道党工委');
  const streetItem = await createResponsibilityItem(platform, streetAdmin, 'street', { unitId: street.unitId, cadreId: street.cadreIds[0], categoryCode: 'PARTY_CONDUCT' });
  const streetTask = await ok<{ createStreetTask: { id: string } }>(
    `mutation($input: CreateTaskInput!) { createStreetTask(input: $input) { id } }`,
    streetAdmin,
    { input: { responsibilityItemId: streetItem, cadreId: street.cadreIds[0], title: '落实“一岗双责”', description: '', dueDate: daysFromToday(10) } },
  );
  streetTaskId = streetTask.createStreetTask.id;
});
afterAll(() => platform?.stop());

const TRACE = `query($id: ID!) {
  cityAccountabilityCase(id: $id) {
    id title status responsibilityKind jurisdictionCode subjectJurisdictionCode openedBy createdAt updatedAt
    decision { form decidingBody decidedOn text decidedBy decidedAt }
    subjectUnit { __typename ... on DistrictUnit { name jurisdictionCode } }
    subjectCadre { __typename ... on DistrictCadre { name position } }
    auditTrail { action entityType ownerCode actorSubject at }
    basisTrace {
      position kind recordLevel recordTypeName recordId recordOwnerCode note citedBy citedAt
      record {
        __typename
        ... on DistrictTask { id title taskStatus: status createdAt completedAt dutyRecords { id } auditTrail { action entityType entityId ownerCode at } }
        ... on DistrictDutyRecord { id recordId version summary createdAt auditTrail { action entityType entityId ownerCode at } }
        ... on CitySupervisionFinding {
          id description findingStatus: status createdAt updatedAt deadline
          steps { event reportId at }
          districtRectificationReports { id summary submittedAt }
          auditTrail { action entityType entityId ownerCode at }
        }
        ... on DistrictRectificationReport { id summary submittedAt auditTrail { action entityType entityId ownerCode at } }
      }
    }
  }
}`;

type Entry = { action: string; entityType: string; entityId: string; ownerCode: string; at: string };
type Traced = {
  id: string;
  title: string;
  status: string;
  responsibilityKind: string;
  jurisdictionCode: string;
  subjectJurisdictionCode: string;
  openedBy: string;
  createdAt: string;
  updatedAt: string;
  decision: { form: string; decidingBody: string; decidedOn: string; text: string; decidedBy: string; decidedAt: string } | null;
  subjectUnit: { __typename: string; name: string; jurisdictionCode: string };
  subjectCadre: { __typename: string; name: string; position: string };
  auditTrail: { action: string; entityType: string; ownerCode: string; actorSubject: string; at: string }[];
  basisTrace: {
    position: number;
    kind: string;
    recordLevel: string;
    recordTypeName: string;
    recordId: string;
    recordOwnerCode: string;
    note: string | null;
    citedBy: string;
    citedAt: string;
    record: Record<string, unknown> & { __typename: string; auditTrail: Entry[] };
  }[];
};

describe('accountability cases, city → district', () => {
  let caseId: string;

  it('opens a city case against a district cadre citing records of two levels, adds a basis, and decides it', async () => {
    const opened = await ok<{ openCityAccountabilityCase: { id: string; status: string } }>(OPEN_CITY, cityCommission, {
      input: cityCase([
        { kind: 'MISSING_DUTY_RECORD', level: 'DISTRICT', id: silentTask.id, note: '任务下达后无任何履职纪实' },
        { kind: 'DUTY_RECORD', level: 'DISTRICT', id: dutyRecord.id },
        { kind: 'SUPERVISION_FINDING', level: 'CITY', id: finding.id, note: '市纪委监督检查发现' },
      ]),
    });
    caseId = opened.openCityAccountabilityCase.id;
    expect(opened.openCityAccountabilityCase.status).toBe('OPEN');

    const added = await ok<{ addCityAccountabilityBasis: { id: string } }>(
      `mutation($caseId: ID!, $input: AccountabilityBasisInput!) { addCityAccountabilityBasis(caseId: $caseId, input: $input) { id } }`,
      cityCommission,
      { caseId, input: { kind: 'RECTIFICATION_REPORT', level: 'DISTRICT', id: report.id, note: '整改报告避重就轻' } },
    );
    expect(added.addCityAccountabilityBasis.id).toBe(caseId);

    const decided = await ok<{ decideCityAccountabilityCase: { status: string; decision: { form: string } } }>(DECIDE_CITY, cityCommission, {
      caseId,
      input: { form: 'ADMONITION', decidingBody: '市纪委常委会', decidedOn: today(), text: '对王强同志予以诫勉' },
    });
    expect(decided.decideCityAccountabilityCase).toEqual({ id: caseId, status: 'DECIDED', decision: { form: 'ADMONITION' } });
  });

  it('returns, in one query, the case, its decision and the traced basis from both levels with timestamps and audit entries', async () => {
    const counts = async () => Promise.all((['city', 'district', 'street'] as const).map((level) => sqlStatementCount(platform.subgraphs[level].metrics)));
    const before = await counts();
    const data = await ok<{ cityAccountabilityCase: Traced }>(TRACE, cityCommission, { id: caseId });
    const after = await counts();
    const [city, district, street] = after.map((count, index) => count - before[index]);
    // City: the case, its basis, its audit trail, the finding, its steps, its audit trail; and the
    // request's one read-trace row for the case and finding read (begin, lock, chain tail, insert, commit).
    expect(city).toBe(11);
    // District, by loader (never by record): unit, cadre; task, duty record, report; the task's
    // duty records; the audit trails (one batch per record type, as each type's load completes
    // on its own); the finding's reports (at most 10); then the request's one read-trace row for
    // the duty records read (5, as at the city). Nothing asks the street level.
    expect(district).toBeLessThanOrEqual(15);
    expect(street).toBe(0);
    const traced = data.cityAccountabilityCase;
    expect(traced).toMatchObject({
      id: caseId,
      title: '落实全面从严治党主体责任不力',
      status: 'DECIDED',
      responsibilityKind: 'PRIMARY',
      jurisdictionCode: '120000',
      subjectJurisdictionCode: '120101',
      openedBy: 'test-city-120000',
      subjectUnit: { __typename: 'DistrictUnit', name: '和平区商务局党组', jurisdictionCode: '120101' },
      subjectCadre: { __typename: 'DistrictCadre', name: '王强', position: '党委委员' },
    });
    expect(traced.decision).toMatchObject({ form: 'ADMONITION', decidingBody: '市纪委常委会', decidedOn: today(), text: '对王强同志予以诫勉', decidedBy: 'test-city-120000' });
    // The case's own trail: opened, one more basis cited, decided — all by the city.
    expect(traced.auditTrail.map((entry) => [entry.action, entry.entityType, entry.ownerCode, entry.actorSubject])).toEqual([
      ['create', 'ACCOUNTABILITY_CASE', '120000', 'test-city-120000'],
      ['cite', 'ACCOUNTABILITY_CASE', '120000', 'test-city-120000'],
      ['decide', 'ACCOUNTABILITY_CASE', '120000', 'test-city-120000'],
    ]);
    expect(traced.auditTrail[0].at >= traced.createdAt).toBe(true);
    expect(traced.decision!.decidedAt <= traced.auditTrail[2].at).toBe(true);

    const [missing, recorded, found, rectified] = traced.basisTrace;
    expect(traced.basisTrace.map((basis) => [basis.position, basis.kind, basis.recordLevel, basis.recordTypeName, basis.recordId, basis.recordOwnerCode, basis.note, basis.citedBy])).toEqual([
      [1, 'MISSING_DUTY_RECORD', 'DISTRICT', 'DistrictTask', silentTask.id, '120101', '任务下达后无任何履职纪实', 'test-city-120000'],
      [2, 'DUTY_RECORD', 'DISTRICT', 'DistrictDutyRecord', dutyRecord.id, '120101', null, 'test-city-120000'],
      [3, 'SUPERVISION_FINDING', 'CITY', 'CitySupervisionFinding', finding.id, '120000', '市纪委监督检查发现', 'test-city-120000'],
      [4, 'RECTIFICATION_REPORT', 'DISTRICT', 'DistrictRectificationReport', report.id, '120101', '整改报告避重就轻', 'test-city-120000'],
    ]);
    // The first three were cited when the case was opened, the fourth after.
    expect([missing.citedAt, recorded.citedAt, found.citedAt].every((at) => at === missing.citedAt)).toBe(true);
    expect(missing.citedAt >= traced.createdAt && rectified.citedAt > missing.citedAt).toBe(true);

    // District task (district database): no duty record at all, its creation in the district's chain.
    expect(missing.record).toEqual({
      __typename: 'DistrictTask',
      id: silentTask.id,
      title: '开展廉政风险排查',
      taskStatus: 'PLANNED',
      createdAt: silentTask.createdAt,
      completedAt: null,
      dutyRecords: [],
      auditTrail: [{ action: 'create', entityType: 'TASK', entityId: silentTask.id, ownerCode: '120101', at: expect.any(String) }],
    });
    expect(missing.record.auditTrail[0].at >= silentTask.createdAt).toBe(true);

    // District duty record: audited per record (all versions), with the version's own timestamp.
    expect(recorded.record).toEqual({
      __typename: 'DistrictDutyRecord',
      id: dutyRecord.id,
      recordId: dutyRecord.recordId,
      version: 1,
      summary: '主持召开党风廉政建设专题会议',
      createdAt: dutyRecord.createdAt,
      auditTrail: [{ action: 'create', entityType: 'DUTY_RECORD', entityId: dutyRecord.recordId, ownerCode: '120101', at: expect.any(String) }],
    });

    // City finding (city database) with its rectification history: the district's report reached it.
    expect(found.record).toMatchObject({
      __typename: 'CitySupervisionFinding',
      id: finding.id,
      createdAt: finding.createdAt,
      description: '廉政风险排查任务无任何履职纪实',
      findingStatus: 'REPORTED',
      deadline: daysFromToday(20),
      steps: [{ event: 'REPORTED', reportId: report.id }],
      districtRectificationReports: [{ id: report.id, summary: '已补开专题会，但排查仍未开展', submittedAt: report.submittedAt }],
    });
    // The report moved the finding on after it was recorded.
    expect((found.record.updatedAt as string) > finding.createdAt).toBe(true);
    expect(found.record.auditTrail.map((entry) => [entry.action, entry.entityType, entry.entityId, entry.ownerCode])).toEqual([
      ['create', 'SUPERVISION_FINDING', finding.id, '120000'],
      ['reported', 'SUPERVISION_FINDING', finding.id, '120000'],
    ]);

    // District rectification report.
    expect(rectified.record).toEqual({
      __typename: 'DistrictRectificationReport',
      id: report.id,
      summary: '已补开专题会，但排查仍未开展',
      submittedAt: report.submittedAt,
      auditTrail: [{ action: 'create', entityType: 'RECTIFICATION_REPORT', entityId: report.id, ownerCode: '120101', at: expect.any(String) }],
    });

    // Timeline: the records came before the case that rests on them, the decision last.
    expect(silentTask.createdAt < dutyRecord.createdAt && dutyRecord.createdAt < report.submittedAt).toBe(true);
    expect(dutyRecord.createdAt < finding.createdAt && finding.createdAt < report.submittedAt).toBe(true);
    expect(report.submittedAt < traced.createdAt && traced.createdAt < traced.decision!.decidedAt).toBe(true);
  });

  it('lists and counts the cases of a jurisdiction, the counts in one statement per level', async () => {
    const data = await ok<{
      city: {
        accountabilityCases: { totalCount: number; edges: { node: { id: string; decision: { form: string } } }[] };
        open: { totalCount: number };
        accountabilityStats: { total: number; open: number; decided: number; byForm: { form: string; count: number }[] };
      };
    }>(
      `{ city {
          accountabilityCases(status: DECIDED, first: 5) { totalCount edges { node { id decision { form } } } }
          open: accountabilityCases(status: OPEN) { totalCount }
          accountabilityStats { total open decided byForm { form count } }
      } }`,
      cityCommission,
    );
    expect(data.city.accountabilityCases).toEqual({ totalCount: 1, edges: [{ node: { id: caseId, decision: { form: 'ADMONITION' } } }] });
    expect(data.city.open.totalCount).toBe(0);
    expect(data.city.accountabilityStats).toEqual({
      total: 1,
      open: 0,
      decided: 1,
      byForm: [
        { form: 'CHECK', count: 0 },
        { form: 'NOTICE', count: 0 },
        { form: 'REORGANIZATION', count: 0 },
        { form: 'ADMONITION', count: 1 },
        { form: 'ORGANIZATIONAL_ADJUSTMENT', count: 0 },
        { form: 'PARTY_DISCIPLINE', count: 0 },
      ],
    });

    const before = await sqlStatementCount(platform.subgraphs.district.metrics);
    const districts = await ok<{ city: { districts: { code: string; accountabilityStats: { total: number } }[] } }>(
      `{ city { districts { code accountabilityStats { total } } } }`,
      cityCommission,
    );
    expect(districts.city.districts).toHaveLength(16);
    expect(districts.city.districts.every((district) => district.accountabilityStats.total === 0)).toBe(true);
    // The districts, then one aggregate for all sixteen.
    expect((await sqlStatementCount(platform.subgraphs.district.metrics)) - before).toBe(2);
  });

  it('refuses a case with no basis, an unknown reference, a record out of reach or a second decision, and writes nothing', async () => {
    const cityBefore = await footprint('city');
    const refuse = async (query: string, token: string, variables: Record<string, unknown>) => errorOf(await graphql(url, query, { token, variables }));

    expect(await refuse(OPEN_CITY, cityCommission, { input: cityCase([]) })).toEqual({ code: 'BAD_USER_INPUT', field: 'input.basis' });
    // An unknown district task after a good reference: the district subgraph answered null.
    expect(
      await refuse(OPEN_CITY, cityCommission, {
        input: cityCase([
          { kind: 'DUTY_RECORD', level: 'DISTRICT', id: dutyRecord.id },
          { kind: 'TASK', level: 'DISTRICT', id: randomUUID() },
        ]),
      }),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.basis.1.id' });
    // An unknown finding of the city's own; a malformed id.
    expect(await refuse(OPEN_CITY, cityCommission, { input: cityCase([{ kind: 'SUPERVISION_FINDING', level: 'CITY', id: randomUUID() }]) })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.basis.0.id',
    });
    expect(await refuse(OPEN_CITY, cityCommission, { input: cityCase([{ kind: 'TASK', level: 'DISTRICT', id: 'not-a-uuid' }]) })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.basis.0.id',
    });
    // The same record twice; a task that does have duty records cited as missing them.
    expect(
      await refuse(OPEN_CITY, cityCommission, {
        input: cityCase([
          { kind: 'TASK', level: 'DISTRICT', id: silentTask.id },
          { kind: 'TASK', level: 'DISTRICT', id: silentTask.id },
        ]),
      }),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.basis.1.id' });
    const busy = await graphql(url, OPEN_CITY, { token: cityCommission, variables: { input: cityCase([{ kind: 'MISSING_DUTY_RECORD', level: 'DISTRICT', id: busyTaskId }]) } });
    expect(errorOf(busy)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.basis.0.id' });
    expect(busy.errors![0].message).toContain('has 1 duty record(s)');
    // Two levels down is not the city's to cite; streets keep no findings.
    expect(await refuse(OPEN_CITY, cityCommission, { input: cityCase([{ kind: 'TASK', level: 'STREET', id: streetTaskId }]) })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.basis.0.level',
    });
    // The subject must be where it is said to be.
    expect(
      await refuse(OPEN_CITY, cityCommission, { input: cityCase([{ kind: 'TASK', level: 'DISTRICT', id: silentTask.id }], { subjectJurisdictionCode: '120103' }) }),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.subjectUnitId' });

    // Deciding twice.
    const again = await graphql(url, DECIDE_CITY, {
      token: cityCommission,
      variables: { caseId, input: { form: 'NOTICE', decidingBody: '市纪委常委会', decidedOn: today() } },
    });
    expect(errorOf(again)).toEqual({ code: 'BAD_USER_INPUT', field: 'caseId' });
    expect(again.errors![0].message).toContain('ADMONITION');
    // A decided case is closed: no more basis either.
    expect(
      await refuse(
        `mutation($caseId: ID!, $input: AccountabilityBasisInput!) { addCityAccountabilityBasis(caseId: $caseId, input: $input) { id } }`,
        cityCommission,
        { caseId, input: { kind: 'TASK', level: 'DISTRICT', id: busyTaskId } },
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'caseId' });

    // Only the city's commission staff open and decide the city's cases.
    expect((await refuse(OPEN_CITY, cityAdmin, { input: cityCase([{ kind: 'TASK', level: 'DISTRICT', id: silentTask.id }]) })).code).toBe('FORBIDDEN');
    expect((await refuse(OPEN_CITY, hepingCommission, { input: cityCase([{ kind: 'TASK', level: 'DISTRICT', id: silentTask.id }]) })).code).toBe('FORBIDDEN');
    expect(
      (await refuse(DECIDE_CITY, hepingCommission, { caseId, input: { form: 'NOTICE', decidingBody: '区纪委', decidedOn: today() } })).code,
    ).toBe('FORBIDDEN');
    expect((await refuse(OPEN_CITY, '', { input: cityCase([{ kind: 'TASK', level: 'DISTRICT', id: silentTask.id }]) })).code).toBe('UNAUTHENTICATED');

    expect(await footprint('city')).toEqual(cityBefore);
    // The service keeps serving.
    expect((await ok<{ cityAccountabilityCase: { status: string } }>(`query($id: ID!) { cityAccountabilityCase(id: $id) { status } }`, cityCommission, { id: caseId })).cityAccountabilityCase.status).toBe('DECIDED');
  });
});

describe('accountability cases, the level below unreachable', () => {
  it('refuses a case whose subject the level below cannot be asked about, naming the field, and writes nothing', async () => {
    const before = await footprint('city');
    const districtUrl = platform.subgraphs.district.url;
    // The basis is the city's own: only the subject needs the district.
    const basis = [{ kind: 'SUPERVISION_FINDING', level: 'CITY', id: finding.id }];
    // The city cannot reach the district subgraph (the gateway still can): nothing listens on
    // the port, or fetch refuses the address outright (port 9).
    for (const unreachable of [`http://127.0.0.1:${await closedPort()}/graphql`, 'http://127.0.0.1:9/graphql']) {
      platform.subgraphs.city.peers.set('district', unreachable);
      try {
        const refused = await graphql(url, OPEN_CITY, { token: cityCommission, variables: { input: cityCase(basis) } });
        expect(errorOf(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.subjectUnitId' });
        expect(refused.errors![0].message).toMatch(/无法连接区级.*could not be reached.*nothing was written/);
        const cadreOnly = await graphql(url, OPEN_CITY, { token: cityCommission, variables: { input: cityCase(basis, { subjectUnitId: null }) } });
        expect(errorOf(cadreOnly)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.subjectCadreId' });
      } finally {
        platform.subgraphs.city.peers.set('district', districtUrl);
      }
    }
    expect(await footprint('city')).toEqual(before);
  });
});

describe('accountability cases, district → street', () => {
  const districtCase = (basis: Record<string, unknown>[], jurisdictionCode = '120101') => ({
    jurisdictionCode,
    subjectJurisdictionCode: '120101001',
    subjectCadreId: street.cadreIds[0],
    responsibilityKind: 'PRIMARY',
    title: '“一岗双责”落实不力',
    facts: '任务下达后无履职纪实。',
    basis,
  });

  it('lets the district cite a street task without duty records, traced from the street subgraph', async () => {
    const opened = await ok<{ openDistrictAccountabilityCase: { id: string } }>(OPEN_DISTRICT, hepingCommission, {
      input: districtCase([{ kind: 'MISSING_DUTY_RECORD', level: 'STREET', id: streetTaskId }]),
    });
    const id = opened.openDistrictAccountabilityCase.id;
    const traced = await ok<{
      districtAccountabilityCase: {
        status: string;
        decision: null;
        subjectUnit: null;
        subjectCadre: { __typename: string; name: string };
        basisTrace: { kind: string; recordTypeName: string; recordOwnerCode: string; record: { __typename: string; id: string; title: string; dutyRecords: unknown[]; auditTrail: { action: string; ownerCode: string }[] } }[];
      };
    }>(
      `query($id: ID!) { districtAccountabilityCase(id: $id) {
          status decision { form }
          subjectUnit { __typename }
          subjectCadre { __typename ... on StreetCadre { name } }
          basisTrace { kind recordTypeName recordOwnerCode record { __typename ... on StreetTask { id title dutyRecords { id } auditTrail { action ownerCode } } } }
      } }`,
      // The city reads the district's cases too.
      cityCommission,
      { id },
    );
    expect(traced.districtAccountabilityCase).toEqual({
      status: 'OPEN',
      decision: null,
      subjectUnit: null,
      subjectCadre: { __typename: 'StreetCadre', name: '赵敏' },
      basisTrace: [
        {
          kind: 'MISSING_DUTY_RECORD',
          recordTypeName: 'StreetTask',
          recordOwnerCode: '120101001',
          record: { __typename: 'StreetTask', id: streetTaskId, title: '落实“一岗双责”', dutyRecords: [], auditTrail: [{ action: 'create', ownerCode: '120101001' }] },
        },
      ],
    });

    // A cadre-only case takes no form meant for an organisation.
    const check = await graphql(
      url,
      `mutation($caseId: ID!) { decideDistrictAccountabilityCase(caseId: $caseId, input: { form: REORGANIZATION, decidingBody: "区纪委常委会", decidedOn: "${today()}" }) { id } }`,
      { token: hepingCommission, variables: { caseId: id } },
    );
    expect(errorOf(check)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.form' });

    const stats = await ok<{ district: { accountabilityStats: { total: number; open: number; decided: number } } }>(
      `{ district(code: "120101") { accountabilityStats { total open decided } } }`,
      hepingCommission,
    );
    expect(stats.district.accountabilityStats).toEqual({ total: 1, open: 1, decided: 0 });
  });

  it('refuses records of another district, in its own database or at the street level, and writes nothing', async () => {
    const before = await footprint('district');
    // A subject unit the district does not have.
    const unknownUnit = await graphql(url, OPEN_DISTRICT, {
      token: hexiCommission,
      variables: { input: { ...districtCase([{ kind: 'TASK', level: 'DISTRICT', id: busyTaskId }], '120103'), subjectJurisdictionCode: '120103', subjectCadreId: null, subjectUnitId: randomUUID() } },
    });
    expect(errorOf(unknownUnit)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.subjectUnitId' });
    const hexi = await createUnitWithCadres(platform, await platform.token({ level: 'district', code: '120103', roles: ['admin'] }), 'district', '120103', ['周宁']);
    const hexiCase = (basis: Record<string, unknown>[]) => ({ ...districtCase(basis, '120103'), subjectJurisdictionCode: '120103', subjectCadreId: hexi.cadreIds[0] });
    // 河西区 may not read 和平区's task (in the same database) …
    const notReadable = await graphql(url, OPEN_DISTRICT, { token: hexiCommission, variables: { input: hexiCase([{ kind: 'TASK', level: 'DISTRICT', id: busyTaskId }]) } });
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expect(refusal(notReadable)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.basis.0.id' });
    // … nor, asked through the street subgraph, a street task of 和平区.
    const streetRefused = await graphql(url, OPEN_DISTRICT, {
      token: hexiCommission,
      variables: { input: hexiCase([{ kind: 'MISSING_DUTY_RECORD', level: 'STREET', id: streetTaskId }]) },
    });
    expect(refusal(streetRefused)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.basis.0.id' });
    expect(await footprint('district')).toEqual({ ...before, audit: before.audit + 2 });
  });
});
