import { Client } from 'pg';
import { AuditEntryEntity, GATEWAY_SECRET_HEADER, keptRecordRefusal, newId, retentionCutoff, today } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { gatewayCaller, type AnyData } from '../support/gateway-client';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday, type OrgFixture } from '../support/task-fixtures';

/*
 * 留存与保全 Retention and legal hold through the real gateway and databases: the district's
 * commission archives duty records past the retention period (10 years by default); one cited by
 * a city case under way and one cited by a district case under way are held; nothing is dropped,
 * archived records leave the default list and stay readable; and the database refuses to delete
 * any row the audit trail or a case's basis names, whoever sends the DELETE.
 */

let platform: TestPlatform;
let cityCommission: string;
let hepingCommission: string;
let hepingAdmin: string;
let hexiCommission: string;
let heping: OrgFixture;
let itemId: string;
type Recorded = { id: string; recordId: string; attachments: { id: string }[] };
let old: Recorded;
let heldByCity: Recorded;
let heldByDistrict: Recorded;
let recent: Recorded;

const { call, callOk } = gatewayCaller(() => platform);

const ARCHIVE = `mutation($code: ID!) { archiveDistrictDutyRecords(jurisdictionCode: $code) { cutoff archivedRecordIds heldRecordIds more } }`;
const LIST = `query($filter: DutyRecordFilter) { district(code: "120101") { dutyRecords(first: 50, filter: $filter) { edges { node { recordId archivedAt } } } } }`;

async function record(occurredOn: string, summary: string): Promise<Recorded> {
  const data = await callOk<AnyData>(hepingAdmin, `mutation($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { id recordId attachments { id } } }`, {
    input: { cadreId: heping.cadreIds[0], responsibilityItemId: itemId, kind: 'MEETING', occurredOn, summary, attachments: [{ name: '纪要.txt', contentType: 'text/plain', contentBase64: Buffer.from(summary).toString('base64') }] },
  });
  return data.recordDistrictDuty as Recorded;
}

function openCase(token: string, level: 'City' | 'District', jurisdictionCode: string, dutyRecordId: string) {
  return callOk<AnyData>(token, `mutation($input: OpenAccountabilityCaseInput!) { open${level}AccountabilityCase(input: $input) { id } }`, {
    input: {
      jurisdictionCode, subjectJurisdictionCode: '120101', subjectUnitId: heping.unitId, subjectCadreId: heping.cadreIds[0],
      responsibilityKind: 'PRIMARY', title: '履职不力', facts: '多年履职纪实流于形式。', basis: [{ kind: 'DUTY_RECORD', level: 'DISTRICT', id: dutyRecordId }],
    },
  });
}

/** A statement straight to the district's database, as an operator's console would send it. */
async function districtSql(text: string, values: unknown[] = []) {
  const client = new Client({ connectionString: platform.databaseUrls.district });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

async function refusedDelete(text: string, values: unknown[]): Promise<{ code: string; message: string }> {
  try {
    await districtSql(text, values);
  } catch (error) {
    return { code: (error as { code: string }).code, message: (error as Error).message };
  }
  throw new Error(`not refused: ${text}`);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  hepingCommission = await platform.token({ level: 'district', code: '120101', roles: ['commission'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  hexiCommission = await platform.token({ level: 'district', code: '120103', roles: ['commission'] });
  heping = await createUnitWithCadres(platform, hepingAdmin, 'district', '120101', ['王强'], '和平区某局党组');
  itemId = await createResponsibilityItem(platform, hepingAdmin, 'district', { unitId: heping.unitId, cadreId: heping.cadreIds[0], categoryCode: 'PARTY_CONDUCT' });
  old = await record('2012-03-01', '2012 年专题会');
  heldByCity = await record('2013-05-01', '2013 年专题会');
  heldByDistrict = await record('2014-01-01', '2014 年专题会');
  recent = await record(daysFromToday(-3), '本周专题会');
  await openCase(cityCommission, 'City', '120000', heldByCity.id);
  await openCase(hepingCommission, 'District', '120101', heldByDistrict.id);
});
afterAll(() => platform?.stop());

describe('who may archive', () => {
  it('refuses the district\'s admin, another district\'s commission and a code of another level, and archives nothing', async () => {
    const admin = await call(hepingAdmin, ARCHIVE, { code: '120101' });
    expect(admin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await call(hexiCommission, ARCHIVE, { code: '120101' });
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const street = await call(hepingCommission, ARCHIVE, { code: '120101001' });
    expect(street.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jurisdictionCode' });
    const { rows } = await districtSql(`select count(*)::int as "n" from "duty_record" where "archived_at" is not null`);
    expect(rows[0].n).toBe(0);
  });

  it('the hold check of the level above is not part of the gateway\'s API, and a caller that is no peer is refused it', async () => {
    const viaGateway = await call(cityCommission, `{ cityHeldRecordIds(ids: ["${heldByCity.id}"]) }`);
    expect(viaGateway.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const direct = await graphql<AnyData>(platform.subgraphs.city.url, `{ cityHeldRecordIds(ids: ["${heldByCity.id}"]) }`, {
      token: hepingCommission,
      headers: { [GATEWAY_SECRET_HEADER]: platform.secrets.gatewaySecret },
    });
    expect(direct.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('archival past the retention period, with the case basis held', () => {
  it('archives the old record, holds the two a case under way cites (city and district), leaves the recent one', async () => {
    const data = await callOk(hepingCommission, ARCHIVE, { code: '120101' });
    expect(data.archiveDistrictDutyRecords).toEqual({
      cutoff: retentionCutoff(today(), 10),
      archivedRecordIds: [old.recordId],
      heldRecordIds: [heldByCity.recordId, heldByDistrict.recordId],
      more: false,
    });
    const em = platform.subgraphs.district.orm.em.fork();
    const entries = await em.find(AuditEntryEntity, { action: 'archive' });
    expect(entries.map((entry) => [entry.entityType, entry.entityId, entry.ownerCode, entry.actorCode])).toEqual([['DutyRecord', old.recordId, '120101', '120101']]);
  });

  it('the default list no longer shows the archived record; the commission lists it apart, an admin may not', async () => {
    const current = await callOk(hepingAdmin, LIST);
    const currentIds = current.district.dutyRecords.edges.map((edge: AnyData) => edge.node.recordId);
    expect(currentIds.sort()).toEqual([heldByCity.recordId, heldByDistrict.recordId, recent.recordId].sort());

    const archived = await callOk(hepingCommission, LIST, { filter: { archived: true } });
    expect(archived.district.dutyRecords.edges).toEqual([{ node: { recordId: old.recordId, archivedAt: expect.any(String) } }]);

    const refused = await call(hepingAdmin, LIST, { filter: { archived: true } });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('an archived record is never dropped: read by id, with its archival time and its file', async () => {
    const data = await callOk(hepingCommission, `query($id: ID!) { districtDutyRecord(id: $id) { summary archivedAt attachments { id } } }`, { id: old.id });
    expect(data.districtDutyRecord).toMatchObject({ summary: '2012 年专题会', archivedAt: expect.any(String), attachments: [{ id: old.attachments[0].id }] });
  });

  it('a second pass archives nothing more and still holds the cited records', async () => {
    const data = await callOk(hepingCommission, ARCHIVE, { code: '120101' });
    expect(data.archiveDistrictDutyRecords).toMatchObject({ archivedRecordIds: [], heldRecordIds: [heldByCity.recordId, heldByDistrict.recordId] });
  });
});

describe('no delete of a referenced record, whoever sends it', () => {
  it('refuses to delete an archived record, naming it and why', async () => {
    const refusal = await refusedDelete(`delete from "duty_record" where "id" = $1`, [old.id]);
    expect(refusal.code).toBe('55000');
    expect(refusal.message).toBe(`不能删除 duty_record ${old.id}：已归档，只归档不删除 / cannot delete duty_record ${old.id}: it is archived, and archived records are never dropped`);
  });

  it('refuses to delete a record the audit trail refers to, and its evidence file', async () => {
    expect((await refusedDelete(`delete from "duty_record" where "id" = $1`, [recent.id])).message).toContain('cannot delete duty_record');
    expect((await refusedDelete(`delete from "duty_record" where "id" = $1`, [recent.id])).message).toContain('the audit trail refers to it');
    expect((await refusedDelete(`delete from "attachment" where "id" = $1`, [recent.attachments[0].id])).message).toContain(`cannot delete attachment ${recent.attachments[0].id}: the audit trail refers to it`);
    expect((await refusedDelete(`delete from "unit" where "id" = $1`, [heping.unitId])).code).toBe('55000');
  });

  it('refuses to delete a case\'s basis row and the case', async () => {
    const { rows } = await districtSql(`select "id", "case_id" from "accountability_basis" limit 1`);
    expect((await refusedDelete(`delete from "accountability_basis" where "id" = $1`, [rows[0].id])).code).toBe('55000');
    expect((await refusedDelete(`delete from "accountability_case" where "id" = $1`, [rows[0].case_id])).code).toBe('55000');
  });

  it('the kit turns the refusal into the bilingual FAILED_PRECONDITION message', async () => {
    const em = platform.subgraphs.district.orm.em.fork();
    const error = await em.getConnection().execute(`delete from "duty_record" where "id" = ?`, [recent.id]).catch((caught: unknown) => caught);
    expect(keptRecordRefusal(error)).toMatch(/^不能删除 duty_record .+：审计记录引用了它 \/ cannot delete duty_record .+: the audit trail refers to it$/);
  });

  it('a row nothing refers to may still be deleted (the rule is about references, not a blanket ban)', async () => {
    const id = newId();
    await districtSql(
      `insert into "task" ("id", "jurisdiction_code", "responsibility_item_id", "cadre_id", "title", "description", "due_date", "progress", "status", "created_at", "updated_at")
       select $1, '120101', "id", $2, '无人引用', '', current_date, 0, 'PLANNED', now(), now() from "responsibility_item" limit 1`,
      [id, heping.cadreIds[0]],
    );
    const { rowCount } = await districtSql(`delete from "task" where "id" = $1`, [id]);
    expect(rowCount).toBe(1);
  });
});
