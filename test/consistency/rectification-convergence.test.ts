import { askPeer, CrossLevelStepEntity, RECORD_FINDING_REPORT, relayCrossLevelSteps, WITHDRAW_FINDING_REPORT, newId, type SubgraphContext } from '@supervision/kit';
import { expectError, gatewayCaller } from '../support/gateway-client';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { cityFindingsOnDistrictUnit, disagreements, rectificationSides } from '../support/supervision-fixtures';

/*
 * 跨级写入收敛 A rectification report is a write in two databases: the city records it on its
 * finding, the district stores it. A failure is injected into each window between the two steps
 * (with real PostgreSQL triggers, so nothing in the code under test is stubbed) and both sides
 * must end in agreement: see docs/consistency.md.
 */

let platform: TestPlatform;
let cityCommission: string;
let cityAdmin: string;
let hepingAdmin: string;
let findingIds: string[];
const { call, callOk } = gatewayCaller(() => platform);

const SUBMIT = `mutation($input: SubmitRectificationReportInput!) { submitDistrictRectificationReport(input: $input) { id findingId } }`;
const REPAIR = `mutation($id: ID!) { repairCitySupervisionFinding(id: $id) { id status lastReportId steps { event reportId } } }`;

beforeAll(async () => {
  platform = await startTestPlatform();
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  cityAdmin = await platform.token({ level: 'city', code: '120000', roles: ['admin'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  ({ findingIds } = await cityFindingsOnDistrictUnit(platform.gateway.url, { cityCommission, districtAdmin: hepingAdmin }, 8));
}, 60_000);
afterAll(() => platform?.stop());

const city = () => platform.subgraphs.city.orm.em.getConnection();
const district = () => platform.subgraphs.district.orm.em.getConnection();
// As the service does: on the service role's pool, under row-level security.
const relay = () => relayCrossLevelSteps(platform.subgraphs.district.requestOrm, { level: 'district', peers: platform.subgraphs.district.peers });
const pendingSteps = () => platform.subgraphs.district.orm.em.fork().count(CrossLevelStepEntity);

async function finding(id: string) {
  const sides = await rectificationSides(platform, [id]);
  return { status: sides.findings[0].status, lastReportId: sides.findings[0].last_report_id, reports: sides.reports.length, events: sides.events.map((e) => e.event) };
}

async function expectAgreement() {
  expect(disagreements(await rectificationSides(platform, findingIds))).toEqual([]);
}

/** A district-side peer call as the reporting administrator (what rectification.module sends). */
function asDistrictPeer(token?: string): SubgraphContext<unknown> {
  const em = platform.subgraphs.district.orm.em.fork();
  return { em, loaders: {}, principal: null, level: 'district', peers: platform.subgraphs.district.peers, authorization: token ? `Bearer ${token}` : undefined };
}

describe('a rectification report answering a city finding', () => {
  it('checks its evidence before the city is asked: an oversized file leaves the finding OPEN', async () => {
    const tooBig = Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64');
    const response = await call(hepingAdmin, SUBMIT, {
      input: { findingId: findingIds[0], summary: '已整改', attachments: [{ name: 'big.pdf', contentType: 'application/pdf', contentBase64: tooBig }] },
    });
    expectError(response, 'BAD_USER_INPUT', 'input.attachments.0.contentBase64');
    expect(await finding(findingIds[0])).toEqual({ status: 'OPEN', lastReportId: null, reports: 0, events: [] });
    // And the same finding can still be reported.
    await callOk(hepingAdmin, SUBMIT, { input: { findingId: findingIds[0], summary: '已整改' } });
    expect((await finding(findingIds[0])).status).toBe('REPORTED');
    await expectAgreement();
  });

  it('window 1: the district commit fails after the city recorded the report → the city step is undone at once', async () => {
    await district().execute(`
      create function fail_report() returns trigger language plpgsql as $$ begin raise exception 'injected: district commit fails'; end $$;
      create trigger fail_report before insert on rectification_report for each row execute function fail_report();`);
    try {
      const response = await call(hepingAdmin, SUBMIT, { input: { findingId: findingIds[1], summary: '已整改' } });
      expect(response.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await district().execute(`drop trigger fail_report on rectification_report; drop function fail_report();`);
    }
    expect(await finding(findingIds[1])).toEqual({ status: 'OPEN', lastReportId: null, reports: 0, events: ['REPORTED', 'WITHDRAWN'] });
    expect(await pendingSteps()).toBe(0);
    await expectAgreement();
    // Resubmitting works (the stuck state of old is gone).
    await callOk(hepingAdmin, SUBMIT, { input: { findingId: findingIds[1], summary: '再次报告' } });
    expect((await finding(findingIds[1])).status).toBe('REPORTED');
  });

  it('window 1 with the city unreachable for the undo: the step waits in the district and the relay undoes it later', async () => {
    await district().execute(`
      create function fail_report() returns trigger language plpgsql as $$ begin raise exception 'injected: district commit fails'; end $$;
      create trigger fail_report before insert on rectification_report for each row execute function fail_report();`);
    await city().execute(`
      create function fail_withdraw() returns trigger language plpgsql as $$ begin
        if new.event = 'WITHDRAWN' then raise exception 'injected: city down for the undo'; end if; return new; end $$;
      create trigger fail_withdraw before insert on supervision_finding_event for each row execute function fail_withdraw();`);
    try {
      const response = await call(hepingAdmin, SUBMIT, { input: { findingId: findingIds[2], summary: '已整改' } });
      expect(response.errors).toBeDefined();
    } finally {
      await district().execute(`drop trigger fail_report on rectification_report; drop function fail_report();`);
    }
    // Disagreeing for now, and written down as such.
    expect((await finding(findingIds[2])).status).toBe('REPORTED');
    expect(disagreements(await rectificationSides(platform, [findingIds[2]]))).toHaveLength(1);
    expect(await pendingSteps()).toBe(1);
    expect(await relay()).toEqual({ confirmed: 0, compensated: 0, failed: 1 });
    await city().execute(`drop trigger fail_withdraw on supervision_finding_event; drop function fail_withdraw();`);
    // The failed attempt waits its backoff (≈1 s) before the next pass takes it.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await relay()).toEqual({ confirmed: 0, compensated: 1, failed: 0 });
    expect(await finding(findingIds[2])).toEqual({ status: 'OPEN', lastReportId: null, reports: 0, events: ['REPORTED', 'WITHDRAWN'] });
    expect(await pendingSteps()).toBe(0);
    await expectAgreement();
  });

  it('window 2: the city commits and then the call times out → the district stores nothing and the relay undoes the city step', async () => {
    const deadline = platform.subgraphs.district.peers.deadlineMs;
    platform.subgraphs.district.peers.deadlineMs = 700;
    await city().execute(`
      create function slow_report() returns trigger language plpgsql as $$ begin
        if new.event = 'REPORTED' then perform pg_sleep(1.5); end if; return new; end $$;
      create trigger slow_report after insert on supervision_finding_event for each row execute function slow_report();`);
    try {
      const response = await call(hepingAdmin, SUBMIT, { input: { findingId: findingIds[3], summary: '已整改' } });
      expect(response.errors?.[0].extensions?.code).toBe('SUBGRAPH_TIMEOUT');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    } finally {
      await city().execute(`drop trigger slow_report on supervision_finding_event; drop function slow_report();`);
      platform.subgraphs.district.peers.deadlineMs = deadline;
    }
    // The city did record it (its commit came after the district gave up).
    expect((await finding(findingIds[3])).status).toBe('REPORTED');
    expect(await relay()).toEqual({ confirmed: 0, compensated: 1, failed: 0 });
    expect(await finding(findingIds[3])).toEqual({ status: 'OPEN', lastReportId: null, reports: 0, events: ['REPORTED', 'WITHDRAWN'] });
    await expectAgreement();
  });

  it('window 3: the same step delivered twice is taken once (record and undo are keyed by the report id)', async () => {
    const reportId = newId();
    const variables = { findingId: findingIds[4], reportId };
    const first = await askPeer(asDistrictPeer(hepingAdmin), RECORD_FINDING_REPORT, 'city', undefined, variables);
    const second = await askPeer(asDistrictPeer(hepingAdmin), RECORD_FINDING_REPORT, 'city', undefined, variables);
    expect(second).toEqual(first);
    expect((await finding(findingIds[4])).events).toEqual(['REPORTED']);
    await askPeer(asDistrictPeer(), WITHDRAW_FINDING_REPORT, 'city', undefined, variables);
    await askPeer(asDistrictPeer(), WITHDRAW_FINDING_REPORT, 'city', undefined, variables);
    expect(await finding(findingIds[4])).toEqual({ status: 'OPEN', lastReportId: null, reports: 0, events: ['REPORTED', 'WITHDRAWN'] });
    // An undo naming a report that is not the finding's current one changes nothing.
    await callOk(hepingAdmin, SUBMIT, { input: { findingId: findingIds[4], summary: '已整改' } });
    await askPeer(asDistrictPeer(), WITHDRAW_FINDING_REPORT, 'city', undefined, variables);
    expect((await finding(findingIds[4])).status).toBe('REPORTED');
    await expectAgreement();
  });

  it('a crash between the steps (a PENDING step older than its request) is found by age and undone', async () => {
    const reportId = newId();
    await askPeer(asDistrictPeer(hepingAdmin), RECORD_FINDING_REPORT, 'city', undefined, { findingId: findingIds[5], reportId });
    await district().execute(
      `insert into cross_level_step (id, flow, target_level, payload, state, attempts, created_at) values (?, 'finding-report', 'city', ?, 'PENDING', 0, now() - interval '2 minutes')`,
      [reportId, JSON.stringify({ findingId: findingIds[5] })],
    );
    expect(await relay()).toEqual({ confirmed: 0, compensated: 1, failed: 0 });
    expect((await finding(findingIds[5])).status).toBe('OPEN');
    await expectAgreement();
  });

  it('the peer-only undo is refused to anyone but the reporting level\'s subgraph', async () => {
    const direct = await call(hepingAdmin, `mutation { withdrawCitySupervisionFindingReport(findingId: "${findingIds[6]}", reportId: "${newId()}") { id } }`);
    expectError(direct, 'GRAPHQL_VALIDATION_FAILED');
  });

  describe('repairCitySupervisionFinding (a finding left stuck before the relay existed)', () => {
    let stuck: string;
    beforeAll(async () => {
      // The old failure: the city recorded a report the district never stored.
      stuck = findingIds[7];
      await askPeer(asDistrictPeer(hepingAdmin), RECORD_FINDING_REPORT, 'city', undefined, { findingId: stuck, reportId: newId() });
      expect(disagreements(await rectificationSides(platform, [stuck]))).toHaveLength(1);
    });

    it('is refused to the district and to city staff without the commission role', async () => {
      expectError(await call(hepingAdmin, REPAIR, { id: stuck }), 'FORBIDDEN');
      expectError(await call(cityAdmin, REPAIR, { id: stuck }), 'FORBIDDEN');
      expect((await finding(stuck)).status).toBe('REPORTED');
    });

    it('re-derives the finding from the reports that exist: back to OPEN, and reportable again', async () => {
      const repaired = await callOk<{ repairCitySupervisionFinding: { status: string; lastReportId: string | null; steps: { event: string }[] } }>(cityCommission, REPAIR, { id: stuck });
      expect(repaired.repairCitySupervisionFinding.status).toBe('OPEN');
      expect(repaired.repairCitySupervisionFinding.steps.map((s) => s.event)).toEqual(['REPORTED', 'WITHDRAWN']);
      await expectAgreement();
      // A finding that agrees with its reports is left as it is.
      const report = await callOk<{ submitDistrictRectificationReport: { id: string } }>(hepingAdmin, SUBMIT, { input: { findingId: stuck, summary: '已整改' } });
      const again = await callOk<{ repairCitySupervisionFinding: { status: string; lastReportId: string } }>(cityCommission, REPAIR, { id: stuck });
      expect(again.repairCitySupervisionFinding).toMatchObject({ status: 'REPORTED', lastReportId: report.submitDistrictRectificationReport.id });
    });
  });
});
