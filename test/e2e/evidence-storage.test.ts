import { randomBytes, randomUUID } from 'node:crypto';
import { ResponsibilityItemEntity, TaskEntity } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Evidence is stored once per content: a duty-record correction that keeps the previous version's
 * files adds metadata rows, not copies; and each jurisdiction's distinct evidence has a quota.
 */
const MIB = 1024 * 1024;
const QUOTA = 12 * MIB;
const BINHAI = '120116';
let platform: TestPlatform;
let admin: string;
let cadreId: string;
let taskId: string;

const file = (name: string, bytes: Buffer) => ({ name, contentType: 'application/octet-stream', contentBase64: bytes.toString('base64') });

/**
 * Each call carries an Idempotency-Key, and one that loses its connection (a 14 MB upload on a
 * loaded machine can meet a keep-alive socket the server just closed) is sent once more with the
 * same key: the platform answers the first result, so nothing is recorded twice.
 */
async function call<T>(query: string, variables: Record<string, unknown>) {
  const send = (key: string) => graphql<T>(platform.gateway.url, query, { token: admin, variables, headers: { 'idempotency-key': key } });
  const key = randomUUID();
  try {
    return await send(key);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return send(key);
  }
}

const RECORD = `mutation($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { id recordId attachments { name size } } }`;
const CORRECT = `mutation($recordId: ID!, $input: CorrectDutyRecordInput!) { correctDistrictDutyRecord(recordId: $recordId, input: $input) { version attachments { name } } }`;

/** Bytes the evidence tables take on disk, TOAST and indexes included. */
async function evidenceBytes(): Promise<number> {
  const [row] = await platform.subgraphs.district.orm.em
    .fork()
    .getConnection()
    .execute<{ bytes: string }[]>(`select (pg_total_relation_size('attachment') + pg_total_relation_size('evidence_content'))::text as bytes`);
  return Number(row.bytes);
}

/** The whole level database on disk: every table, index and TOAST relation. */
async function databaseBytes(): Promise<number> {
  const [row] = await platform.subgraphs.district.orm.em
    .fork()
    .getConnection()
    .execute<{ bytes: string }[]>(`select pg_database_size(current_database())::text as bytes`);
  return Number(row.bytes);
}

async function rowCounts() {
  const connection = platform.subgraphs.district.orm.em.fork().getConnection();
  const [row] = await connection.execute<{ records: string; attachments: string; contents: string }[]>(
    `select (select count(*) from duty_record)::text as records, (select count(*) from attachment)::text as attachments, (select count(*) from evidence_content)::text as contents`,
  );
  return row;
}

beforeAll(async () => {
  platform = await startTestPlatform({ evidenceQuotaBytes: QUOTA });
  admin = await platform.token({ level: 'district', code: BINHAI, roles: ['admin'] });
  const unit = await call<{ createDistrictUnit: { id: string } }>(`mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`, {
    input: { jurisdictionCode: BINHAI, name: '滨海新区纪委', kind: 'PARTY_COMMITTEE' },
  });
  expect(unit.errors).toBeUndefined();
  const cadre = await call<{ addDistrictCadre: { id: string } }>(`mutation($input: AddCadreInput!) { addDistrictCadre(input: $input) { id } }`, {
    input: { unitId: unit.data!.createDistrictUnit.id, name: '王明', position: '书记' },
  });
  expect(cadre.errors).toBeUndefined();
  cadreId = cadre.data!.addDistrictCadre.id;
  // The task the records carry out, arranged as the owner (no evidence involved).
  const em = platform.subgraphs.district.orm.em.fork();
  const item = em.create(ResponsibilityItemEntity, {
    jurisdictionCode: BINHAI,
    unitId: unit.data!.createDistrictUnit.id,
    cadreId,
    categoryCode: 'PARTY_CONDUCT',
    content: '每季度专题研究党风廉政建设',
    basis: '《党委(党组)落实全面从严治党主体责任规定》',
    year: 2025,
  });
  await em.flush();
  const task = em.create(TaskEntity, { jurisdictionCode: BINHAI, responsibilityItemId: item.id, title: '召开专题会议', cadreId, dueDate: '2025-12-31' });
  await em.flush();
  taskId = task.id;
});
afterAll(() => platform?.stop());

describe('evidence stored once per content', () => {
  let recordId: string;
  const first = randomBytes(5 * MIB);
  const second = randomBytes(5 * MIB);

  it('grows the database by about one copy for a record with 2×5 MiB and 20 corrections that keep the files', async () => {
    const empty = await evidenceBytes();
    const created = await call<{ recordDistrictDuty: { recordId: string } }>(RECORD, {
      input: { cadreId, taskId, kind: 'MEETING', occurredOn: '2025-06-01', summary: '专题会议', attachments: [file('纪要.bin', first), file('照片.bin', second)] },
    });
    expect(created.errors).toBeUndefined();
    recordId = created.data!.recordDistrictDuty.recordId;
    const afterRecord = await evidenceBytes();
    const databaseAfterRecord = await databaseBytes();
    for (let index = 1; index <= 20; index += 1) {
      const corrected = await call<{ correctDistrictDutyRecord: { version: number; attachments: { name: string }[] } }>(CORRECT, {
        recordId,
        input: { reason: `更正 ${index}`, summary: `专题会议（第 ${index} 次更正）` },
      });
      expect(corrected.errors).toBeUndefined();
      expect(corrected.data!.correctDistrictDutyRecord.attachments).toHaveLength(2);
    }
    const afterCorrections = await evidenceBytes();
    const databaseGrowth = (await databaseBytes()) - databaseAfterRecord;
    // One copy of the two files (10 MiB), once; before, each correction copied both files (≈ 452 MB in all).
    expect(afterRecord - empty).toBeGreaterThan(10 * MIB);
    expect(afterRecord - empty).toBeLessThan(11 * MIB);
    expect(afterCorrections - afterRecord).toBeLessThan(MIB);
    // The whole database too (new versions, attachment rows, audit entries): KiB, not hundreds of MB.
    expect(databaseGrowth).toBeLessThan(MIB);
    expect(await rowCounts()).toEqual({ records: '21', attachments: '42', contents: '2' });
    console.log(`evidence tables: +${((afterRecord - empty) / MIB).toFixed(2)} MiB for the record, +${((afterCorrections - afterRecord) / 1024).toFixed(0)} KiB for 20 corrections (whole database +${(databaseGrowth / 1024).toFixed(0)} KiB)`);
  });

  it('serves each version\'s files from the one stored copy', async () => {
    const read = await call<{ districtDutyRecord: { attachments: { id: string }[] } }>(
      `query($id: ID!) { districtDutyRecord(id: $id) { attachments { id } } }`,
      { id: (await call<{ correctDistrictDutyRecord: { id: string } }>(CORRECT.replace('version attachments', 'id version attachments'), { recordId, input: { reason: '再更正', summary: '第 21 次' } })).data!.correctDistrictDutyRecord.id },
    );
    expect(read.errors).toBeUndefined();
    const content = await call<{ districtAttachmentContent: string }>(`query($id: ID!) { districtAttachmentContent(id: $id) }`, { id: read.data!.districtDutyRecord.attachments[0].id });
    expect(content.errors).toBeUndefined();
    expect([first, second].map((bytes) => bytes.toString('base64'))).toContain(content.data!.districtAttachmentContent);
  });

  it('refuses files beyond the jurisdiction\'s quota with a clear error and writes nothing; content it holds costs nothing', async () => {
    const before = await rowCounts();
    const refused = await call(RECORD, {
      input: { cadreId, taskId, kind: 'MEETING', occurredOn: '2025-06-02', summary: '超额', attachments: [file('新材料.bin', randomBytes(3 * MIB))] },
    });
    // The gateway passes on a refusal's code and field; the reason and the figures are in the message.
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attachments' });
    expect(refused.errors?.[0].message).toBe(
      `超出佐证材料存储配额 / evidence quota exceeded (QUOTA_EXCEEDED): 120116 stores 10485760 bytes of evidence, these files add ${3 * MIB}, the quota is ${QUOTA} bytes`,
    );
    expect(await rowCounts()).toEqual(before);
    // The same bytes again (already held by 滨海新区): accepted, no new content.
    const again = await call(RECORD, {
      input: { cadreId, taskId, kind: 'MEETING', occurredOn: '2025-06-03', summary: '同一材料', attachments: [file('纪要副本.bin', first)] },
    });
    expect(again.errors).toBeUndefined();
    expect((await rowCounts()).contents).toBe('2');
    // A plain query right after still answers.
    const list = await call<{ district: { dutyRecords: { totalCount: number } } }>(`{ district(code: "${BINHAI}") { dutyRecords { totalCount } } }`, {});
    expect(list.errors).toBeUndefined();
  });
});
