import { gatewayCaller } from '../support/gateway-client';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday } from '../support/task-fixtures';

/**
 * Small things a record must get right to hold up: a count without records (`first: 0`),
 * refusals that name the argument itself, jurisdictions named by name, a duplicate that names
 * the record it duplicates, and an audit trail asked for by an enumerated kind and found by a
 * record's or a version's id.
 */
let platform: TestPlatform;
const { call, callOk } = gatewayCaller(() => platform);
let binhaiAdmin: string;
let hepingAdmin: string;
let commission: string;
let unitId: string;
let cadreId: string;
const itemIds: string[] = [];
const BINHAI = '120116';

beforeAll(async () => {
  platform = await startTestPlatform();
  binhaiAdmin = await platform.token({ level: 'district', code: BINHAI, roles: ['admin'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  commission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  const org = await createUnitWithCadres(platform, binhaiAdmin, 'district', BINHAI, ['张明'], '中共天津市滨海新区委员会');
  unitId = org.unitId;
  cadreId = org.cadreIds[0];
  for (const content of ['一', '二', '三']) {
    const itemId: string = await createResponsibilityItem(platform, binhaiAdmin, 'district', { unitId, cadreId, categoryCode: 'PARTY_CONDUCT', content: `责任${content}` });
    itemIds.push(itemId);
    await callOk(binhaiAdmin, `mutation($input: CreateTaskInput!) { createDistrictTask(input: $input) { id } }`, {
      input: { responsibilityItemId: itemId, title: `任务${content}`, cadreId, dueDate: daysFromToday(30) },
    });
  }
});
afterAll(() => platform?.stop());

describe('first: 0', () => {
  it('answers the count and whether any exist, with no records', async () => {
    const data = await callOk(binhaiAdmin, `{ district(code: "${BINHAI}") {
      tasks(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      responsibilityItems(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } }
      dutyRecords(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } }
    } }`);
    expect(data.district.tasks).toEqual({ totalCount: 3, edges: [], pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null } });
    expect(data.district.responsibilityItems).toEqual({ totalCount: 3, edges: [], pageInfo: { hasNextPage: true } });
    expect(data.district.dutyRecords).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
  });

  it('still refuses a negative size, naming the argument', async () => {
    const response = await call(binhaiAdmin, `{ district(code: "${BINHAI}") { tasks(first: -1) { totalCount } } }`);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('field paths of page arguments', () => {
  it.each([
    ['tasks', `{ district(code: "${BINHAI}") { tasks(first: 101) { totalCount } } }`],
    ['responsibilityItems', `{ district(code: "${BINHAI}") { responsibilityItems(filter: { year: 2026 }, first: 101) { totalCount } } }`],
    ['dutyRecords', `{ district(code: "${BINHAI}") { dutyRecords(first: 101) { totalCount } } }`],
    ['citywideTasks', `{ citywideTasks(scope: ["${BINHAI}"], first: 101) { edges { level } } }`],
  ])('%s(first: 101) is refused on `first`, not `input.first`', async (_name, query) => {
    const response = await call(binhaiAdmin, query);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(response.errors?.[0].message).toMatch(/每页.*\/ must be between 0 and 100/);
  });
});

describe('messages name jurisdictions', () => {
  it('by name with the code, in Chinese and English', async () => {
    const response = await call(hepingAdmin, `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`, {
      input: { jurisdictionCode: BINHAI, name: '越权单位', kind: 'PARTY_COMMITTEE' },
    });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(response.errors?.[0].message).toBe('和平区（120101） 无权更改 滨海新区（120116） 的记录 / 和平区（120101） may not change records of 滨海新区（120116）');
  });
});

describe('a unique value already taken', () => {
  it('names the field, the value and the record that holds it', async () => {
    const response = await call(binhaiAdmin, `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`, {
      input: { jurisdictionCode: BINHAI, name: '中共天津市滨海新区委员会', kind: 'PARTY_COMMITTEE' },
    });
    expect(response.data).toBeNull();
    // Under row-level security PostgreSQL withholds the key's values (and so which row holds them)
    // from the service role; the field and the columns are still named.
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', existingId: null });
    expect(response.errors?.[0].message).toBe('input.name: 已有 Unit 使用相同的值（jurisdictionCode, name）/ already taken: a Unit has the same jurisdictionCode, name');
    expect(unitId).toBeDefined();
    // Nothing was half-written: still one unit of that name.
    const units = await callOk(binhaiAdmin, `{ district(code: "${BINHAI}") { units { name } } }`);
    expect(units.district.units.filter((unit: { name: string }) => unit.name === '中共天津市滨海新区委员会')).toHaveLength(1);
  });

  it('says the same for any table: a second supervision office of the same name', async () => {
    const CREATE = `mutation($input: CreateSupervisionOfficeInput!) { createCitySupervisionOffice(input: $input) { id } }`;
    const first = await callOk(commission, CREATE, { input: { jurisdictionCode: '120000', name: '第一监督检查室' } });
    const second = await call(commission, CREATE, { input: { jurisdictionCode: '120000', name: '第一监督检查室' } });
    expect(first.createCitySupervisionOffice.id).toBeDefined();
    expect(second.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', existingId: null });
    expect(second.errors?.[0].message).toContain('SupervisionOffice');
  });
});

describe('the audit trail', () => {
  const TRAIL = `query($type: AuditEntityType!, $id: ID!) { districtAuditTrail(entityType: $type, entityId: $id) { action entityType entityId } }`;

  it('takes the kind of record as an enum, so a misspelt or level-prefixed kind is refused, not answered with []', async () => {
    const prefixed = await call(commission, `{ districtAuditTrail(entityType: "DistrictUnit", entityId: "${unitId}") { action } }`);
    expect(prefixed.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const unknownKind = await call(commission, TRAIL, { type: 'DISTRICT_UNIT', id: unitId });
    expect(unknownKind.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const trail = await callOk(commission, TRAIL, { type: 'UNIT', id: unitId });
    expect(trail.districtAuditTrail).toEqual([{ action: 'create', entityType: 'UNIT', entityId: unitId }]);
  });

  it('refuses an id that is no record id, naming the argument', async () => {
    const response = await call(commission, TRAIL, { type: 'TASK', id: 'not-an-id' });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entityId' });
  });

  it('finds a duty record\'s trail by the record id and by the id of any of its versions', async () => {
    const recorded = await callOk(binhaiAdmin, `mutation($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { id recordId } }`, {
      input: { cadreId, kind: 'MEETING', occurredOn: daysFromToday(-3), summary: "主持召开常委会，专题研究党风廉政建设", responsibilityItemId: itemIds[0] },
    });
    const { id: firstVersion, recordId } = recorded.recordDistrictDuty;
    const corrected = await callOk(binhaiAdmin, `mutation($recordId: ID!, $input: CorrectDutyRecordInput!) { correctDistrictDutyRecord(recordId: $recordId, input: $input) { id } }`, {
      recordId,
      input: { summary: '主持召开常委会，专题研究党风廉政建设和反腐败工作', reason: '补全会议主题' },
    });
    const secondVersion = corrected.correctDistrictDutyRecord.id;
    expect(secondVersion).not.toBe(firstVersion);
    const byRecord = await callOk(commission, TRAIL, { type: 'DUTY_RECORD', id: recordId });
    expect(byRecord.districtAuditTrail.map((entry: { action: string }) => entry.action)).toEqual(['create', 'correct']);
    for (const versionId of [firstVersion, secondVersion]) {
      const byVersion = await callOk(commission, TRAIL, { type: 'DUTY_RECORD', id: versionId });
      expect(byVersion.districtAuditTrail).toEqual(byRecord.districtAuditTrail);
    }
  });

  it('gives nothing of another jurisdiction\'s record to a reader outside it', async () => {
    const heping = await call(hepingAdmin, TRAIL, { type: 'UNIT', id: unitId });
    expect(heping.errors).toBeUndefined();
    expect(heping.data!.districtAuditTrail).toEqual([]);
  });
});
