import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { AccountabilityBasisEntity, AccountabilityCaseEntity, AuditEntryEntity } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { expectError, gatewayCaller } from '../support/gateway-client';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday, type OrgFixture } from '../support/task-fixtures';

/*
 * 问责依据 as cited and as now: a city case cites its own finding (accepted) and a district task
 * and responsibility item; afterwards the follow-up re-opens the finding and the district moves
 * the task on. The trace shows each record as it was when cited (snapshot, version, the audit
 * entry of that moment, a hash that still matches) beside the record now, whether it changed and
 * the audit entries since. A record that cannot be read is not cited; a citation made before
 * snapshots were kept answers null with the reason.
 */

let platform: TestPlatform;
let cityCommission: string;
let hepingAdmin: string;
let hexiCommission: string;
let heping: OrgFixture;
let hexi: OrgFixture;
let cityUnit: OrgFixture;
let findingId: string;
let taskId: string;
let itemId: string;
let caseId: string;

const { call, callOk } = gatewayCaller(() => platform);

const OPEN_CITY = `mutation($input: OpenAccountabilityCaseInput!) { openCityAccountabilityCase(input: $input) { id } }`;
const FINDING = `query($id: ID!) { citySupervisionFinding(id: $id) { status auditTrail { seq hash action } } }`;

const TRACE = `query($id: ID!) {
  cityAccountabilityCase(id: $id) {
    auditTrail { action after }
    basisTrace {
      position kind recordTypeName recordId citedAt
      asCited { citedAt recordVersion auditEntrySeq auditEntryHash snapshot snapshotHash snapshotAlgorithm snapshotIntact }
      noSnapshotReason
      currentSnapshot
      changedSinceCited
      changesSinceCited { seq at action actorCode before after hash prevHash }
      citedEntryIntact
      current {
        __typename
        ... on CitySupervisionFinding { status reopenCount deadline }
        ... on DistrictTask { progress taskStatus: status version }
        ... on DistrictResponsibilityItem { content version }
      }
    }
  }
}`;

interface Change { seq: string; at: string; action: string; actorCode: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; hash: string; prevHash: string }
interface TracedBasis {
  position: number;
  kind: string;
  recordTypeName: string;
  recordId: string;
  citedAt: string;
  asCited: {
    citedAt: string;
    recordVersion: number | null;
    auditEntrySeq: string | null;
    auditEntryHash: string | null;
    snapshot: Record<string, unknown>;
    snapshotHash: string;
    snapshotAlgorithm: string;
    snapshotIntact: boolean;
  } | null;
  noSnapshotReason: string | null;
  currentSnapshot: Record<string, unknown> | null;
  changedSinceCited: boolean | null;
  changesSinceCited: Change[] | null;
  citedEntryIntact: boolean | null;
  current: Record<string, unknown> & { __typename: string };
}
type Trace = { cityAccountabilityCase: { auditTrail: { action: string; after: Record<string, unknown> }[]; basisTrace: TracedBasis[] } };

function caseInput(basis: Record<string, unknown>[]) {
  return {
    jurisdictionCode: '120000',
    subjectJurisdictionCode: '120101',
    subjectUnitId: heping.unitId,
    subjectCadreId: heping.cadreIds[0],
    responsibilityKind: 'PRIMARY',
    title: '整改不力、查而不改问责',
    facts: '监督检查发现问题整改销号后经回头看复查仍未整改到位。',
    basis,
  };
}

/** Rows of accountability and audit entries in one level's database. */
async function footprint(level: 'city' | 'district') {
  const em = platform.subgraphs[level].orm.em.fork();
  return { cases: await em.count(AccountabilityCaseEntity), basis: await em.count(AccountabilityBasisEntity), audit: await em.count(AuditEntryEntity) };
}

/** A statement run as the city database's owner, beside the platform (what an intruder with database access could do). */
async function asCityOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: platform.databaseUrls.city });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  platform = await startTestPlatform();
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  hexiCommission = await platform.token({ level: 'district', code: '120103', roles: ['commission'] });

  heping = await createUnitWithCadres(platform, hepingAdmin, 'district', '120101', ['王强'], '和平区商务局党组');
  cityUnit = await createUnitWithCadres(platform, await platform.token({ level: 'city', code: '120000', roles: ['admin'] }), 'city', '120000', ['李明'], '天津市商务局党组');
  hexi = await createUnitWithCadres(platform, await platform.token({ level: 'district', code: '120103', roles: ['admin'] }), 'district', '120103', ['周宁'], '河西区商务局党组');
  itemId = await createResponsibilityItem(platform, hepingAdmin, 'district', { unitId: heping.unitId, cadreId: heping.cadreIds[0], categoryCode: 'PARTY_CONDUCT' });
  const task = await callOk<{ createDistrictTask: { id: string } }>(
    hepingAdmin,
    `mutation($input: CreateTaskInput!) { createDistrictTask(input: $input) { id } }`,
    { input: { responsibilityItemId: itemId, cadreId: heping.cadreIds[0], title: '公务用车专项整治', description: '', dueDate: daysFromToday(30) } },
  );
  taskId = task.createDistrictTask.id;

  const check = await callOk<{ createCitySupervisionCheck: { findings: { id: string }[] } }>(
    cityCommission,
    `mutation($input: CreateSupervisionCheckInput!) { createCitySupervisionCheck(input: $input) { findings { id } } }`,
    {
      input: {
        unitId: heping.unitId,
        unitJurisdictionCode: '120101',
        mode: 'ONLINE',
        checkedOn: daysFromToday(-1),
        summary: '线上抽查公务用车管理',
        findings: [{ description: '公务用车管理问题整改不彻底', deadline: daysFromToday(20), cadreId: heping.cadreIds[0], taskId }],
      },
    },
  );
  findingId = check.createCitySupervisionCheck.findings[0].id;
  await callOk(hepingAdmin, `mutation($input: SubmitRectificationReportInput!) { submitDistrictRectificationReport(input: $input) { id } }`, {
    input: { findingId, summary: '已制定公务用车管理办法' },
  });
  await callOk(cityCommission, `mutation($id: ID!) { acceptCitySupervisionFinding(id: $id) { status } }`, { id: findingId });
});
afterAll(() => platform?.stop());

describe('the basis as it was when cited, beside the record now', () => {
  let findingAtCitation: { status: string; auditTrail: { seq: string; hash: string; action: string }[] };

  it('keeps, with each citation, the record\'s snapshot, version and newest audit entry, sealed by a hash', async () => {
    findingAtCitation = (await callOk<{ citySupervisionFinding: typeof findingAtCitation }>(cityCommission, FINDING, { id: findingId })).citySupervisionFinding;
    expect(findingAtCitation.status).toBe('ACCEPTED');
    const opened = await callOk<{ openCityAccountabilityCase: { id: string } }>(cityCommission, OPEN_CITY, {
      input: caseInput([
        { kind: 'SUPERVISION_FINDING', level: 'CITY', id: findingId, note: '整改销号' },
        { kind: 'TASK', level: 'DISTRICT', id: taskId },
      ]),
    });
    caseId = opened.openCityAccountabilityCase.id;
    // Cited later, on its own: the same is kept for a basis added to the case.
    await callOk(cityCommission, `mutation($caseId: ID!, $input: AccountabilityBasisInput!) { addCityAccountabilityBasis(caseId: $caseId, input: $input) { id } }`, {
      caseId,
      input: { kind: 'RESPONSIBILITY_ITEM', level: 'DISTRICT', id: itemId },
    });

    const { basisTrace, auditTrail } = (await callOk<Trace>(cityCommission, TRACE, { id: caseId })).cityAccountabilityCase;
    const [finding, task, item] = basisTrace;
    const newest = findingAtCitation.auditTrail.at(-1)!;
    expect(newest.action).toBe('accepted');
    expect(finding.asCited).toMatchObject({
      citedAt: finding.citedAt,
      recordVersion: null,
      auditEntrySeq: newest.seq,
      auditEntryHash: newest.hash,
      snapshotAlgorithm: 'sha256',
      snapshotIntact: true,
    });
    expect(finding.asCited!.snapshot).toMatchObject({ id: findingId, status: 'ACCEPTED', reopenCount: 0, description: '公务用车管理问题整改不彻底', deadline: daysFromToday(20) });
    expect(finding.asCited!.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    // The district's records, read from the district when cited: version and the district's audit entry.
    expect(task.asCited).toMatchObject({ recordVersion: 1, snapshotIntact: true });
    expect(task.asCited!.snapshot).toMatchObject({ id: taskId, jurisdictionCode: '120101', title: '公务用车专项整治', status: 'PLANNED', progress: 0, version: 1 });
    expect(task.asCited!.auditEntrySeq).toMatch(/^\d+$/);
    expect(item.asCited).toMatchObject({ recordVersion: 1, snapshotIntact: true });
    expect(basisTrace.every((basis) => basis.noSnapshotReason === null)).toBe(true);
    // The snapshot and its hash are part of the case's own audit entries, which the city's chain covers.
    const created = auditTrail.find((entry) => entry.action === 'create')!.after as { basis: { snapshotHash: string }[] };
    expect(created.basis.map((row) => row.snapshotHash)).toEqual([finding.asCited!.snapshotHash, task.asCited!.snapshotHash]);
    const cited = auditTrail.find((entry) => entry.action === 'cite')!.after as { snapshotHash: string };
    expect(cited.snapshotHash).toBe(item.asCited!.snapshotHash);
    // Nothing has changed yet.
    expect(basisTrace.map((basis) => [basis.changedSinceCited, basis.changesSinceCited, basis.citedEntryIntact])).toEqual([
      [false, [], true],
      [false, [], true],
      [false, [], true],
    ]);
    expect(finding.currentSnapshot).toEqual(finding.asCited!.snapshot);
  });

  it('shows what changed after the citation: the finding re-opened, the task moved on; the item unchanged', async () => {
    await callOk(cityCommission, `mutation($input: CreateFollowUpCheckInput!) { createCitySupervisionFollowUp(input: $input) { kind } }`, {
      input: {
        unitId: heping.unitId,
        unitJurisdictionCode: '120101',
        mode: 'ONLINE',
        checkedOn: daysFromToday(0),
        summary: '专项检查“回头看”',
        outcomes: [{ findingId, stillRectified: false, comment: '公务用车仍未按规定管理', newDeadline: daysFromToday(30) }],
      },
    });
    await callOk(hepingAdmin, `mutation($id: ID!) { updateDistrictTaskProgress(id: $id, progress: 40) { progress } }`, { id: taskId });

    const [finding, task, item] = (await callOk<Trace>(cityCommission, TRACE, { id: caseId })).cityAccountabilityCase.basisTrace;
    // As cited: accepted; now: re-opened (查而不改), with a new deadline.
    expect(finding.asCited!.snapshot).toMatchObject({ status: 'ACCEPTED', reopenCount: 0, deadline: daysFromToday(20) });
    expect(finding.current).toEqual({ __typename: 'CitySupervisionFinding', status: 'REOPENED', reopenCount: 1, deadline: daysFromToday(30) });
    expect(finding.currentSnapshot).toMatchObject({ status: 'REOPENED', reopenCount: 1 });
    expect(finding.changedSinceCited).toBe(true);
    expect(finding.changesSinceCited!.length).toBeGreaterThanOrEqual(1);
    expect(finding.changesSinceCited!.every((change) => BigInt(change.seq) > BigInt(finding.asCited!.auditEntrySeq!))).toBe(true);
    // The changes are the finding's own trail after the cited entry, with their hashes.
    const trailNow = (await callOk<{ citySupervisionFinding: typeof findingAtCitation }>(cityCommission, FINDING, { id: findingId })).citySupervisionFinding.auditTrail;
    expect(finding.changesSinceCited!.map((change) => [change.seq, change.hash])).toEqual(trailNow.slice(findingAtCitation.auditTrail.length).map((entry) => [entry.seq, entry.hash]));
    expect(finding.changesSinceCited!.at(-1)!.after).toMatchObject({ status: 'REOPENED' });
    // The district's task, read from the district: version 1 and PLANNED when cited, version 2 at 40 % now.
    expect(task.asCited!.snapshot).toMatchObject({ progress: 0, status: 'PLANNED', version: 1 });
    expect(task.current).toMatchObject({ __typename: 'DistrictTask', progress: 40, version: 2 });
    expect(task.changedSinceCited).toBe(true);
    expect(task.changesSinceCited!.map((change) => [change.action, change.actorCode, change.after?.progress])).toEqual([[expect.any(String), '120101', 40]]);
    // Untouched since: no change, the cited entry still in the district's chain.
    expect(item).toMatchObject({ changedSinceCited: false, changesSinceCited: [], citedEntryIntact: true });
    expect(item.currentSnapshot).toEqual(item.asCited!.snapshot);
    // The snapshots are still what was sealed.
    expect([finding, task, item].map((basis) => [basis.asCited!.snapshotIntact, basis.citedEntryIntact])).toEqual([
      [true, true],
      [true, true],
      [true, true],
    ]);
  });

  it('shows a duty record corrected after it was cited: the version cited, the correction since', async () => {
    const recorded = await callOk<{ recordDistrictDuty: { id: string; recordId: string } }>(
      hepingAdmin,
      `mutation($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { id recordId } }`,
      { input: { cadreId: heping.cadreIds[0], kind: 'MEETING', occurredOn: daysFromToday(-1), taskId, summary: '召开公务用车管理专题会' } },
    );
    const { recordDistrictDuty: record } = recorded;
    const opened = await callOk<{ openCityAccountabilityCase: { id: string } }>(cityCommission, OPEN_CITY, {
      input: caseInput([{ kind: 'DUTY_RECORD', level: 'DISTRICT', id: record.id, note: '会议未研究整改' }]),
    });
    await callOk(hepingAdmin, `mutation($id: ID!, $input: CorrectDutyRecordInput!) { correctDistrictDutyRecord(recordId: $id, input: $input) { version } }`, {
      id: record.recordId,
      input: { reason: '补记整改研究内容', summary: '召开公务用车管理专题会，研究整改措施' },
    });
    const [cited] = (await callOk<Trace>(cityCommission, TRACE, { id: opened.openCityAccountabilityCase.id })).cityAccountabilityCase.basisTrace;
    // The version cited stays what it was (versions are never overwritten); the record has a newer one since.
    expect(cited.asCited).toMatchObject({ recordVersion: 1, snapshotIntact: true });
    expect(cited.asCited!.snapshot).toMatchObject({ id: record.id, recordId: record.recordId, version: 1, summary: '召开公务用车管理专题会' });
    expect(cited.changedSinceCited).toBe(true);
    expect(cited.changesSinceCited!.map((change) => [change.actorCode, change.after?.version, change.after?.summary])).toEqual([
      ['120101', 2, '召开公务用车管理专题会，研究整改措施'],
    ]);
    expect(cited.citedEntryIntact).toBe(true);
  });

  it('notices a snapshot edited in the database after the citation', async () => {
    const basisId = await asCityOwner(async (client) => {
      const { rows } = await client.query<{ id: string }>(`select id from accountability_basis where case_id = $1 and position = 1`, [caseId]);
      await client.query(`update accountability_basis set snapshot = jsonb_set(snapshot, '{status}', '"REOPENED"') where id = $1`, [rows[0].id]);
      return rows[0].id;
    });
    try {
      const [finding] = (await callOk<Trace>(cityCommission, TRACE, { id: caseId })).cityAccountabilityCase.basisTrace;
      expect(finding.asCited).toMatchObject({ snapshotIntact: false });
      expect(finding.asCited!.snapshot.status).toBe('REOPENED');
    } finally {
      await asCityOwner((client) => client.query(`update accountability_basis set snapshot = jsonb_set(snapshot, '{status}', '"ACCEPTED"') where id = $1`, [basisId]));
    }
    const [restored] = (await callOk<Trace>(cityCommission, TRACE, { id: caseId })).cityAccountabilityCase.basisTrace;
    expect(restored.asCited!.snapshotIntact).toBe(true);
  });

  it('refuses to cite a record the caller may not read, naming the field, and writes nothing', async () => {
    const before = await footprint('district');
    // 河西区's commission opens a case against its own cadre citing 和平区's task: not its own, not below it.
    const foreign = await call(hexiCommission, `mutation($input: OpenAccountabilityCaseInput!) { openDistrictAccountabilityCase(input: $input) { id } }`, {
      input: {
        ...caseInput([{ kind: 'TASK', level: 'DISTRICT', id: taskId }]),
        jurisdictionCode: '120103',
        subjectJurisdictionCode: '120103',
        subjectUnitId: hexi.unitId,
        subjectCadreId: hexi.cadreIds[0],
      },
    });
    expectError(foreign, 'BAD_USER_INPUT', 'input.basis.0.id');
    expect(await footprint('district')).toEqual(before);
  });

  it('refuses a citation when the level that keeps the record cannot be read (BAD_USER_INPUT on the basis field), nothing written', async () => {
    const before = await footprint('city');
    const districtUrl = platform.subgraphs.district.url;
    // The city cannot reach the district subgraph (the gateway still can).
    platform.subgraphs.city.peers.set('district', 'http://127.0.0.1:9/graphql');
    try {
      // A subject of the city's own, so that only the basis needs the district.
      const refused = await call(cityCommission, OPEN_CITY, {
        input: {
          ...caseInput([
            { kind: 'SUPERVISION_FINDING', level: 'CITY', id: findingId },
            { kind: 'RESPONSIBILITY_ITEM', level: 'DISTRICT', id: itemId },
          ]),
          subjectJurisdictionCode: '120000',
          subjectUnitId: cityUnit.unitId,
          subjectCadreId: cityUnit.cadreIds[0],
        },
      });
      expectError(refused, 'BAD_USER_INPUT', 'input.basis.1.id');
      expect(refused.errors![0].message).toMatch(/区级.*nothing was cited/);
      expect(await footprint('city')).toEqual(before);

      // Tracing meanwhile: what was cited is kept in the city and still shown; the district's part is null, with an error.
      const partial = await graphql<Trace>(platform.gateway.url, TRACE, { token: cityCommission, variables: { id: caseId } });
      const [finding, task] = partial.data!.cityAccountabilityCase.basisTrace;
      expect(finding.changedSinceCited).toBe(true);
      expect(task.asCited!.snapshot).toMatchObject({ progress: 0 });
      expect(task.changedSinceCited).toBeNull();
      expect(partial.errors?.some((error) => error.path?.includes('changedSinceCited'))).toBe(true);
    } finally {
      platform.subgraphs.city.peers.set('district', districtUrl);
    }
  });

  it('answers null with the reason for a citation made before snapshots were kept, and still lists the changes since', async () => {
    // A case as the platform stored it before this change: the reference only.
    const oldCaseId = randomUUID();
    const citedAt = new Date(Date.now() - 60_000);
    await asCityOwner(async (client) => {
      await client.query(
        `insert into accountability_case (id, jurisdiction_code, subject_jurisdiction_code, subject_unit_id, responsibility_kind, title, facts, status, opened_by, created_at, updated_at)
         values ($1, '120000', '120101', $2, 'PRIMARY', '旧案', '旧案事实', 'OPEN', 'test-city-120000', $3, $3)`,
        [oldCaseId, heping.unitId, citedAt],
      );
      await client.query(
        `insert into accountability_basis (id, case_id, owner_code, position, kind, record_level, record_type, record_id, record_owner_code, cited_by, cited_at)
         values ($1, $2, '120000', 1, 'TASK', 'district', 'Task', $3, '120101', 'test-city-120000', $4)`,
        [randomUUID(), oldCaseId, taskId, citedAt],
      );
    });
    const [old] = (await callOk<Trace>(cityCommission, TRACE, { id: oldCaseId })).cityAccountabilityCase.basisTrace;
    expect(old.asCited).toBeNull();
    expect(old.noSnapshotReason).toMatch(/无引用时快照.*there is no snapshot, and none is made up/);
    expect(old.citedEntryIntact).toBeNull();
    // The task moved on after that citation (its progress update is in the district's chain).
    expect(old.changedSinceCited).toBe(true);
    expect(old.changesSinceCited!.map((change) => change.after?.progress)).toContain(40);
    expect(old.current).toMatchObject({ __typename: 'DistrictTask', progress: 40 });
  });

  it('keeps who may read the trace as it was: a district commission does not see the city\'s case', async () => {
    // Outside its read rule the city's database shows no such case (row-level security): null, nothing of the basis.
    const refused = await call<Trace>(hexiCommission, TRACE, { id: caseId });
    expect(refused.data).toEqual({ cityAccountabilityCase: null });
  });
});
