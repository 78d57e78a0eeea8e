import { databaseScopeOf, withDatabaseScope } from '@supervision/kit';
import { startTestPlatform, type GraphQLResponse, type TestPlatform } from '../support/platform';
import { expectError, gatewayCaller, type AnyData } from '../support/gateway-client';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday } from '../support/task-fixtures';

/*
 * 派驻纪检监察组 · 驻点/进驻式监督 through the real gateway: the city commission stations a group
 * at 市公安局, runs an embedded engagement with all five methods, records what each produced and
 * closes it; the closing check's finding goes round the ordinary rectification loop (the unit
 * reports, the commission accepts). Who may read what: the commission everything, the host
 * unit's side and analysts the engagement without talk summaries, other districts nothing.
 */

let platform: TestPlatform;
let cityCommission: string;
let cityAdmin: string;
let cityAnalyst: string;
let hepingCommission: string;
let hepingAdmin: string;
let hexiCommission: string;
let hexiAdmin: string;

const { call, callOk } = gatewayCaller(() => platform);

beforeAll(async () => {
  platform = await startTestPlatform();
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  cityAdmin = await platform.token({ level: 'city', code: '120000', roles: ['admin'] });
  cityAnalyst = await platform.token({ level: 'city', code: '120000', roles: ['analyst'] });
  hepingCommission = await platform.token({ level: 'district', code: '120101', roles: ['commission'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  hexiCommission = await platform.token({ level: 'district', code: '120103', roles: ['commission'] });
  hexiAdmin = await platform.token({ level: 'district', code: '120103', roles: ['admin'] });
});
afterAll(() => platform?.stop());

async function createUnit(level: 'city' | 'district', token: string, jurisdictionCode: string, name: string): Promise<string> {
  const field = `create${level === 'city' ? 'City' : 'District'}Unit`;
  const data = await callOk<AnyData>(token, `mutation($input: CreateUnitInput!) { ${field}(input: $input) { id } }`, {
    input: { jurisdictionCode, name, kind: 'DEPARTMENT' },
  });
  return data[field].id;
}

const GROUP_FIELDS = 'id jurisdictionCode name version hostUnitIds hostUnits { id name } members { name position role }';
const CREATE_GROUP = `mutation($input: CreateStationedGroupInput!) { createCityStationedGroup(input: $input) { ${GROUP_FIELDS} } }`;
const UPDATE_GROUP = `mutation($input: UpdateStationedGroupInput!) { updateCityStationedGroup(input: $input) { ${GROUP_FIELDS} } }`;
const START = `mutation($input: StartStationedEngagementInput!) {
  startCityStationedEngagement(input: $input) { id status mode reasonSource methods version hostUnit { name } group { name } }
}`;
const RECORD = `mutation($input: RecordStationedResultsInput!) {
  recordCityStationedResults(input: $input) {
    id version talkCount
    talks { heldOn intervieweePosition intervieweeUnit summary }
    reportsHeard { heardOn reporterPosition topic }
    documentsReviewed { count note }
    questionnaire { respondents questions satisfactionRate }
    democraticEvaluation { participants good fairlyGood average poor }
  }
}`;
const CLOSE = `mutation($input: CloseStationedEngagementInput!) {
  closeCityStationedEngagement(input: $input) {
    id status endedOn summary checkId
    check { id stationed engagementId kind checkedOn unitId methods }
    findings { id status deadline unitId }
  }
}`;
const READ_ENGAGEMENT = `query($id: ID!) {
  cityStationedEngagement(id: $id) {
    id status talkCount methods
    talks { intervieweePosition summary }
    questionnaire { respondents satisfactionRate }
    democraticEvaluation { participants good fairlyGood average poor }
    findings { id status }
  }
}`;

/** The paths of the refused fields of an answer, with their codes. */
const refusals = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? []).map((error) => [(error.path ?? []).join('.'), error.extensions?.code, error.extensions?.classification ?? null]);

describe('stationed discipline-inspection groups and their engagements', () => {
  let police: string;
  let transport: string;
  let groupId: string;
  let engagementId: string;
  let partialEngagementId: string;
  let checkId: string;
  let findingId: string;
  const startedOn = daysFromToday(-10);

  it('lets the city commission station a group at 市公安局, its units checked and its members with their roles', async () => {
    police = await createUnit('city', cityAdmin, '120000', '天津市公安局');
    transport = await createUnit('city', cityAdmin, '120000', '天津市交通运输委员会');
    const heping = await createUnit('district', hepingAdmin, '120101', '和平区公安分局');
    const input = {
      jurisdictionCode: '120000',
      name: '市纪委监委驻市公安局纪检监察组',
      hostUnitIds: [police, transport],
      members: [
        { name: '张立新', position: '市纪委监委驻市公安局纪检监察组组长', role: 'LEADER' },
        { name: '刘文静', position: '副组长', role: 'DEPUTY_LEADER' },
        { name: '陈浩', position: '一级主任科员', role: 'MEMBER' },
      ],
    };
    const created = (await callOk<AnyData>(cityCommission, CREATE_GROUP, { input })).createCityStationedGroup;
    groupId = created.id;
    expect(created).toMatchObject({ jurisdictionCode: '120000', version: 1, hostUnitIds: [police, transport] });
    expect(created.hostUnits.map((unit: { name: string }) => unit.name)).toEqual(['天津市公安局', '天津市交通运输委员会']);
    expect(created.members.map((member: { role: string }) => member.role)).toEqual(['LEADER', 'DEPUTY_LEADER', 'MEMBER']);

    // Host units are the commission's own units; a district's unit is named by its position in the list.
    expectError(await call(cityCommission, CREATE_GROUP, { input: { ...input, name: '另一组', hostUnitIds: [police, heping] } }), 'BAD_USER_INPUT', 'input.hostUnitIds.1');
    expectError(await call(cityCommission, CREATE_GROUP, { input: { ...input, name: '另一组', hostUnitIds: [police, police] } }), 'BAD_USER_INPUT', 'input.hostUnitIds.1');
    const twoLeaders = [...input.members, { name: '李强', position: '组长', role: 'LEADER' }];
    expectError(await call(cityCommission, CREATE_GROUP, { input: { ...input, name: '另一组', members: twoLeaders } }), 'BAD_USER_INPUT', 'input.members.3.role');
    expectError(await call(cityCommission, CREATE_GROUP, { input: { ...input, members: [{ ...input.members[0], role: 'CHIEF' }] } }), 'BAD_USER_INPUT');
    // Only the commission of that level writes: not the city's administrators, not a district's commission.
    expectError(await call(cityAdmin, CREATE_GROUP, { input: { ...input, name: '另一组' } }), 'FORBIDDEN');
    expectError(await call(hepingCommission, CREATE_GROUP, { input: { ...input, name: '另一组' } }), 'FORBIDDEN');
    // The name is unique per commission, and the error says which field.
    expectError(await call(cityCommission, CREATE_GROUP, { input }), 'BAD_USER_INPUT', 'input.name');
  });

  it('changes a group against the version read, refusing a stale one', async () => {
    const renamed = (await callOk<AnyData>(cityCommission, UPDATE_GROUP, { input: { id: groupId, expectedVersion: 1, members: [
      { name: '张立新', position: '市纪委监委驻市公安局纪检监察组组长', role: 'LEADER' },
      { name: '刘文静', position: '副组长', role: 'DEPUTY_LEADER' },
      { name: '陈浩', position: '一级主任科员', role: 'MEMBER' },
      { name: '赵敏', position: '二级主任科员', role: 'MEMBER' },
    ] } })).updateCityStationedGroup;
    expect(renamed.version).toBe(2);
    expect(renamed.members).toHaveLength(4);
    expectError(await call(cityCommission, UPDATE_GROUP, { input: { id: groupId, expectedVersion: 1, name: '改名' } }), 'CONFLICT');
    expectError(await call(cityAdmin, UPDATE_GROUP, { input: { id: groupId, name: '改名' } }), 'FORBIDDEN');
    const trail = await callOk<AnyData>(cityCommission, `query($id: ID!) { cityAuditTrail(entityType: STATIONED_GROUP, entityId: $id) { action } }`, { id: groupId });
    expect(trail.cityAuditTrail.map((entry: { action: string }) => entry.action)).toEqual(['create', 'update']);
  });

  it('starts an embedded engagement at a host unit with all five methods, dates and units checked', async () => {
    const input = {
      groupId,
      unitId: police,
      mode: 'EMBEDDED',
      reasonSource: 'PLATFORM_SIGNAL',
      reason: '平台信息反映：执法规范化建设任务逾期未完成，信访举报集中',
      startedOn,
      methods: ['REPORT_HEARING', 'ONE_TO_ONE_TALK', 'DOCUMENT_REVIEW', 'DEMOCRATIC_EVALUATION', 'QUESTIONNAIRE'],
    };
    const started = (await callOk<AnyData>(cityCommission, START, { input })).startCityStationedEngagement;
    engagementId = started.id;
    expect(started).toMatchObject({ status: 'IN_PROGRESS', mode: 'EMBEDDED', version: 1, hostUnit: { name: '天津市公安局' }, group: { name: '市纪委监委驻市公安局纪检监察组' } });

    expectError(await call(cityCommission, START, { input: { ...input, unitId: transport, startedOn: daysFromToday(1) } }), 'BAD_USER_INPUT', 'input.startedOn');
    expectError(await call(cityCommission, START, { input: { ...input, unitId: transport, methods: ['QUESTIONNAIRE', 'QUESTIONNAIRE'] } }), 'BAD_USER_INPUT', 'input.methods.1');
    // One engagement under way per unit; a unit outside the group is refused.
    expectError(await call(cityCommission, START, { input }), 'BAD_USER_INPUT', 'input.unitId');
    expectError(await call(cityCommission, START, { input: { ...input, unitId: '0192f5a0-0000-7000-8000-000000000001' } }), 'BAD_USER_INPUT', 'input.unitId');
    expectError(await call(cityCommission, START, { input: { ...input, unitId: transport, reasonFindingId: '0192f5a0-0000-7000-8000-000000000002' } }), 'BAD_USER_INPUT', 'input.reasonFindingId');
    expectError(await call(cityAdmin, START, { input: { ...input, unitId: transport } }), 'FORBIDDEN');

    const partial = await callOk<AnyData>(cityCommission, START, { input: { ...input, unitId: transport, mode: 'STATIONED_POINT', reasonSource: 'SUPERVISION_FINDING', methods: ['REPORT_HEARING'] } });
    partialEngagementId = partial.startCityStationedEngagement.id;
  });

  it('records what each method produced, refusing results of methods not listed, counts that do not add up and dates outside the engagement', async () => {
    const input = {
      engagementId,
      expectedVersion: 1,
      talks: [
        { heldOn: daysFromToday(-8), intervieweePosition: '党委委员、副局长', intervieweeUnit: '天津市公安局', summary: '反映个别分局执法监督流于形式，案件审核把关不严。' },
        { heldOn: daysFromToday(-7), intervieweePosition: '法制支队支队长', intervieweeUnit: '天津市公安局法制支队', summary: '谈及执法办案管理中心建设滞后的原因。' },
      ],
      reportsHeard: [{ heardOn: startedOn, reporterPosition: '党委书记、局长', topic: '落实全面从严治党主体责任情况' }],
      documentsReviewed: { count: 126, note: '党委会议纪要、执法案卷、整改台账' },
      questionnaire: { respondents: 85, questions: 20, satisfactionRate: 91.5 },
      democraticEvaluation: { participants: 60, good: 38, fairlyGood: 15, average: 5, poor: 2 },
    };
    const recorded = (await callOk<AnyData>(cityCommission, RECORD, { input })).recordCityStationedResults;
    expect(recorded).toMatchObject({ version: 2, talkCount: 2, documentsReviewed: { count: 126 }, questionnaire: { respondents: 85, satisfactionRate: 91.5 } });
    expect(recorded.talks[0].summary).toContain('执法监督流于形式');

    const { engagementId: _id, expectedVersion: _v, ...results } = input;
    expectError(await call(cityCommission, RECORD, { input: { engagementId, democraticEvaluation: { ...results.democraticEvaluation, poor: 3 } } }), 'BAD_USER_INPUT', 'input.democraticEvaluation.participants');
    expectError(await call(cityCommission, RECORD, { input: { engagementId, talks: [{ ...results.talks[0], heldOn: daysFromToday(-11) }] } }), 'BAD_USER_INPUT', 'input.talks.0.heldOn');
    expectError(await call(cityCommission, RECORD, { input: { engagementId, reportsHeard: [{ ...results.reportsHeard[0], heardOn: daysFromToday(1) }] } }), 'BAD_USER_INPUT', 'input.reportsHeard.0.heardOn');
    expectError(await call(cityCommission, RECORD, { input: { engagementId, documentsReviewed: { count: -1 } } }), 'BAD_USER_INPUT', 'input.documentsReviewed.count');
    expectError(await call(cityCommission, RECORD, { input: { engagementId, questionnaire: { ...results.questionnaire, satisfactionRate: 120 } } }), 'BAD_USER_INPUT', 'input.questionnaire.satisfactionRate');
    expectError(await call(cityCommission, RECORD, { input: { engagementId, expectedVersion: 1, documentsReviewed: { count: 1 } } }), 'CONFLICT');
    // The second engagement heard reports only: a questionnaire is not one of its results.
    expectError(await call(cityCommission, RECORD, { input: { engagementId: partialEngagementId, questionnaire: results.questionnaire } }), 'BAD_USER_INPUT', 'input.questionnaire');
    expectError(await call(cityAdmin, RECORD, { input: { engagementId, documentsReviewed: { count: 1 } } }), 'FORBIDDEN');

    // The audit trail holds each change, with a talk's digest instead of its words.
    const trail = await callOk<AnyData>(cityCommission, `query($id: ID!) { cityAuditTrail(entityType: STATIONED_ENGAGEMENT, entityId: $id) { action after } }`, { id: engagementId });
    expect(trail.cityAuditTrail.map((entry: { action: string }) => entry.action)).toEqual(['create', 'record-results']);
    const audited = trail.cityAuditTrail[1].after.talks as { summary: string }[];
    expect(audited.map((talk) => talk.summary)).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/), expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
  });

  it('shows the commission the talk summaries, the host unit\'s side and analysts the engagement without them, other districts nothing', async () => {
    const commission = await call<AnyData>(cityCommission, READ_ENGAGEMENT, { id: engagementId });
    expect(commission.errors).toBeUndefined();
    expect(commission.data!.cityStationedEngagement.talks.map((talk: { summary: string }) => talk.summary)).toHaveLength(2);
    for (const token of [cityAdmin, cityAnalyst]) {
      const read = await call<AnyData>(token, READ_ENGAGEMENT, { id: engagementId });
      const engagement = read.data!.cityStationedEngagement;
      expect(engagement).toMatchObject({ talkCount: 2, questionnaire: { respondents: 85 }, democraticEvaluation: { participants: 60, good: 38 } });
      expect(engagement.talks).toEqual([
        { intervieweePosition: '党委委员、副局长', summary: null },
        { intervieweePosition: '法制支队支队长', summary: null },
      ]);
      expect(refusals(read)).toEqual([
        ['cityStationedEngagement.talks.0.summary', 'FORBIDDEN', 'CONFIDENTIAL'],
        ['cityStationedEngagement.talks.1.summary', 'FORBIDDEN', 'CONFIDENTIAL'],
      ]);
    }
    for (const token of [hepingAdmin, hepingCommission]) {
      // Under row-level security the city's database shows a district no such row: as absent as a missing one.
      expect(await call(token, READ_ENGAGEMENT, { id: engagementId })).toMatchObject({ data: { cityStationedEngagement: null } });
      expect(await call(token, `query($id: ID!) { cityStationedGroup(id: $id) { id } }`, { id: groupId })).toMatchObject({ data: { cityStationedGroup: null } });
      expectError(await call(token, `{ cityStationedGroups(commissionCode: "120000") { id } }`), 'FORBIDDEN');
    }
    const groups = await callOk<AnyData>(cityAnalyst, `{ cityStationedGroups(commissionCode: "120000") { name engagements { status hostUnit { name } } } }`);
    expect(groups.cityStationedGroups).toEqual([
      { name: '市纪委监委驻市公安局纪检监察组', engagements: expect.arrayContaining([{ status: 'IN_PROGRESS', hostUnit: { name: '天津市公安局' } }, { status: 'IN_PROGRESS', hostUnit: { name: '天津市交通运输委员会' } }]) },
    ]);
    expect(await call(undefined, `{ cityStationedGroups(commissionCode: "120000") { id } }`)).toMatchObject({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })] });
  });

  it('closes the engagement into a stationed check of the host unit, its findings ordinary findings', async () => {
    const input = { engagementId, expectedVersion: 2, endedOn: daysFromToday(0), summary: '进驻式监督发现执法监督管理薄弱，已反馈驻在单位党委', findings: [
      { description: '执法监督管理机制不健全，案件审核把关不严', deadline: daysFromToday(30) },
    ] };
    expectError(await call(cityCommission, CLOSE, { input: { ...input, endedOn: daysFromToday(1) } }), 'BAD_USER_INPUT', 'input.endedOn');
    expectError(await call(cityCommission, CLOSE, { input: { ...input, endedOn: daysFromToday(-9) } }), 'BAD_USER_INPUT', 'input.endedOn');
    expectError(await call(cityCommission, CLOSE, { input: { ...input, findings: [{ ...input.findings[0], deadline: daysFromToday(-1) }] } }), 'BAD_USER_INPUT', 'input.findings.0.deadline');
    // The second engagement listed a method that produced nothing yet.
    expectError(await call(cityCommission, CLOSE, { input: { ...input, engagementId: partialEngagementId, expectedVersion: null } }), 'BAD_USER_INPUT', 'input.engagementId');
    expectError(await call(cityAdmin, CLOSE, { input }), 'FORBIDDEN');

    const closed = (await callOk<AnyData>(cityCommission, CLOSE, { input })).closeCityStationedEngagement;
    checkId = closed.checkId;
    findingId = closed.findings[0].id;
    expect(closed).toMatchObject({
      status: 'CLOSED', endedOn: input.endedOn,
      check: { id: checkId, stationed: true, engagementId, kind: 'ROUTINE', checkedOn: input.endedOn, unitId: police, methods: ['REPORT_HEARING', 'ONE_TO_ONE_TALK', 'DOCUMENT_REVIEW', 'DEMOCRATIC_EVALUATION', 'QUESTIONNAIRE'] },
      findings: [{ status: 'OPEN', deadline: daysFromToday(30), unitId: police }],
    });
    // Closed is final: no more results, no second close.
    expectError(await call(cityCommission, RECORD, { input: { engagementId, documentsReviewed: { count: 1 } } }), 'BAD_USER_INPUT', 'input.engagementId');
    expectError(await call(cityCommission, CLOSE, { input: { ...input, expectedVersion: null } }), 'BAD_USER_INPUT', 'input.engagementId');
  });

  it('lists stationed checks in the check history, each showing its engagement', async () => {
    const HISTORY = `query($stationed: Boolean) {
      citySupervisionChecks(supervisingCode: "120000", stationed: $stationed, first: 20) { totalCount edges { node { id stationed engagement { id group { name } } } } }
    }`;
    const stationed = (await callOk<AnyData>(cityCommission, HISTORY, { stationed: true })).citySupervisionChecks;
    expect(stationed.edges.map((edge: { node: unknown }) => edge.node)).toEqual([{ id: checkId, stationed: true, engagement: { id: engagementId, group: { name: '市纪委监委驻市公安局纪检监察组' } } }]);
    const others = (await callOk<AnyData>(cityCommission, HISTORY, { stationed: false })).citySupervisionChecks;
    expect(others.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(checkId);
  });

  it('takes the finding round the ordinary rectification loop: the unit reports, the commission accepts', async () => {
    const submitted = await callOk<AnyData>(cityAdmin, `mutation($input: SubmitRectificationReportInput!) {
      submitCityRectificationReport(input: $input) { id findingId finding { ... on CitySupervisionFinding { id status } } }
    }`, { input: { findingId, summary: '修订执法监督管理办法，建立案件审核双签制度，开展执法案卷评查' } });
    expect(submitted.submitCityRectificationReport).toMatchObject({ findingId, finding: { id: findingId, status: 'REPORTED' } });
    const reported = await callOk<AnyData>(cityCommission, `query($id: ID!) { citySupervisionFinding(id: $id) { status lastReportId } }`, { id: findingId });
    expect(reported.citySupervisionFinding).toEqual({ status: 'REPORTED', lastReportId: submitted.submitCityRectificationReport.id });
    const accepted = await callOk<AnyData>(cityCommission, `mutation($id: ID!) { acceptCitySupervisionFinding(id: $id) { status } }`, { id: findingId });
    expect(accepted.acceptCitySupervisionFinding.status).toBe('ACCEPTED');
    const read = await callOk<AnyData>(cityCommission, READ_ENGAGEMENT, { id: engagementId });
    expect(read.cityStationedEngagement.findings).toEqual([{ id: findingId, status: 'ACCEPTED' }]);
  });

  it('starts the next engagement from what the platform flagged or a finding, and shows it on the host unit', async () => {
    const org = await createUnitWithCadres(platform, cityAdmin, 'city', '120000', ['钱进'], '天津市公安局交通管理局');
    const itemId = await createResponsibilityItem(platform, cityAdmin, 'city', { unitId: org.unitId, cadreId: org.cadreIds[0], categoryCode: 'PARTY_CONDUCT' });
    const task = await callOk<AnyData>(cityAdmin, `mutation($input: CreateTaskInput!) { createCityTask(input: $input) { id } }`, {
      input: { responsibilityItemId: itemId, cadreId: org.cadreIds[0], title: '执法规范化建设', description: '', dueDate: daysFromToday(10) },
    });
    const taskId = task.createCityTask.id;
    // An id that is no task of this jurisdiction is no signal.
    expectError(await call(cityCommission, START, { input: {
      groupId, unitId: police, mode: 'STATIONED_POINT', reasonSource: 'PLATFORM_SIGNAL', reason: '…', reasonTaskId: groupId, startedOn: daysFromToday(0), methods: ['REPORT_HEARING'],
    } }), 'BAD_USER_INPUT', 'input.reasonTaskId');

    const started = await callOk<AnyData>(cityCommission, `mutation($input: StartStationedEngagementInput!) {
      startCityStationedEngagement(input: $input) { id reasonFindingId reasonFinding { ... on CitySupervisionFinding { id status } } reasonTask { ... on CityTask { id title } } }
    }`, { input: {
      groupId, unitId: police, mode: 'STATIONED_POINT', reasonSource: 'SUPERVISION_FINDING', reason: '回访已销号问题的整改成效，并核查逾期任务',
      reasonFindingId: findingId, reasonTaskId: taskId, startedOn: daysFromToday(0), methods: ['REPORT_HEARING'],
    } });
    expect(started.startCityStationedEngagement).toMatchObject({ reasonFindingId: findingId, reasonFinding: { id: findingId, status: 'ACCEPTED' }, reasonTask: { id: taskId, title: '执法规范化建设' } });
    // The host unit's side reads the engagements at its unit, the talk summaries still withheld.
    const unit = await call<AnyData>(cityAdmin, `query($id: ID!) { cityUnit(id: $id) { name stationedEngagements { id status talks { summary } } } }`, { id: police });
    expect(unit.data!.cityUnit.stationedEngagements.map((engagement: { id: string; status: string }) => [engagement.id, engagement.status])).toEqual([
      [started.startCityStationedEngagement.id, 'IN_PROGRESS'],
      [engagementId, 'CLOSED'],
    ]);
    expect(refusals(unit).map(([, code, classification]) => [code, classification])).toEqual([['FORBIDDEN', 'CONFIDENTIAL'], ['FORBIDDEN', 'CONFIDENTIAL']]);
  });

  it('keeps a district\'s group to that district (and the city above it): another district sees nothing, not even in its database', async () => {
    const bureau = await createUnit('district', hepingAdmin, '120101', '和平区教育局');
    const created = await callOk<AnyData>(hepingCommission, `mutation($input: CreateStationedGroupInput!) { createDistrictStationedGroup(input: $input) { id name } }`, {
      input: { jurisdictionCode: '120101', name: '和平区纪委监委派驻第一纪检监察组', hostUnitIds: [bureau], members: [{ name: '孙悦', position: '组长', role: 'LEADER' }] },
    });
    const id = created.createDistrictStationedGroup.id;
    const LIST = `{ districtStationedGroups(commissionCode: "120101") { id name } }`;
    expect((await callOk<AnyData>(hepingAdmin, LIST)).districtStationedGroups).toEqual([{ id, name: '和平区纪委监委派驻第一纪检监察组' }]);
    expect((await callOk<AnyData>(cityCommission, LIST)).districtStationedGroups).toEqual([{ id, name: '和平区纪委监委派驻第一纪检监察组' }]);
    for (const token of [hexiCommission, hexiAdmin]) {
      expectError(await call(token, LIST), 'FORBIDDEN');
      expect(await call(token, `query($id: ID!) { districtStationedGroup(id: $id) { id } }`, { id })).toMatchObject({ data: { districtStationedGroup: null } });
    }
    // A district's own list is its own; a district cannot station a group for another.
    expectError(await call(hexiCommission, `mutation($input: CreateStationedGroupInput!) { createDistrictStationedGroup(input: $input) { id } }`, {
      input: { jurisdictionCode: '120101', name: '越权', hostUnitIds: [bureau], members: [] },
    }), 'FORBIDDEN');
    // The district's engagement closes into the district's own stationed check, like the city's.
    const engagement = await callOk<AnyData>(hepingCommission, `mutation($input: StartStationedEngagementInput!) { startDistrictStationedEngagement(input: $input) { id } }`, {
      input: { groupId: id, unitId: bureau, mode: 'STATIONED_POINT', reasonSource: 'SUPERVISION_FINDING', reason: '校外培训治理责任落实不到位', startedOn: daysFromToday(-3), methods: ['REPORT_HEARING'] },
    });
    const engagementId = engagement.startDistrictStationedEngagement.id;
    await callOk(hepingCommission, `mutation($input: RecordStationedResultsInput!) { recordDistrictStationedResults(input: $input) { id } }`, {
      input: { engagementId, reportsHeard: [{ heardOn: daysFromToday(-3), reporterPosition: '党组书记、局长', topic: '落实主体责任情况' }] },
    });
    const closed = await callOk<AnyData>(hepingCommission, `mutation($input: CloseStationedEngagementInput!) {
      closeDistrictStationedEngagement(input: $input) { status check { stationed unitJurisdictionCode } findings { status } }
    }`, { input: { engagementId, endedOn: daysFromToday(0), summary: '驻点监督情况', findings: [{ description: '专项治理台账不全', deadline: daysFromToday(20) }] } });
    expect(closed.closeDistrictStationedEngagement).toEqual({ status: 'CLOSED', check: { stationed: true, unitJurisdictionCode: '120101' }, findings: [{ status: 'OPEN' }] });
    const history = await callOk<AnyData>(hepingAdmin, `{ districtSupervisionChecks(supervisingCode: "120101", stationed: true, first: 5) { totalCount } }`);
    expect(history.districtSupervisionChecks.totalCount).toBe(1);
    expect((await call<AnyData>(hexiCommission, `query($id: ID!) { districtStationedEngagement(id: $id) { id } }`, { id: engagementId })).data).toEqual({ districtStationedEngagement: null });

    // Row-level security: as 河西区 the database itself shows no row of 和平区's group.
    const scope = (code: string) => databaseScopeOf({ subject: `rls-${code}`, level: 'district', code, roles: ['commission'] });
    const rows = (code: string) =>
      withDatabaseScope(scope(code), () => platform.subgraphs.district.requestOrm.em.fork().getConnection().execute<{ id: string }[]>('select id from stationed_group'));
    expect(await rows('120103')).toEqual([]);
    expect((await rows('120101')).map((row) => row.id)).toEqual([id]);
  });
});
