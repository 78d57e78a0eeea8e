import { expectError, gatewayCaller } from '../support/gateway-client';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday, type OrgFixture } from '../support/task-fixtures';

/*
 * 防止丢失更新 Tasks, responsibility items and cadres carry a version: two people editing the same record
 * from the same reading — the second change is refused with CONFLICT, not silently overwritten.
 */

let platform: TestPlatform;
let hepingAdmin: string;
let hexiAdmin: string;
let heping: OrgFixture;
let itemId: string;
const { call, callOk } = gatewayCaller(() => platform);

const UPDATE_ITEM = `mutation($id: ID!, $input: UpdateResponsibilityItemInput!) { updateDistrictResponsibilityItem(id: $id, input: $input) { id content version } }`;

beforeAll(async () => {
  platform = await startTestPlatform();
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  hexiAdmin = await platform.token({ level: 'district', code: '120103', roles: ['admin'] });
  heping = await createUnitWithCadres(platform, hepingAdmin, 'district', '120101', ['王强'], '和平区商务局党组');
  itemId = await createResponsibilityItem(platform, hepingAdmin, 'district', { unitId: heping.unitId, cadreId: heping.cadreIds[0], categoryCode: 'PARTY_CONDUCT' });
});
afterAll(() => platform?.stop());

describe('record versions', () => {
  it('a responsibility item: the change based on a stale version is a CONFLICT and changes nothing', async () => {
    const read = await callOk(hepingAdmin, `query($id: ID!) { districtResponsibilityItem(id: $id) { version content } }`, { id: itemId });
    const seen = read.districtResponsibilityItem.version as number;
    expect(seen).toBe(1);
    const first = await callOk(hepingAdmin, UPDATE_ITEM, { id: itemId, input: { content: '甲的修改', expectedVersion: seen } });
    expect(first.updateDistrictResponsibilityItem.version).toBe(2);
    const second = await call(hepingAdmin, UPDATE_ITEM, { id: itemId, input: { content: '乙的修改', expectedVersion: seen } });
    expectError(second, 'CONFLICT', 'input.expectedVersion');
    expect(second.errors![0].message).toContain('is at version 2');
    const after = await callOk(hepingAdmin, `query($id: ID!) { districtResponsibilityItem(id: $id) { version content } }`, { id: itemId });
    expect(after.districtResponsibilityItem).toEqual({ version: 2, content: '甲的修改' });
    // Without expectedVersion the change applies to whatever the item is now.
    const blind = await callOk(hepingAdmin, UPDATE_ITEM, { id: itemId, input: { content: '丙的修改' } });
    expect(blind.updateDistrictResponsibilityItem.version).toBe(3);
  });

  it('parallel edits from one reading: exactly one wins', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, index) => call(hepingAdmin, UPDATE_ITEM, { id: itemId, input: { content: `并发${index}`, expectedVersion: 3 } })),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(4);
  });

  it('a task\'s progress: a stale expectedVersion is a CONFLICT; another jurisdiction does not find it, whatever the version', async () => {
    const created = await callOk(hepingAdmin, `mutation($input: CreateTaskInput!) { createDistrictTask(input: $input) { id version } }`, {
      input: { responsibilityItemId: itemId, cadreId: heping.cadreIds[0], title: '版本任务', description: '', dueDate: daysFromToday(30) },
    });
    const { id, version } = created.createDistrictTask as { id: string; version: number };
    const PROGRESS = `mutation($id: ID!, $p: Int!, $v: Int) { updateDistrictTaskProgress(id: $id, progress: $p, expectedVersion: $v) { progress version } }`;
    const moved = await callOk(hepingAdmin, PROGRESS, { id, p: 40, v: version });
    expect(moved.updateDistrictTaskProgress).toEqual({ progress: 40, version: version + 1 });
    expectError(await call(hepingAdmin, PROGRESS, { id, p: 90, v: version }), 'CONFLICT', 'expectedVersion');
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expectError(await call(hexiAdmin, PROGRESS, { id, p: 90, v: version + 1 }), 'NOT_FOUND');
    const read = await callOk(hepingAdmin, `query($id: ID!) { districtTask(id: $id) { progress version } }`, { id });
    expect(read.districtTask).toEqual({ progress: 40, version: version + 1 });
  });

  it('a cadre: the change based on a stale version is a CONFLICT and changes nothing; parallel edits from one reading: one wins', async () => {
    const UPDATE_CADRE = `mutation($id: ID!, $input: UpdateCadreInput!) { updateDistrictCadre(id: $id, input: $input) { position version } }`;
    const cadreId = heping.cadreIds[0];
    const seen = ((await callOk(hepingAdmin, UPDATE_CADRE, { id: cadreId, input: { position: '局长' } })).updateDistrictCadre as { version: number }).version;
    const first = await callOk(hepingAdmin, UPDATE_CADRE, { id: cadreId, input: { position: '党组书记、局长', expectedVersion: seen } });
    expect(first.updateDistrictCadre).toEqual({ position: '党组书记、局长', version: seen + 1 });
    const stale = await call(hepingAdmin, UPDATE_CADRE, { id: cadreId, input: { position: '副局长', expectedVersion: seen } });
    expectError(stale, 'CONFLICT', 'input.expectedVersion');
    expect(stale.errors![0].message).toContain(`is at version ${seen + 1}`);
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, index) => call(hepingAdmin, UPDATE_CADRE, { id: cadreId, input: { position: `并发职务${index}`, expectedVersion: seen + 1 } })),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(4);
    // Another jurisdiction is refused whatever the version it names (row-level security hides the cadre from it).
    const foreign = await call(hexiAdmin, UPDATE_CADRE, { id: cadreId, input: { position: '越权修改', expectedVersion: seen + 2 } });
    expect(foreign.errors?.[0].extensions?.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    const after = (await callOk(hepingAdmin, UPDATE_CADRE, { id: cadreId, input: {} })).updateDistrictCadre as { position: string; version: number };
    expect(after.position).toMatch(/^并发职务\d$/);
  });
});
