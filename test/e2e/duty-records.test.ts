import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  AttachmentEntity,
  AuditEntryEntity,
  DutyRecordEntity,
  ResponsibilityItemEntity,
  sqlStatementCount,
  TaskEntity,
  verifyAuditChain,
  type RunningSubgraph,
} from '@supervision/kit';
import { graphql, startTestPlatform, type GraphQLResponse, type TestPlatform } from '../support/platform';

type Level = 'district' | 'street';
const TYPE = { district: 'District', street: 'Street' } as const;

const BINHAI = '120116';
const TANGGU = '120116001'; // 塘沽街道, a street of 滨海新区
const HANGZHOUDAO = '120116005'; // 杭州道街道, another street of 滨海新区
const HEPING = '120101'; // kept apart for the statement counts

const RECORD_FIELDS = `id recordId version latest kind occurredOn summary correctionReason taskId responsibilityItemId recordedBy
  cadre { id name } attachments { id name contentType size sha256 }`;

interface AttachmentView {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}
interface RecordView {
  id: string;
  recordId: string;
  version: number;
  latest: boolean;
  kind: string;
  occurredOn: string;
  summary: string;
  correctionReason: string | null;
  taskId: string | null;
  responsibilityItemId: string | null;
  recordedBy: string;
  cadre: { id: string; name: string };
  attachments: AttachmentView[];
}

/** The rows a mutation could leave behind in one subgraph's database. */
interface Fixture {
  cadreId: string;
  otherCadreId: string;
  itemId: string;
  taskId: string;
  otherItemId: string;
}

let platform: TestPlatform;
const tokens: Record<string, string> = {};
const fixtures: Record<string, Fixture> = {};

function file(name: string, bytes: Buffer, contentType = 'application/octet-stream') {
  return { name, contentType, contentBase64: bytes.toString('base64') };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function subgraphOf(code: string): RunningSubgraph {
  return code.length === 9 ? platform.subgraphs.street : platform.subgraphs.district;
}

function levelOf(code: string): Level {
  return code.length === 9 ? 'street' : 'district';
}

async function record(token: string, level: Level, input: Record<string, unknown>) {
  const response = await graphql<Record<string, RecordView>>(
    platform.gateway.url,
    `mutation($input: RecordDutyInput!) { record${TYPE[level]}Duty(input: $input) { ${RECORD_FIELDS} } }`,
    { token, variables: { input } },
  );
  return { ...response, record: response.data?.[`record${TYPE[level]}Duty`] };
}

async function correct(token: string, level: Level, recordId: string, input: Record<string, unknown>) {
  const response = await graphql<Record<string, RecordView>>(
    platform.gateway.url,
    `mutation($recordId: ID!, $input: CorrectDutyRecordInput!) { correct${TYPE[level]}DutyRecord(recordId: $recordId, input: $input) { ${RECORD_FIELDS} } }`,
    { token, variables: { recordId, input } },
  );
  return { ...response, record: response.data?.[`correct${TYPE[level]}DutyRecord`] };
}

async function readRecord(token: string, level: Level, id: string) {
  const response = await graphql<Record<string, (RecordView & { versions: { id: string; version: number; summary: string }[] }) | null>>(
    platform.gateway.url,
    `query($id: ID!) { ${level}DutyRecord(id: $id) { ${RECORD_FIELDS} versions { id version summary } } }`,
    { token, variables: { id } },
  );
  return { ...response, record: response.data?.[`${level}DutyRecord`] };
}

async function content(token: string, level: Level, id: string): Promise<GraphQLResponse<Record<string, string | null>>> {
  return graphql(platform.gateway.url, `query($id: ID!) { ${level}AttachmentContent(id: $id) }`, { token, variables: { id } });
}

/** A unit with two cadres through the org mutations, and a responsibility item with its task through the ORM. */
async function createFixture(code: string, token: string): Promise<Fixture> {
  const type = TYPE[levelOf(code)];
  const unit = await graphql<Record<string, { id: string }>>(
    platform.gateway.url,
    `mutation($input: CreateUnitInput!) { create${type}Unit(input: $input) { id } }`,
    { token, variables: { input: { jurisdictionCode: code, name: `${code} 党委`, kind: 'PARTY_COMMITTEE' } } },
  );
  expect(unit.errors).toBeUndefined();
  const unitId = unit.data![`create${type}Unit`].id;
  const addCadre = async (name: string) => {
    const cadre = await graphql<Record<string, { id: string }>>(
      platform.gateway.url,
      `mutation($input: AddCadreInput!) { add${type}Cadre(input: $input) { id } }`,
      { token, variables: { input: { unitId, name, position: '党委书记' } } },
    );
    expect(cadre.errors).toBeUndefined();
    return cadre.data![`add${type}Cadre`].id;
  };
  const cadreId = await addCadre(`${code} 书记`);
  const otherCadreId = await addCadre(`${code} 副书记`);

  const em = subgraphOf(code).orm.em.fork();
  const item = em.create(ResponsibilityItemEntity, {
    jurisdictionCode: code,
    unitId,
    cadreId,
    categoryCode: 'PARTY_CONDUCT',
    content: '每季度专题研究党风廉政建设',
    basis: '《党委(党组)落实全面从严治党主体责任规定》',
    year: 2025,
  });
  const otherItem = em.create(ResponsibilityItemEntity, {
    jurisdictionCode: code,
    unitId,
    categoryCode: 'IDEOLOGY',
    content: '落实意识形态工作责任制',
    basis: '《党委(党组)意识形态工作责任制实施办法》',
    year: 2025,
  });
  // No ORM relations between these tables, so the flush cannot order the inserts: items first.
  await em.flush();
  const task = em.create(TaskEntity, {
    jurisdictionCode: code,
    responsibilityItemId: item.id,
    title: '召开专题会议',
    cadreId,
    dueDate: '2025-12-31',
  });
  await em.flush();
  return { cadreId, otherCadreId, itemId: item.id, taskId: task.id, otherItemId: otherItem.id };
}

async function rowCounts(code: string) {
  const em = subgraphOf(code).orm.em.fork();
  return {
    dutyRecords: await em.count(DutyRecordEntity),
    attachments: await em.count(AttachmentEntity),
    auditEntries: await em.count(AuditEntryEntity),
  };
}

/** SQL statements each subgraph sends while `run` executes. */
async function countStatements(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const names = ['city', 'district', 'street'] as const;
  const before = await Promise.all(names.map((name) => sqlStatementCount(platform.subgraphs[name].metrics)));
  await run();
  const after = await Promise.all(names.map((name) => sqlStatementCount(platform.subgraphs[name].metrics)));
  return Object.fromEntries(names.map((name, index) => [name, after[index] - before[index]]));
}

function dateFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  tokens.binhai = await platform.token({ level: 'district', code: BINHAI, roles: ['admin'] });
  // The district's discipline staff, even with an admin role, own no street records.
  tokens.binhaiCommission = await platform.token({ level: 'district', code: BINHAI, roles: ['commission', 'admin'] });
  tokens.tanggu = await platform.token({ level: 'street', code: TANGGU, roles: ['admin'] });
  tokens.hangzhoudao = await platform.token({ level: 'street', code: HANGZHOUDAO, roles: ['admin'] });
  tokens.heping = await platform.token({ level: 'district', code: HEPING, roles: ['admin'] });
  fixtures.binhai = await createFixture(BINHAI, tokens.binhai);
  fixtures.tanggu = await createFixture(TANGGU, tokens.tanggu);
  fixtures.hangzhoudao = await createFixture(HANGZHOUDAO, tokens.hangzhoudao);
  fixtures.heping = await createFixture(HEPING, tokens.heping);
});
afterAll(() => platform?.stop());

describe('duty records with evidence', () => {
  const minutes = Buffer.from('滨海新区委常委会专题研究党风廉政建设工作会议纪要\n参会：全体常委\n', 'utf8');
  const photo = randomBytes(300 * 1024);
  let first: RecordView;

  it('records a duty with two files and gives back their sizes, digests and exact content', async () => {
    const { errors, record: created } = await record(tokens.binhai, 'district', {
      cadreId: fixtures.binhai.cadreId,
      kind: 'MEETING',
      occurredOn: '2025-03-14',
      taskId: fixtures.binhai.taskId,
      responsibilityItemId: fixtures.binhai.itemId,
      summary: '主持召开区委常委会，专题研究党风廉政建设',
      attachments: [file('会议纪要.txt', minutes, 'text/plain'), file('现场照片.jpg', photo, 'image/jpeg')],
    });
    expect(errors).toBeUndefined();
    first = created!;
    expect(first).toMatchObject({
      version: 1,
      latest: true,
      kind: 'MEETING',
      occurredOn: '2025-03-14',
      correctionReason: null,
      taskId: fixtures.binhai.taskId,
      responsibilityItemId: fixtures.binhai.itemId,
      recordedBy: `test-district-${BINHAI}`,
      cadre: { id: fixtures.binhai.cadreId, name: `${BINHAI} 书记` },
    });

    const { record: read } = await readRecord(tokens.binhai, 'district', first.id);
    expect(read!.attachments.map(({ name, contentType, size, sha256: digest }) => ({ name, contentType, size, sha256: digest }))).toEqual([
      { name: '会议纪要.txt', contentType: 'text/plain', size: minutes.length, sha256: sha256(minutes) },
      { name: '现场照片.jpg', contentType: 'image/jpeg', size: 300 * 1024, sha256: sha256(photo) },
    ]);
    for (const [attachment, bytes] of [[read!.attachments[0], minutes], [read!.attachments[1], photo]] as const) {
      const download = await content(tokens.binhai, 'district', attachment.id);
      expect(download.errors).toBeUndefined();
      expect(Buffer.from(download.data!.districtAttachmentContent!, 'base64').equals(bytes)).toBe(true);
    }
  });

  it('audits the record with the files\' names, sizes and digests, never their bytes', async () => {
    const em = platform.subgraphs.district.orm.em.fork();
    const entry = await em.findOneOrFail(AuditEntryEntity, { entityType: 'DutyRecord', entityId: first.recordId });
    expect(entry.action).toBe('create');
    expect(entry.after).toMatchObject({
      id: first.id,
      summary: '主持召开区委常委会，专题研究党风廉政建设',
      attachments: [
        { name: '会议纪要.txt', size: minutes.length, sha256: sha256(minutes) },
        { name: '现场照片.jpg', size: photo.length, sha256: sha256(photo) },
      ],
    });
    const stored = JSON.stringify(entry.after);
    expect(stored).not.toContain(minutes.toString('base64'));
    expect(stored).not.toContain('"content"');
    expect(stored.length).toBeLessThan(4000);
  });

  it('corrects a record as version 2, keeping version 1 and its files readable', async () => {
    const agenda = Buffer.from('会议议程（补充）', 'utf8');
    const { errors, record: second } = await correct(tokens.binhai, 'district', first.recordId, {
      summary: '主持召开区委常委会，专题研究党风廉政建设，部署春节前廉洁提醒',
      reason: '补充会议部署事项',
      attachments: [file('会议议程.txt', agenda, 'text/plain')],
    });
    expect(errors).toBeUndefined();
    expect(second).toMatchObject({
      recordId: first.recordId,
      version: 2,
      latest: true,
      correctionReason: '补充会议部署事项',
      summary: '主持召开区委常委会，专题研究党风廉政建设，部署春节前廉洁提醒',
      // unchanged fields are copied from version 1
      kind: 'MEETING',
      occurredOn: '2025-03-14',
      taskId: fixtures.binhai.taskId,
      responsibilityItemId: fixtures.binhai.itemId,
      cadre: { id: fixtures.binhai.cadreId },
    });
    expect(second!.id).not.toBe(first.id);
    // version 2 carries version 1's files over (as its own copies) and adds the new one
    expect(second!.attachments.map((attachment) => [attachment.name, attachment.sha256])).toEqual([
      ['会议纪要.txt', sha256(minutes)],
      ['现场照片.jpg', sha256(photo)],
      ['会议议程.txt', sha256(agenda)],
    ]);
    expect(second!.attachments.map((attachment) => attachment.id)).not.toContain(first.attachments[0].id);
    const copy = await content(tokens.binhai, 'district', second!.attachments[1].id);
    expect(Buffer.from(copy.data!.districtAttachmentContent!, 'base64').equals(photo)).toBe(true);

    const { record: old } = await readRecord(tokens.binhai, 'district', first.id);
    expect(old).toMatchObject({
      version: 1,
      latest: false,
      summary: '主持召开区委常委会，专题研究党风廉政建设',
      correctionReason: null,
    });
    expect(old!.attachments.map((attachment) => attachment.id)).toEqual(first.attachments.map((attachment) => attachment.id));
    expect(old!.versions.map(({ version, summary }) => [version, summary])).toEqual([
      [1, '主持召开区委常委会，专题研究党风廉政建设'],
      [2, '主持召开区委常委会，专题研究党风廉政建设，部署春节前廉洁提醒'],
    ]);

    // a wrong file is dropped in version 3; versions 1 and 2 keep it
    const { errors: dropErrors, record: third } = await correct(tokens.binhai, 'district', first.recordId, {
      reason: '照片与本次会议无关',
      removeAttachmentIds: [second!.attachments[1].id],
    });
    expect(dropErrors).toBeUndefined();
    expect(third!.version).toBe(3);
    expect(third!.attachments.map((attachment) => attachment.name)).toEqual(['会议纪要.txt', '会议议程.txt']);
    expect((await readRecord(tokens.binhai, 'district', second!.id)).record!.attachments).toHaveLength(3);

    const trail = await graphql<{ districtAuditTrail: { action: string; after: { version: number } }[] }>(
      platform.gateway.url,
      `query($id: ID!) { districtAuditTrail(entityType: DUTY_RECORD, entityId: $id) { action after } }`,
      { token: tokens.binhai, variables: { id: first.recordId } },
    );
    expect(trail.data!.districtAuditTrail.map((entry) => [entry.action, entry.after.version])).toEqual([
      ['create', 1],
      ['correct', 2],
      ['correct', 3],
    ]);
  });

  it('refuses a correction that changes nothing or removes a file the version does not have', async () => {
    const before = await rowCounts(BINHAI);
    const nothing = await correct(tokens.binhai, 'district', first.recordId, { reason: '无变化', occurredOn: '2025-03-14' });
    expect(nothing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    const foreign = await correct(tokens.binhai, 'district', first.recordId, { reason: '删除', removeAttachmentIds: [first.attachments[0].id] });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.removeAttachmentIds.0' });
    const blankReason = await correct(tokens.binhai, 'district', first.recordId, { reason: '  ', summary: '改' });
    expect(blankReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    const unknown = await correct(tokens.binhai, 'district', randomUUID(), { reason: '更正', summary: '改' });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await rowCounts(BINHAI)).toEqual(before);
  });

  it('lists the latest version of each record for the district and for the cadre', async () => {
    const response = await graphql<{
      district: { dutyRecords: { totalCount: number; edges: { node: { recordId: string; version: number; latest: boolean } }[] } };
      districtCadre: { dutyRecords: { version: number }[] };
    }>(
      platform.gateway.url,
      `query($cadreId: ID!) {
        district(code: "${BINHAI}") { dutyRecords { totalCount edges { node { recordId version latest } } } }
        districtCadre(id: $cadreId) { dutyRecords { version } }
      }`,
      { token: tokens.binhai, variables: { cadreId: fixtures.binhai.cadreId } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.district.dutyRecords.totalCount).toBe(1);
    expect(response.data!.district.dutyRecords.edges.map((edge) => edge.node)).toEqual([{ recordId: first.recordId, version: 3, latest: true }]);
    expect(response.data!.districtCadre.dutyRecords).toEqual([{ version: 3 }]);
  });
});

describe('oversized evidence', () => {
  const limit = 5 * 1024 * 1024; // 5 MiB
  const tooLarge = Buffer.alloc(limit + 1, 0x61);

  it('refuses a file of 5 MiB + 1 byte naming it, and writes no record, file or audit entry', async () => {
    const before = await rowCounts(BINHAI);
    const response = await record(tokens.binhai, 'district', {
      cadreId: fixtures.binhai.cadreId,
      kind: 'REPORT',
      occurredOn: '2025-04-01',
      responsibilityItemId: fixtures.binhai.itemId,
      summary: '向区纪委全会述责述廉',
      attachments: [file('述责述廉报告.pdf', tooLarge, 'application/pdf')],
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attachments.0.contentBase64' });
    expect(response.errors?.[0].message).toContain('5242881 bytes');
    expect(await rowCounts(BINHAI)).toEqual(before);
  });

  it('refuses a correction whose second file is too large, keeping the first file out too', async () => {
    const created = await record(tokens.binhai, 'district', {
      cadreId: fixtures.binhai.cadreId,
      kind: 'TALK',
      occurredOn: '2025-04-02',
      responsibilityItemId: fixtures.binhai.itemId,
      summary: '与新任科级干部开展廉政谈话',
    });
    expect(created.errors).toBeUndefined();
    const before = await rowCounts(BINHAI);
    const response = await correct(tokens.binhai, 'district', created.record!.recordId, {
      reason: '补充谈话记录',
      attachments: [file('谈话记录.txt', Buffer.from('谈话记录'), 'text/plain'), file('录音.mp3', tooLarge, 'audio/mpeg')],
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attachments.1.contentBase64' });
    expect(await rowCounts(BINHAI)).toEqual(before);
  });

  it('answers a request body over the 16 MiB limit with a GraphQL error, not an HTML page', async () => {
    const chunk = file('part.bin', Buffer.alloc(4 * 1024 * 1024, 0x62));
    const response = await record(tokens.binhai, 'district', {
      cadreId: fixtures.binhai.cadreId,
      kind: 'OTHER',
      occurredOn: '2025-04-03',
      responsibilityItemId: fixtures.binhai.itemId,
      summary: '四个 4 MiB 文件：请求体约 22 MiB',
      attachments: [chunk, chunk, chunk, chunk],
    });
    expect(response.status).toBe(413);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('input that breaks the rules', () => {
  const valid = () => ({
    cadreId: fixtures.binhai.cadreId,
    kind: 'INSPECTION',
    occurredOn: '2025-05-06',
    taskId: fixtures.binhai.taskId,
    summary: '带队检查中央八项规定精神落实情况',
  });

  it.each([
    ['a date in the future', { occurredOn: dateFromToday(2) }, 'input.occurredOn'],
    ['a date that does not exist', { occurredOn: '2025-02-29' }, 'input.occurredOn'],
    ['a blank summary', { summary: ' \n ' }, 'input.summary'],
    ['neither task nor responsibility item', { taskId: null }, 'input.taskId'],
    ['a task that carries out another item', { responsibilityItemId: 'other' }, 'input.taskId'],
    ['a malformed cadre id', { cadreId: 'cadre-1' }, 'input.cadreId'],
  ])('refuses %s as BAD_USER_INPUT naming the field', async (_name, change, field) => {
    const input: Record<string, unknown> = { ...valid(), ...change };
    if (input.responsibilityItemId === 'other') input.responsibilityItemId = fixtures.binhai.otherItemId;
    const before = await rowCounts(BINHAI);
    const response = await record(tokens.binhai, 'district', input);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await rowCounts(BINHAI)).toEqual(before);
  });

  it('accepts today in Tianjin', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const response = await record(tokens.binhai, 'district', { ...valid(), occurredOn: today });
    expect(response.errors).toBeUndefined();
    expect(response.record!.occurredOn).toBe(today);
  });

  it.each([
    ['an unknown cadre', () => ({ cadreId: randomUUID() })],
    ['an unknown task', () => ({ taskId: randomUUID() })],
    ['an unknown responsibility item', () => ({ taskId: null, responsibilityItemId: randomUUID() })],
    ['a task of another jurisdiction', () => ({ taskId: fixtures.heping.taskId })],
  ])('refuses %s as NOT_FOUND', async (_name, change) => {
    const before = await rowCounts(BINHAI);
    const response = await record(tokens.binhai, 'district', { ...valid(), ...change() });
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await rowCounts(BINHAI)).toEqual(before);
  });
});

describe('who may record and read', () => {
  let tangguRecord: RecordView;
  beforeAll(async () => {
    const created = await record(tokens.tanggu, 'street', {
      cadreId: fixtures.tanggu.cadreId,
      kind: 'INSTRUCTION',
      occurredOn: '2025-06-01',
      taskId: fixtures.tanggu.taskId,
      summary: '对社区信访举报件作出批示',
      attachments: [file('批示件.txt', Buffer.from('请街道纪工委核查'), 'text/plain')],
    });
    expect(created.errors).toBeUndefined();
    tangguRecord = created.record!;
  });

  it('refuses a street admin recording for another street\'s cadre', async () => {
    const before = await rowCounts(TANGGU);
    const response = await record(tokens.hangzhoudao, 'street', {
      cadreId: fixtures.tanggu.cadreId,
      kind: 'TALK',
      occurredOn: '2025-06-02',
      taskId: fixtures.tanggu.taskId,
      summary: '越权记录',
    });
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const corrected = await correct(tokens.hangzhoudao, 'street', tangguRecord.recordId, { reason: '越权更正', summary: '改' });
    expect(corrected.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await rowCounts(TANGGU)).toEqual(before);
  });

  it('lets the district commission read its street\'s records and files, but not write them', async () => {
    const read = await readRecord(tokens.binhaiCommission, 'street', tangguRecord.id);
    expect(read.errors).toBeUndefined();
    expect(read.record!.summary).toBe('对社区信访举报件作出批示');
    const list = await graphql<{ street: { dutyRecords: { totalCount: number; edges: { node: { id: string; street: { name: string } } }[] } } }>(
      platform.gateway.url,
      `{ street(code: "${TANGGU}") { dutyRecords { totalCount edges { node { id street { name } } } } } }`,
      { token: tokens.binhaiCommission },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.street.dutyRecords.edges.map((edge) => edge.node)).toEqual([{ id: tangguRecord.id, street: { name: '塘沽街道' } }]);
    const download = await content(tokens.binhaiCommission, 'street', tangguRecord.attachments[0].id);
    expect(Buffer.from(download.data!.streetAttachmentContent!, 'base64').toString('utf8')).toBe('请街道纪工委核查');

    const before = await rowCounts(TANGGU);
    const write = await record(tokens.binhaiCommission, 'street', {
      cadreId: fixtures.tanggu.cadreId,
      kind: 'INSPECTION',
      occurredOn: '2025-06-03',
      taskId: fixtures.tanggu.taskId,
      summary: '区纪委代为记录',
    });
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const corrected = await correct(tokens.binhaiCommission, 'street', tangguRecord.recordId, { reason: '代为更正', summary: '改' });
    expect(corrected.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await rowCounts(TANGGU)).toEqual(before);
  });

  it('keeps a street\'s records and files from a neighbouring street and from anonymous callers', async () => {
    const read = await readRecord(tokens.hangzhoudao, 'street', tangguRecord.id);
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expect(read.errors).toBeUndefined();
    expect(read.record).toBeNull();
    const download = await content(tokens.hangzhoudao, 'street', tangguRecord.attachments[0].id);
    expect(download.errors).toBeUndefined();
    expect(download.data).toEqual({ streetAttachmentContent: null });
    const list = await graphql(platform.gateway.url, `{ street(code: "${TANGGU}") { dutyRecords { totalCount } } }`, { token: tokens.hangzhoudao });
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graphql(platform.gateway.url, `{ street(code: "${TANGGU}") { dutyRecords { totalCount } } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('concurrent corrections', () => {
  async function newStreetRecord(summary: string): Promise<RecordView> {
    const created = await record(tokens.hangzhoudao, 'street', {
      cadreId: fixtures.hangzhoudao.cadreId,
      kind: 'MEETING',
      occurredOn: '2025-07-01',
      responsibilityItemId: fixtures.hangzhoudao.itemId,
      summary,
    });
    expect(created.errors).toBeUndefined();
    return created.record!;
  }

  it('lets only one of two corrections become version 2; the other gets CONFLICT and writes nothing', async () => {
    const original = await newStreetRecord('召开街道党工委会议');
    const orm = platform.subgraphs.street.orm;
    // Another writer's version 2, inserted but not yet committed: the correction below reads
    // version 1 as the latest and then has to wait on the unique index for this transaction.
    const rival = orm.em.fork();
    await rival.begin();
    rival.create(DutyRecordEntity, {
      recordId: original.recordId,
      version: 2,
      jurisdictionCode: HANGZHOUDAO,
      kind: 'MEETING',
      occurredOn: '2025-07-01',
      cadreId: fixtures.hangzhoudao.cadreId,
      responsibilityItemId: fixtures.hangzhoudao.itemId,
      summary: '召开街道党工委会议（另一人更正）',
      correctionReason: '另一人同时更正',
      recordedBy: 'rival',
    });
    await rival.flush();
    const auditBefore = await orm.em.fork().count(AuditEntryEntity);

    const pending = correct(tokens.hangzhoudao, 'street', original.recordId, { reason: '同时更正', summary: '召开街道党工委扩大会议' });
    const waiting = async () =>
      Number(
        (
          await orm.em
            .fork()
            .getConnection()
            .execute<{ n: string }[]>(`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)
        )[0].n,
      );
    for (let attempt = 0; attempt < 100 && (await waiting()) === 0; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await waiting()).toBe(1);
    await rival.commit();

    const response = await pending;
    expect(response.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(response.errors?.[0].message).toContain('version 2');
    const versions = await orm.em.fork().find(DutyRecordEntity, { recordId: original.recordId }, { orderBy: { version: 'asc' } });
    expect(versions.map((version) => [version.version, version.recordedBy])).toEqual([
      [1, `test-street-${HANGZHOUDAO}`],
      [2, 'rival'],
    ]);
    expect(await orm.em.fork().count(AuditEntryEntity)).toBe(auditBefore);
  });

  it('never gives two simultaneous corrections the same version', async () => {
    const original = await newStreetRecord('开展廉政谈话');
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((who) => correct(tokens.hangzhoudao, 'street', original.recordId, { reason: `${who}更正`, summary: `开展廉政谈话（${who}）` })),
    );
    for (const result of results) {
      if (result.errors) expect(result.errors[0].extensions?.code).toBe('CONFLICT');
    }
    const succeeded = results.filter((result) => !result.errors).map((result) => result.record!.version);
    expect(succeeded.length).toBeGreaterThan(0);
    const stored = await platform.subgraphs.street.orm.em.fork().find(DutyRecordEntity, { recordId: original.recordId }, { orderBy: { version: 'asc' } });
    // versions are 1, 2, … without gaps or repeats, one per successful correction
    expect(stored.map((version) => version.version)).toEqual(Array.from({ length: succeeded.length + 1 }, (_, index) => index + 1));
    expect([...succeeded].sort()).toEqual(stored.slice(1).map((version) => version.version));
  });

  it('leaves every level\'s audit chain whole', async () => {
    for (const subgraph of [platform.subgraphs.district, platform.subgraphs.street]) {
      expect(await verifyAuditChain(subgraph.orm.em.fork())).toMatchObject({ valid: true });
    }
  });
});

describe('a correction that names another cadre', () => {
  it('moves the record to that cadre\'s list, and refuses a cadre of another street', async () => {
    const created = await record(tokens.hangzhoudao, 'street', {
      cadreId: fixtures.hangzhoudao.cadreId,
      kind: 'INSPECTION',
      occurredOn: '2025-07-10',
      responsibilityItemId: fixtures.hangzhoudao.itemId,
      summary: '检查社区党风廉政建设台账',
    });
    expect(created.errors).toBeUndefined();
    const { recordId } = created.record!;
    const elsewhere = await correct(tokens.hangzhoudao, 'street', recordId, { reason: '记错了人', cadreId: fixtures.tanggu.cadreId });
    expect(elsewhere.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const moved = await correct(tokens.hangzhoudao, 'street', recordId, { reason: '记错了人', cadreId: fixtures.hangzhoudao.otherCadreId });
    expect(moved.errors).toBeUndefined();
    expect(moved.record).toMatchObject({ version: 2, cadre: { id: fixtures.hangzhoudao.otherCadreId }, summary: '检查社区党风廉政建设台账' });

    const lists = await graphql<{ before: { dutyRecords: { recordId: string }[] }; after: { dutyRecords: { recordId: string; version: number }[] } }>(
      platform.gateway.url,
      `query($before: ID!, $after: ID!) {
        before: streetCadre(id: $before) { dutyRecords { recordId } }
        after: streetCadre(id: $after) { dutyRecords { recordId version } }
      }`,
      { token: tokens.hangzhoudao, variables: { before: fixtures.hangzhoudao.cadreId, after: fixtures.hangzhoudao.otherCadreId } },
    );
    expect(lists.errors).toBeUndefined();
    expect(lists.data!.before.dutyRecords.map((item) => item.recordId)).not.toContain(recordId);
    expect(lists.data!.after.dutyRecords).toEqual([{ recordId, version: 2 }]);
  });
});

describe('filters and pages', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const add = async (key: string, input: Record<string, unknown>) => {
      const created = await record(tokens.tanggu, 'street', {
        cadreId: fixtures.tanggu.cadreId,
        responsibilityItemId: fixtures.tanggu.itemId,
        ...input,
      });
      expect(created.errors).toBeUndefined();
      ids[key] = created.record!.id;
    };
    await add('talk', { kind: 'TALK', occurredOn: '2025-08-01', summary: '与社区书记开展100%覆盖谈话' });
    await add('inspection', { kind: 'INSPECTION', occurredOn: '2025-08-15', summary: '检查社区财务公开', cadreId: fixtures.tanggu.otherCadreId });
    await add('report', { kind: 'REPORT', occurredOn: '2025-09-01', summary: '向区纪委报告谈话情况', taskId: fixtures.tanggu.taskId });
  });

  async function list(filter: Record<string, unknown>, first = 10, after?: string) {
    const response = await graphql<{ street: { dutyRecords: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string } }[] } } }>(
      platform.gateway.url,
      `query($filter: DutyRecordFilter, $first: Int!, $after: String) {
        street(code: "${TANGGU}") { dutyRecords(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }
      }`,
      { token: tokens.tanggu, variables: { filter, first, after } },
    );
    expect(response.errors).toBeUndefined();
    return { ...response.data!.street.dutyRecords, ids: response.data!.street.dutyRecords.edges.map((edge) => edge.node.id) };
  }

  it('filters by kind, cadre, task, dates and words of the summary', async () => {
    // the street also holds the 批示 of 2025-06-01 recorded earlier in this file
    expect((await list({})).totalCount).toBe(4);
    expect((await list({ kind: 'TALK' })).ids).toEqual([ids.talk]);
    expect((await list({ cadreId: fixtures.tanggu.otherCadreId })).ids).toEqual([ids.inspection]);
    expect((await list({ from: '2025-08-01', to: '2025-08-31' })).ids).toEqual([ids.inspection, ids.talk]);
    expect((await list({ text: '谈话' })).ids).toEqual([ids.report, ids.talk]);
    expect((await list({ text: '100%' })).ids).toEqual([ids.talk]);
    expect((await list({ text: '%' })).ids).toEqual([ids.talk]);
    expect((await list({ taskId: fixtures.tanggu.taskId, from: '2025-07-01' })).ids).toEqual([ids.report]);
  });

  it('pages newest occurrence first with cursors', async () => {
    const page1 = await list({ from: '2025-08-01' }, 2);
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(page1.ids).toEqual([ids.report, ids.inspection]);
    const page2 = await list({ from: '2025-08-01' }, 2, page1.pageInfo.endCursor);
    expect(page2.ids).toEqual([ids.talk]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('names a bad filter or page size', async () => {
    const badDate = await graphql(platform.gateway.url, `{ street(code: "${TANGGU}") { dutyRecords(filter: { from: "2025-8-1" }) { totalCount } } }`, { token: tokens.tanggu });
    expect(badDate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
    const badSize = await graphql(platform.gateway.url, `{ street(code: "${TANGGU}") { dutyRecords(first: 101) { totalCount } } }`, { token: tokens.tanggu });
    expect(badSize.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('statements per query', () => {
  const QUERY = `{ district(code: "${HEPING}") { dutyRecords(first: 10) { edges { node { attachments { name } versions { version } cadre { name } } } } } }`;

  async function addRecords(count: number) {
    for (let index = 0; index < count; index += 1) {
      const created = await record(tokens.heping, 'district', {
        cadreId: index % 2 === 0 ? fixtures.heping.cadreId : fixtures.heping.otherCadreId,
        kind: 'MEETING',
        occurredOn: '2025-10-01',
        taskId: fixtures.heping.taskId,
        summary: `第 ${index + 1} 次专题会议`,
        attachments: [file(`纪要${index}.txt`, Buffer.from(`纪要 ${index}`)), file(`签到${index}.txt`, Buffer.from(`签到 ${index}`))],
      });
      expect(created.errors).toBeUndefined();
      const corrected = await correct(tokens.heping, 'district', created.record!.recordId, { reason: '补正', summary: `第 ${index + 1} 次专题会议（补正）` });
      expect(corrected.errors).toBeUndefined();
    }
  }

  async function measure() {
    let nodes = 0;
    const counts = await countStatements(async () => {
      const response = await graphql<{ district: { dutyRecords: { edges: { node: { attachments: unknown[]; versions: unknown[] } }[] } } }>(
        platform.gateway.url,
        QUERY,
        { token: tokens.heping },
      );
      expect(response.errors).toBeUndefined();
      nodes = response.data!.district.dutyRecords.edges.length;
      for (const edge of response.data!.district.dutyRecords.edges) {
        expect(edge.node.attachments).toHaveLength(2);
        expect(edge.node.versions).toHaveLength(2);
      }
    });
    return { nodes, counts };
  }

  it('costs the same statements for 2 records as for 8', async () => {
    await addRecords(2);
    const small = await measure();
    await addRecords(6);
    const large = await measure();
    expect(small.nodes).toBe(2);
    expect(large.nodes).toBe(8);
    // district: the district row, one page of records, then one batch each for the
    // attachments, the versions and the cadres of every record on the page (5); then the read
    // trace's one row naming every record of the page, in its own short transaction (5)
    expect(small.counts).toEqual({ city: 0, district: 10, street: 0 });
    expect(large.counts).toEqual(small.counts);
  });
});
