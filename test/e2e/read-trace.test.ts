import { ResponsibilityItemEntity } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { cityFindingsOnDistrictUnit } from '../support/supervision-fixtures';

const BINHAI = '120116';
let platform: TestPlatform;
const tokens: Record<string, string> = {};
const ids: { records: string[]; attachment: string } = { records: [], attachment: '' };

interface Entry {
  seq: string;
  actorSubject: string;
  actorCode: string;
  requestId: string | null;
  records: { type: string; id: string; ownerCode: string }[];
}
const ENTRY = 'seq actorSubject actorCode requestId records { type id ownerCode } algorithm hash';

async function recordDuty(cadreId: string, itemId: string, summary: string) {
  const response = await graphql<{ recordDistrictDuty: { id: string; attachments: { id: string }[] } }>(
    platform.gateway.url,
    `mutation($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { id attachments { id } } }`,
    {
      token: tokens.admin,
      variables: {
        input: {
          cadreId,
          kind: 'TALK',
          occurredOn: '2025-04-01',
          responsibilityItemId: itemId,
          summary,
          attachments: [{ name: '谈话记录.txt', contentType: 'text/plain', contentBase64: Buffer.from(summary).toString('base64') }],
        },
      },
    },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.recordDistrictDuty;
}

async function whoRead(token: string, id: string, extra = '') {
  return graphql<{ districtReadTrace: Entry[] }>(
    platform.gateway.url,
    `query($id: ID!) { districtReadTrace(entityType: "DutyRecord", entityId: $id${extra}) { ${ENTRY} } }`,
    { token, variables: { id } },
  );
}

beforeAll(async () => {
  platform = await startTestPlatform();
  tokens.admin = await platform.token({ subject: 'binhai-admin', level: 'district', code: BINHAI, roles: ['admin'] });
  tokens.reader = await platform.token({ subject: 'reader-a', level: 'district', code: BINHAI, roles: ['leader'] });
  tokens.commission = await platform.token({ subject: 'binhai-commission', level: 'district', code: BINHAI, roles: ['commission'] });
  tokens.cityCommission = await platform.token({ subject: 'city-commission', level: 'city', code: '120000', roles: ['commission'] });
  tokens.streetCommission = await platform.token({ level: 'street', code: '120116001', roles: ['commission'] });

  const unit = await graphql<{ createDistrictUnit: { id: string } }>(platform.gateway.url, 'mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }', {
    token: tokens.admin,
    variables: { input: { jurisdictionCode: BINHAI, name: '滨海新区某局党组', kind: 'PARTY_COMMITTEE' } },
  });
  const cadre = await graphql<{ addDistrictCadre: { id: string } }>(platform.gateway.url, 'mutation($input: AddCadreInput!) { addDistrictCadre(input: $input) { id } }', {
    token: tokens.admin,
    variables: { input: { unitId: unit.data!.createDistrictUnit.id, name: '王某', position: '党组书记' } },
  });
  const em = platform.subgraphs.district.orm.em.fork();
  const item = em.create(ResponsibilityItemEntity, {
    jurisdictionCode: BINHAI,
    unitId: unit.data!.createDistrictUnit.id,
    categoryCode: 'PARTY_CONDUCT',
    content: '落实谈心谈话制度',
    basis: '《党委(党组)落实全面从严治党主体责任规定》',
    year: 2025,
  });
  await em.flush();
  const first = await recordDuty(cadre.data!.addDistrictCadre.id, item.id, '与班子成员逐一谈心谈话');
  const second = await recordDuty(cadre.data!.addDistrictCadre.id, item.id, '与新任干部廉政谈话');
  ids.records = [first.id, second.id];
  ids.attachment = first.attachments[0].id;
});
afterAll(() => platform?.stop());

describe('read trace (访问留痕)', () => {
  it('a read leaves one entry per request naming the reader, the records and the request id', async () => {
    const before = await platform.subgraphs.district.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*)::text as n from "read_trace"');
    const read = await graphql(
      platform.gateway.url,
      'query ReadTwo($a: ID!, $b: ID!) { a: districtDutyRecord(id: $a) { id summary } b: districtDutyRecord(id: $b) { id } }',
      { token: tokens.reader, variables: { a: ids.records[0], b: ids.records[1] }, headers: { 'x-request-id': 'req-read-two' } },
    );
    expect(read.errors).toBeUndefined();
    const after = await platform.subgraphs.district.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*)::text as n from "read_trace"');
    // Both records of the request are in one row: one insert per request and level.
    expect(Number(after[0].n) - Number(before[0].n)).toBe(1);

    const trace = await whoRead(tokens.commission, ids.records[0]);
    expect(trace.errors).toBeUndefined();
    expect(trace.data!.districtReadTrace[0]).toMatchObject({
      actorSubject: 'reader-a',
      actorCode: BINHAI,
      requestId: 'req-read-two',
      records: [
        { type: 'DutyRecord', id: ids.records[0], ownerCode: BINHAI },
        { type: 'DutyRecord', id: ids.records[1], ownerCode: BINHAI },
      ],
    });

    const file = await graphql(platform.gateway.url, 'query($id: ID!) { districtAttachmentContent(id: $id) }', { token: tokens.reader, variables: { id: ids.attachment } });
    expect(file.errors).toBeUndefined();
    const by = await graphql<{ districtReadsBy: Entry[] }>(platform.gateway.url, `{ districtReadsBy(subject: "reader-a") { ${ENTRY} } }`, { token: tokens.cityCommission });
    expect(by.errors).toBeUndefined();
    expect(by.data!.districtReadsBy.map((entry) => entry.records.map((record) => record.type))).toEqual([['Attachment'], ['DutyRecord', 'DutyRecord']]);

    // Paged, newest first: the next page starts before the last seq seen.
    const page1 = await graphql<{ districtReadsBy: Entry[] }>(platform.gateway.url, `{ districtReadsBy(subject: "reader-a", first: 1) { ${ENTRY} } }`, { token: tokens.commission });
    const page2 = await graphql<{ districtReadsBy: Entry[] }>(
      platform.gateway.url,
      `query($before: ID) { districtReadsBy(subject: "reader-a", first: 1, before: $before) { ${ENTRY} } }`,
      { token: tokens.commission, variables: { before: page1.data!.districtReadsBy[0].seq } },
    );
    expect(page2.data!.districtReadsBy[0].seq).toBe(by.data!.districtReadsBy[1].seq);
  });

  it('a list of duty records leaves one entry naming every record it returned, on every list that reads them', async () => {
    const rows = async () =>
      Number((await platform.subgraphs.district.orm.em.fork().getConnection().execute<{ n: string }[]>('select count(*)::text as n from "read_trace"'))[0].n);
    const newest = async (subject: string) => {
      const by = await graphql<{ districtReadsBy: Entry[] }>(platform.gateway.url, `{ districtReadsBy(subject: "${subject}", first: 1) { ${ENTRY} } }`, { token: tokens.commission });
      expect(by.errors).toBeUndefined();
      return by.data!.districtReadsBy[0];
    };
    const asRecords = (recordIds: string[]) => recordIds.map((id) => ({ type: 'DutyRecord', id, ownerCode: BINHAI }));

    // The jurisdiction's list, each record's versions and the cadre's list in one request: one row, each record once.
    const before = await rows();
    const list = await graphql<{ district: { dutyRecords: { edges: { node: { id: string; versions: { id: string }[]; cadre: { dutyRecords: { id: string }[] } } }[] } } }>(
      platform.gateway.url,
      `{ district(code: "${BINHAI}") { dutyRecords(first: 10) { edges { node { id versions { id } cadre { dutyRecords { id } } } } } } }`,
      { token: tokens.reader, headers: { 'x-request-id': 'req-list-duty' } },
    );
    expect(list.errors).toBeUndefined();
    const listed = list.data!.district.dutyRecords.edges.map((edge) => edge.node.id);
    expect([...listed].sort()).toEqual([...ids.records].sort());
    expect((await rows()) - before).toBe(1);
    const entry = await newest('reader-a');
    expect(entry.requestId).toBe('req-list-duty');
    expect(entry.records).toHaveLength(2);
    expect(entry.records).toEqual(expect.arrayContaining(asRecords(ids.records)));

    // A page with no record read leaves no row: the trace names what was returned, not what was asked.
    const countOnly = await graphql(platform.gateway.url, `{ district(code: "${BINHAI}") { dutyRecords(first: 0) { totalCount } } }`, { token: tokens.reader });
    expect(countOnly.errors).toBeUndefined();
    expect((await rows()) - before).toBe(1);

    // The city-wide list: the district resolves its records for the gateway and traces them in its own database.
    const citywide = await graphql<{ citywideDutyRecords: { edges: { node: { id: string } }[] } }>(
      platform.gateway.url,
      `{ citywideDutyRecords(scope: ["${BINHAI}"]) { edges { node { ... on DutyRecord { id summary } } } } }`,
      { token: tokens.cityCommission, headers: { 'x-request-id': 'req-citywide-duty' } },
    );
    expect(citywide.errors).toBeUndefined();
    expect(citywide.data!.citywideDutyRecords.edges.map((edge) => edge.node.id).sort()).toEqual([...ids.records].sort());
    const cityRead = await newest('city-commission');
    expect(cityRead.requestId).toBe('req-citywide-duty');
    expect(cityRead.records).toHaveLength(2);
    expect(cityRead.records).toEqual(expect.arrayContaining(asRecords(ids.records)));
  });

  it('a finding and a case are traced whichever path reads them, in the owning level', async () => {
    const hepingAdmin = await platform.token({ subject: 'heping-admin', level: 'district', code: '120101', roles: ['admin'] });
    const { unitId, findingIds } = await cityFindingsOnDistrictUnit(platform.gateway.url, { cityCommission: tokens.cityCommission, districtAdmin: hepingAdmin }, 1, 2026);
    // The supervised side reads the city's finding addressed to it: the city's trace names it.
    const finding = await graphql(platform.gateway.url, 'query($id: ID!) { citySupervisionFinding(id: $id) { id description } }', {
      token: hepingAdmin,
      variables: { id: findingIds[0] },
      headers: { 'x-request-id': 'req-read-finding' },
    });
    expect(finding.errors).toBeUndefined();
    const findingTrace = await graphql<{ cityReadTrace: Entry[] }>(
      platform.gateway.url,
      `query($id: ID!) { cityReadTrace(entityType: "SupervisionFinding", entityId: $id) { ${ENTRY} } }`,
      { token: tokens.cityCommission, variables: { id: findingIds[0] } },
    );
    expect(findingTrace.errors).toBeUndefined();
    // Newest first: the supervised side's read, then the check's answer that returned the new finding to its author.
    expect(findingTrace.data!.cityReadTrace.map((entry) => [entry.actorSubject, entry.requestId, entry.records])).toEqual([
      ['heping-admin', 'req-read-finding', [{ type: 'SupervisionFinding', id: findingIds[0], ownerCode: '120000' }]],
      ['city-commission', expect.any(String), [{ type: 'SupervisionFinding', id: findingIds[0], ownerCode: '120000' }]],
    ]);

    // A case read by id leaves one entry naming the case, however many of its fields were selected
    // (the opening answer returned the case to its author too).
    const opened = await graphql<{ openCityAccountabilityCase: { id: string } }>(
      platform.gateway.url,
      'mutation($input: OpenAccountabilityCaseInput!) { openCityAccountabilityCase(input: $input) { id } }',
      {
        token: tokens.cityCommission,
        variables: {
          input: {
            jurisdictionCode: '120000', subjectJurisdictionCode: '120101', subjectUnitId: unitId, responsibilityKind: 'PRIMARY',
            title: '整改不力', facts: '查而不改', basis: [{ kind: 'SUPERVISION_FINDING', level: 'CITY', id: findingIds[0] }],
          },
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    const caseId = opened.data!.openCityAccountabilityCase.id;
    const cityReader = await platform.token({ subject: 'city-reader', level: 'city', code: '120000', roles: ['commission'] });
    const list = await graphql(platform.gateway.url, 'query($id: ID!) { cityAccountabilityCase(id: $id) { id title status basisTrace { kind } } }', { token: cityReader, variables: { id: caseId } });
    expect(list.errors).toBeUndefined();
    const caseTrace = await graphql<{ cityReadTrace: Entry[] }>(
      platform.gateway.url,
      `query($id: ID!) { cityReadTrace(entityType: "AccountabilityCase", entityId: $id) { ${ENTRY} } }`,
      { token: tokens.cityCommission, variables: { id: caseId } },
    );
    expect(caseTrace.errors).toBeUndefined();
    expect(caseTrace.data!.cityReadTrace.map((entry) => [entry.actorSubject, entry.records])).toEqual([
      ['city-reader', [{ type: 'AccountabilityCase', id: caseId, ownerCode: '120000' }]],
      ['city-commission', [{ type: 'AccountabilityCase', id: caseId, ownerCode: '120000' }]],
    ]);
  });

  it('only a commission of the level or above may ask; bad page sizes name the field', async () => {
    for (const token of [tokens.admin, tokens.reader, tokens.streetCommission]) {
      expect((await whoRead(token, ids.records[0])).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    const anonymous = await graphql(platform.gateway.url, `{ districtReadsBy(subject: "reader-a") { seq } }`);
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await whoRead(tokens.commission, ids.records[0], ', first: 1000')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('no one can change or delete the trail', async () => {
    const connection = platform.subgraphs.district.orm.em.fork().getConnection();
    const before = (await whoRead(tokens.commission, ids.records[0])).data!.districtReadTrace;
    expect(before.map((entry) => entry.actorSubject)).toContain('reader-a');
    await expect(connection.execute(`update "read_trace" set "actor_subject" = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(connection.execute('delete from "read_trace"')).rejects.toThrow(/append-only/);
    await expect(connection.execute('truncate "read_trace"')).rejects.toThrow(/append-only/);
    const trace = await whoRead(tokens.commission, ids.records[0]);
    expect(trace.data!.districtReadTrace).toEqual(before);
  });
});
