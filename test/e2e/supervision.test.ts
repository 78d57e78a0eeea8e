import { createHash } from 'node:crypto';
import {
  addDays,
  AuditEntryEntity,
  contactCutoff,
  drawQuarter,
  firstDrawCounting,
  quarterOfDate,
  quarterOpenForDraw,
  recomputePlan,
  RectificationReportEntity,
  shiftQuarter,
  sqlStatementCount,
  SupervisionContactEntity,
  SupervisionPlanEntity,
  today,
} from '@supervision/kit';
import { graphql, startTestPlatform, type GraphQLResponse, type TestPlatform } from '../support/platform';
import { gatewayCaller } from '../support/gateway-client';

/*
 * 监督检查 · 问题 · 整改: the city supervises a district's units. The city owns offices, plans,
 * checks and findings; the district owns its rectification reports; the gateway joins them.
 */

let platform: TestPlatform;
let cityCommission: string;
let cityAdmin: string;
let hepingAdmin: string;
let hexiAdmin: string;
let url: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  url = platform.gateway.url;
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  cityAdmin = await platform.token({ level: 'city', code: '120000', roles: ['admin'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  hexiAdmin = await platform.token({ level: 'district', code: '120103', roles: ['admin'] });
});
afterAll(() => platform?.stop());

const { callOk } = gatewayCaller(() => platform);
const ok = <T>(query: string, token: string, variables: Record<string, unknown> = {}): Promise<T> => callOk<T>(token, query, variables);

function errorOf(response: GraphQLResponse<unknown>) {
  expect(response.errors).toBeDefined();
  return { code: response.errors![0].extensions?.code, field: response.errors![0].extensions?.field };
}

async function createDistrictUnit(token: string, jurisdictionCode: string, name: string): Promise<string> {
  const data = await ok<{ createDistrictUnit: { id: string } }>(
    `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`,
    token,
    { input: { jurisdictionCode, name, kind: 'DEPARTMENT' } },
  );
  return data.createDistrictUnit.id;
}

const PLAN_FIELDS = 'id officeId year quarter seed seedSource contactsAsOf contactUnitIds drawnEarlierUnitIds unitIds';
const PREVIEW = `query($input: DrawSupervisionPlanInput!) { previewCitySupervisionPlan(input: $input) { seed seedSource contactsAsOf contactUnitIds drawnEarlierUnitIds unitIds } }`;
type RecordedPreview = { seed: number; seedSource: string; contactsAsOf: string; contactUnitIds: string[]; drawnEarlierUnitIds: string[]; unitIds: string[] };
type RecordedPlan = RecordedPreview & { id: string; officeId: string; year: number; quarter: number };
const DRAW = `mutation($input: DrawSupervisionPlanInput!) { drawCitySupervisionPlan(input: $input) { ${PLAN_FIELDS} } }`;
const CREATE_CHECK = `mutation($input: CreateSupervisionCheckInput!) {
  createCitySupervisionCheck(input: $input) {
    id kind mode stationed methods spotChecks { description responsibilityItemId } unitJurisdictionCode
    districtUnit { id name }
    findings { id description deadline status overdue }
  }
}`;
const SUBMIT = `mutation($input: SubmitRectificationReportInput!) {
  submitDistrictRectificationReport(input: $input) {
    id findingId jurisdictionCode supervisingCode attachments { name sha256 size }
    finding { ... on CitySupervisionFinding { id status description } }
  }
}`;
const FINDING = `query($id: ID!) {
  citySupervisionFinding(id: $id) {
    id status reopenCount checkedButNotFixed lastReportId
    districtRectificationReports { id summary }
    steps { event reportId comment }
  }
}`;

type Finding = { id: string; description: string; deadline: string; status: string; overdue: boolean };

describe('supervision checks and rectification, city → district', () => {
  const units: string[] = [];
  let otherDistrictUnit: string;
  let officeId: string;
  let currentPlan: { id: string; unitIds: string[] };
  let findings: Finding[];

  it('sets up an office with eight contact units of 和平区', async () => {
    for (let index = 1; index <= 8; index += 1) units.push(await createDistrictUnit(hepingAdmin, '120101', `和平区联系单位${index}`));
    otherDistrictUnit = await createDistrictUnit(hexiAdmin, '120103', '河西区某局');
    // u1 … u8 are the units in id order, as the draw sorts them.
    units.sort();

    const office = await ok<{ createCitySupervisionOffice: { id: string } }>(
      `mutation($input: CreateSupervisionOfficeInput!) { createCitySupervisionOffice(input: $input) { id } }`,
      cityCommission,
      { input: { jurisdictionCode: '120000', name: '第一监督检查室' } },
    );
    officeId = office.createCitySupervisionOffice.id;
    for (const unitId of units) {
      await ok(
        `mutation($input: AddSupervisionContactInput!) { addCitySupervisionContact(input: $input) { id } }`,
        cityCommission,
        { input: { officeId, unitId, unitJurisdictionCode: '120101' } },
      );
    }
    const read = await ok<{ city: { supervisionOffices: { name: string; contacts: { districtUnit: { name: string } }[] }[] } }>(
      `{ city { supervisionOffices { name contacts { districtUnit { name } } } } }`,
      cityCommission,
    );
    expect(read.city.supervisionOffices[0].contacts).toHaveLength(8);
    expect(read.city.supervisionOffices[0].contacts.map((c) => c.districtUnit.name).sort()[0]).toBe('和平区联系单位1');
  });

  it('draws the quarter open today from the contact list frozen at its cutoff, previewed exactly, recomputable from the plan alone', async () => {
    const on = today();
    const open = quarterOpenForDraw(on);
    const cutoff = contactCutoff(open.year, open.quarter);
    const input = { officeId, ...open };
    // Contacts put on the list today count only for later draws, and the answer says from when.
    const listed = await ok<{ citySupervisionOffice: { contacts: { addedOn: string; removedOn: string | null; inDrawsFrom: { year: number; quarter: number }; outOfDrawsFrom: unknown }[] } }>(
      `query($id: ID!) { citySupervisionOffice(id: $id) { contacts { addedOn removedOn inDrawsFrom { year quarter } outOfDrawsFrom { year quarter } } } }`,
      cityCommission,
      { id: officeId },
    );
    expect(listed.citySupervisionOffice.contacts).toHaveLength(8);
    for (const contact of listed.citySupervisionOffice.contacts) {
      expect(contact).toEqual({ addedOn: on, removedOn: null, inDrawsFrom: firstDrawCounting(on), outOfDrawsFrom: null });
    }
    const tooNew = await graphql(url, PREVIEW, { token: cityCommission, variables: { input } });
    expect(errorOf(tooNew)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.officeId' });
    expect(tooNew.errors![0].message).toContain(`no contact units at the end of ${cutoff}`);
    // The list as it stood before the cutoff: no client can backdate a contact (that would re-open
    // steering), so the test writes these days the way seeding does, straight into the database.
    const setUpOn = addDays(cutoff, -10);
    await platform.subgraphs.city.orm.em.fork().nativeUpdate(SupervisionContactEntity, { officeId }, { addedOn: setUpOn });

    const preview = await ok<{ previewCitySupervisionPlan: RecordedPreview }>(PREVIEW, cityCommission, { input });
    expect(preview.previewCitySupervisionPlan.contactsAsOf).toBe(cutoff);
    expect(preview.previewCitySupervisionPlan.contactUnitIds).toEqual([...units].sort());

    // Steering attempts after the cutoff: a unit taken off the list and a new one put on it, today.
    const removed = units.find((unit) => !preview.previewCitySupervisionPlan.unitIds.includes(unit))!;
    const picked = preview.previewCitySupervisionPlan.unitIds[0];
    for (const unitId of [removed, picked]) {
      await ok(`mutation($input: RemoveSupervisionContactInput!) { removeCitySupervisionContact(input: $input) { id } }`, cityCommission, { input: { officeId, unitId } });
    }
    const newcomer = await createDistrictUnit(hepingAdmin, '120101', '和平区新增联系单位');
    await ok(`mutation($input: AddSupervisionContactInput!) { addCitySupervisionContact(input: $input) { id } }`, cityCommission, {
      input: { officeId, unitId: newcomer, unitJurisdictionCode: '120101' },
    });
    const again = await ok<{ previewCitySupervisionPlan: RecordedPreview }>(PREVIEW, cityCommission, { input });
    expect(again.previewCitySupervisionPlan).toEqual(preview.previewCitySupervisionPlan);

    // A seed can no longer be passed: the schema has no such input field.
    const steered = await graphql(url, DRAW, { token: cityCommission, variables: { input: { ...input, seed: 1 } } });
    expect(errorOf(steered).code).toBe('BAD_USER_INPUT');
    const drawn = (await ok<{ drawCitySupervisionPlan: RecordedPlan }>(DRAW, cityCommission, { input })).drawCitySupervisionPlan;
    // The preview showed exactly what the draw then picked, from the list frozen at the cutoff.
    const { id: _id, officeId: _office, year: _year, quarter: _quarter, ...recordedDraw } = drawn;
    expect(recordedDraw).toEqual(preview.previewCitySupervisionPlan);
    expect(drawn.unitIds).toHaveLength(2);

    // Recompute the draw from the recorded plan alone, by the documented steps, not the platform's code.
    const recorded = await ok<{ citySupervisionOffice: { plans: RecordedPlan[]; contacts: { unitId: string; addedOn: string; removedOn: string | null; outOfDrawsFrom: { year: number; quarter: number } | null }[] } }>(
      `query($id: ID!) { citySupervisionOffice(id: $id) { plans { ${PLAN_FIELDS} } contacts(includeRemoved: true) { unitId addedOn removedOn outOfDrawsFrom { year quarter } } } }`,
      cityCommission,
      { id: officeId },
    );
    const [plan] = recorded.citySupervisionOffice.plans;
    expect(plan).toEqual(drawn);
    expect(plan.seedSource).toBe(
      [`office:${plan.officeId}`, `year:${plan.year}`, `quarter:${plan.quarter}`, `contacts:${plan.contactUnitIds.join(',')}`, `drawn:${plan.drawnEarlierUnitIds.join(',')}`].join('\n'),
    );
    const digest = createHash('sha256').update(plan.seedSource, 'utf8').digest();
    expect(plan.seed).toBe((digest.readUIntBE(0, 6) % 2147483646) + 1);
    expect(drawQuarter({ contactUnitIds: plan.contactUnitIds, drawnEarlierThisYear: plan.drawnEarlierUnitIds, seed: plan.seed })).toEqual(plan.unitIds);
    // …and the list it was drawn from is the contact history as it stood at the end of `contactsAsOf`.
    const history = recorded.citySupervisionOffice.contacts;
    const atCutoff = history.filter((contact) => contact.addedOn <= plan.contactsAsOf && (contact.removedOn === null || contact.removedOn > plan.contactsAsOf));
    expect(atCutoff.map((contact) => contact.unitId).sort()).toEqual(plan.contactUnitIds);
    expect(history).toHaveLength(9);
    expect(history.filter((contact) => contact.removedOn === on).map((contact) => contact.outOfDrawsFrom)).toEqual([firstDrawCounting(on), firstDrawCounting(on)]);
    // Only the current list is shown unless asked; a unit is on it once.
    const current = await ok<{ citySupervisionOffice: { contacts: { unitId: string }[] } }>(`query($id: ID!) { citySupervisionOffice(id: $id) { contacts { unitId } } }`, cityCommission, { id: officeId });
    expect(current.citySupervisionOffice.contacts.map((contact) => contact.unitId).sort()).toEqual([...units.filter((unit) => unit !== removed && unit !== picked), newcomer].sort());
    const twice = await graphql(url, `mutation($input: AddSupervisionContactInput!) { addCitySupervisionContact(input: $input) { id } }`, {
      token: cityCommission,
      variables: { input: { officeId, unitId: newcomer, unitJurisdictionCode: '120101' } },
    });
    expect(errorOf(twice)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
    const notListed = await graphql(url, `mutation($input: RemoveSupervisionContactInput!) { removeCitySupervisionContact(input: $input) { id } }`, {
      token: cityCommission,
      variables: { input: { officeId, unitId: removed } },
    });
    expect(errorOf(notListed)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
    // Back on the list (a new interval): the draw that is open stays as it was.
    await ok(`mutation($input: AddSupervisionContactInput!) { addCitySupervisionContact(input: $input) { id } }`, cityCommission, {
      input: { officeId, unitId: picked, unitJurisdictionCode: '120101' },
    });

    // No re-roll: drawing a quarter twice is refused; so is a quarter whose list is not frozen yet, and one that has begun.
    expect(errorOf(await graphql(url, DRAW, { token: cityCommission, variables: { input } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.quarter' });
    const early = await graphql(url, DRAW, { token: cityCommission, variables: { input: { officeId, ...shiftQuarter(open, 1) } } });
    expect(errorOf(early)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.quarter' });
    expect(early.errors![0].message).toMatch(/日终冻结.*is frozen at the end of/);
    const late = await graphql(url, DRAW, { token: cityCommission, variables: { input: { officeId, ...shiftQuarter(open, -1) } } });
    expect(errorOf(late)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.quarter' });
    expect(late.errors![0].message).toMatch(/只能在季度开始之前或当天抽取.*before or on its first day/);

    // This quarter's plan, drawn (by the same rule) before the quarter began: the checks below carry it out.
    const { year: thisYear, quarter: thisQuarter } = quarterOfDate(on);
    if (thisYear === open.year && thisQuarter === open.quarter) {
      currentPlan = { id: drawn.id, unitIds: drawn.unitIds };
    } else {
      const draw = recomputePlan({ officeId, year: thisYear, quarter: thisQuarter, contactsAsOf: contactCutoff(thisYear, thisQuarter), contactUnitIds: units, drawnEarlierUnitIds: [] });
      const em = platform.subgraphs.city.orm.em.fork();
      const inserted = em.create(SupervisionPlanEntity, { officeId, jurisdictionCode: '120000', year: thisYear, quarter: thisQuarter, ...draw, drawnBy: 'test' });
      await em.flush();
      currentPlan = { id: inserted.id, unitIds: draw.unitIds };
    }
  });

  it('refuses a planned check of a unit that is not a contact unit, or was not drawn, and writes nothing', async () => {
    const auditBefore = await platform.subgraphs.city.orm.em.fork().count(AuditEntryEntity);
    const base = { planId: currentPlan.id, mode: 'ON_SITE', checkedOn: today(), summary: '现场检查' };
    const notContact = await graphql(url, CREATE_CHECK, {
      token: cityCommission,
      variables: { input: { ...base, unitId: otherDistrictUnit, unitJurisdictionCode: '120103' } },
    });
    expect(errorOf(notContact)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
    expect(notContact.errors![0].message).toContain('not a contact unit');
    const notDrawn = await graphql(url, CREATE_CHECK, {
      token: cityCommission,
      variables: { input: { ...base, unitId: units.find((unit) => !currentPlan.unitIds.includes(unit)), unitJurisdictionCode: '120101' } },
    });
    expect(errorOf(notDrawn)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
    // One calendar rule: a planned check falls within its plan's quarter, and no check is dated in the future.
    const drawnUnit = { unitId: currentPlan.unitIds[0], unitJurisdictionCode: '120101' };
    const { year, quarter } = quarterOfDate(today());
    const outside = await graphql(url, CREATE_CHECK, { token: cityCommission, variables: { input: { ...base, ...drawnUnit, checkedOn: `${year - 1}-08-10` } } });
    expect(errorOf(outside)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.checkedOn' });
    expect(outside.errors![0].message).toContain(`outside Q${quarter} ${year}`);
    const future = await graphql(url, CREATE_CHECK, { token: cityCommission, variables: { input: { ...base, ...drawnUnit, checkedOn: `${year + 1}-06-01` } } });
    expect(errorOf(future)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.checkedOn' });
    expect(future.errors![0].message).toMatch(/晚于今天.*in the future/);
    const unplannedFuture = await graphql(url, CREATE_CHECK, {
      token: cityCommission,
      variables: { input: { officeId, mode: 'ONLINE', summary: '线上', ...drawnUnit, checkedOn: `${year + 1}-06-01` } },
    });
    expect(errorOf(unplannedFuture)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.checkedOn' });
    expect(await platform.subgraphs.city.orm.em.fork().count(AuditEntryEntity)).toBe(auditBefore);
  });

  it('lets only commission staff of the supervising level run plans and checks', async () => {
    const asAdmin = await graphql(url, DRAW, { token: cityAdmin, variables: { input: { officeId, year: 2026, quarter: 1 } } });
    expect(errorOf(asAdmin).code).toBe('FORBIDDEN');
    // The contact list too: only the office's commission puts units on it or takes them off.
    const REMOVE = `mutation($input: RemoveSupervisionContactInput!) { removeCitySupervisionContact(input: $input) { id } }`;
    const removeAs = (token: string) => graphql(url, REMOVE, { token, variables: { input: { officeId, unitId: currentPlan.unitIds[0] } } });
    expect(errorOf(await removeAs(cityAdmin)).code).toBe('FORBIDDEN');
    expect(errorOf(await removeAs(hepingAdmin)).code).toBe('NOT_FOUND');
    const districtCommission = await platform.token({ level: 'district', code: '120101', roles: ['commission'] });
    const asDistrict = await graphql(url, CREATE_CHECK, {
      token: districtCommission,
      variables: { input: { planId: currentPlan.id, unitId: currentPlan.unitIds[0], unitJurisdictionCode: '120101', mode: 'ON_SITE', checkedOn: today(), summary: 'x' } },
    });
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expect(errorOf(asDistrict).code).toBe('NOT_FOUND');
    const anonymous = await graphql(url, `{ city { cityFindingStats { total } } }`);
    expect(errorOf(anonymous).code).toBe('UNAUTHENTICATED');
  });

  it('runs the loop: check → findings → report → sent back → reported again → accepted → follow-up', async () => {
    const u8 = currentPlan.unitIds[0];
    const check = await ok<{ createCitySupervisionCheck: { kind: string; stationed: boolean; methods: string[]; districtUnit: { name: string }; findings: Finding[] } }>(
      CREATE_CHECK,
      cityCommission,
      {
        input: {
          planId: currentPlan.id,
          unitId: u8,
          unitJurisdictionCode: '120101',
          mode: 'ON_SITE',
          stationed: true,
          methods: ['REPORT_HEARING', 'ONE_TO_ONE_TALK', 'DEMOCRATIC_EVALUATION', 'QUESTIONNAIRE'],
          spotChecks: [{ description: '“三重一大”决策记录' }],
          checkedOn: today(),
          summary: '进驻式监督两周',
          findings: [
            { description: 'A 谈话提醒记录不全', deadline: '2099-06-30' },
            { description: 'B 廉政风险点未更新', deadline: '2099-06-30' },
            { description: 'C 整改台账缺失', deadline: '2000-01-31' },
          ],
        },
      },
    );
    const created = check.createCitySupervisionCheck;
    expect(created.kind).toBe('ROUTINE');
    expect(created.stationed).toBe(true);
    expect(created.districtUnit.name).toMatch(/^和平区联系单位\d$/);
    findings = [...created.findings].sort((a, b) => a.description.localeCompare(b.description));
    expect(findings.map((f) => [f.status, f.overdue])).toEqual([['OPEN', false], ['OPEN', false], ['OPEN', true]]);
    const [a, b] = findings;

    // 河西区 may not report on 和平区's finding; nothing is written on either side.
    const foreign = await graphql(url, SUBMIT, { token: hexiAdmin, variables: { input: { findingId: a.id, summary: '越权报告' } } });
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expect(errorOf(foreign).code).toBe('NOT_FOUND');
    expect(await platform.subgraphs.district.orm.em.fork().count(RectificationReportEntity)).toBe(0);

    const evidence = Buffer.from('会议纪要').toString('base64');
    const first = await ok<{ submitDistrictRectificationReport: { id: string; jurisdictionCode: string; supervisingCode: string; attachments: { size: number }[]; finding: { status: string; description: string } } }>(
      SUBMIT,
      hepingAdmin,
      { input: { findingId: a.id, summary: '已补全谈话记录', attachments: [{ name: '纪要.txt', contentType: 'text/plain', contentBase64: evidence }] } },
    );
    const report1 = first.submitDistrictRectificationReport;
    expect(report1.jurisdictionCode).toBe('120101');
    expect(report1.supervisingCode).toBe('120000');
    expect(report1.attachments).toEqual([
      { name: '纪要.txt', sha256: createHash('sha256').update('会议纪要').digest('hex'), size: Buffer.byteLength('会议纪要') },
    ]);
    // The report shows its finding (owned by the city) through the gateway.
    expect(report1.finding).toEqual({ id: a.id, status: 'REPORTED', description: 'A 谈话提醒记录不全' });

    // Reporting again while the report is under review is refused.
    const early = await graphql(url, SUBMIT, { token: hepingAdmin, variables: { input: { findingId: a.id, summary: '再报' } } });
    expect(errorOf(early)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.findingId' });

    await ok(`mutation($id: ID!) { sendBackCitySupervisionFinding(id: $id, comment: "缺少佐证") { status } }`, cityCommission, { id: a.id });
    const second = await ok<{ submitDistrictRectificationReport: { id: string } }>(SUBMIT, hepingAdmin, {
      input: { findingId: a.id, summary: '补充了佐证材料' },
    });
    const accepted = await ok<{ acceptCitySupervisionFinding: { status: string } }>(
      `mutation($id: ID!) { acceptCitySupervisionFinding(id: $id) { status } }`,
      cityCommission,
      { id: a.id },
    );
    expect(accepted.acceptCitySupervisionFinding.status).toBe('ACCEPTED');
    const twice = await graphql(url, `mutation($id: ID!) { acceptCitySupervisionFinding(id: $id) { status } }`, { token: cityCommission, variables: { id: a.id } });
    expect(errorOf(twice)).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });

    // The finding shows its reports, kept by the district, in order.
    const readA = await ok<{ citySupervisionFinding: { status: string; lastReportId: string; districtRectificationReports: { id: string; summary: string }[]; steps: { event: string; reportId: string }[] } }>(
      FINDING,
      cityCommission,
      { id: a.id },
    );
    expect(readA.citySupervisionFinding.districtRectificationReports.map((r) => r.id)).toEqual([report1.id, second.submitDistrictRectificationReport.id]);
    expect(readA.citySupervisionFinding.lastReportId).toBe(second.submitDistrictRectificationReport.id);
    expect(readA.citySupervisionFinding.steps.map((s) => s.event)).toEqual(['REPORTED', 'SENT_BACK', 'REPORTED', 'ACCEPTED']);

    // B: reported and accepted at once.
    await ok(SUBMIT, hepingAdmin, { input: { findingId: b.id, summary: '已更新风险点' } });
    await ok(`mutation($id: ID!) { acceptCitySupervisionFinding(id: $id) { status } }`, cityCommission, { id: b.id });

    // 回头看: A stayed fixed, B did not (查而不改) and is re-opened with a new deadline.
    const followUp = await ok<{ createCitySupervisionFollowUp: { kind: string } }>(
      `mutation($input: CreateFollowUpCheckInput!) { createCitySupervisionFollowUp(input: $input) { kind } }`,
      cityCommission,
      {
        input: {
          unitId: u8,
          unitJurisdictionCode: '120101',
          mode: 'ONLINE',
          checkedOn: today(),
          summary: '回头看',
          outcomes: [
            { findingId: a.id, stillRectified: true },
            { findingId: b.id, stillRectified: false, comment: '风险点又未更新', newDeadline: '2099-12-31' },
          ],
        },
      },
    );
    expect(followUp.createCitySupervisionFollowUp.kind).toBe('FOLLOW_UP');
    const afterA = await ok<{ citySupervisionFinding: { status: string; checkedButNotFixed: boolean } }>(FINDING, cityCommission, { id: a.id });
    const afterB = await ok<{ citySupervisionFinding: { status: string; reopenCount: number; checkedButNotFixed: boolean } }>(FINDING, hepingAdmin, { id: b.id });
    expect(afterA.citySupervisionFinding).toMatchObject({ status: 'CONFIRMED', checkedButNotFixed: false });
    expect(afterB.citySupervisionFinding).toMatchObject({ status: 'REOPENED', reopenCount: 1, checkedButNotFixed: true });
  });

  it('counts findings by status and overdue rectification per district in one statement', async () => {
    const stats = `{ districts { code cityFindingStats { total open reported sentBack accepted confirmed reopened overdue checkedButNotFixed } } }`;
    const before = await sqlStatementCount(platform.subgraphs.city.metrics);
    const data = await ok<{ districts: { code: string; cityFindingStats: Record<string, number> }[] }>(stats, cityCommission);
    expect((await sqlStatementCount(platform.subgraphs.city.metrics)) - before).toBe(1);
    const heping = data.districts.find((d) => d.code === '120101')!;
    // A confirmed, B re-opened (查而不改), C open and overdue since 2000-01-31.
    expect(heping.cityFindingStats).toEqual({
      total: 3, open: 1, reported: 0, sentBack: 0, accepted: 0, confirmed: 1, reopened: 1, overdue: 1, checkedButNotFixed: 1,
    });
    expect(data.districts.find((d) => d.code === '120103')!.cityFindingStats.total).toBe(0);

    // The district sees the city's findings about it; the checked-but-not-fixed one is listable.
    const list = await ok<{ district: { cityFindings: { totalCount: number; edges: { node: { description: string; checkedButNotFixed: boolean } }[] } } }>(
      `{ district(code: "120101") { cityFindings(status: REOPENED) { totalCount edges { node { description checkedButNotFixed } } } } }`,
      hepingAdmin,
    );
    expect(list.district.cityFindings.totalCount).toBe(1);
    expect(list.district.cityFindings.edges[0].node).toEqual({ description: 'B 廉政风险点未更新', checkedButNotFixed: true });
    const overdue = await ok<{ district: { cityFindings: { edges: { node: { description: string } }[] } } }>(
      `{ district(code: "120101") { cityFindings(overdueOnly: true) { edges { node { description } } } } }`,
      cityCommission,
    );
    expect(overdue.district.cityFindings.edges.map((e) => e.node.description)).toEqual(['C 整改台账缺失']);
    // Another district cannot read them.
    const foreign = await graphql(url, `{ district(code: "120101") { cityFindingStats { total } } }`, { token: hexiAdmin });
    expect(errorOf(foreign).code).toBe('FORBIDDEN');
  });

  it('lists the check history per supervising jurisdiction, office, unit and quarter, with paging', async () => {
    const LIST = `query($code: ID!, $first: Int, $after: String, $kind: SupervisionCheckKind, $year: Int, $quarter: Int, $unitId: ID, $unitJurisdictionCode: ID) {
      citySupervisionChecks(supervisingCode: $code, first: $first, after: $after, kind: $kind, year: $year, quarter: $quarter, unitId: $unitId, unitJurisdictionCode: $unitJurisdictionCode) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id kind checkedOn unitId } }
      }
    }`;
    type Page = { citySupervisionChecks: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; kind: string; unitId: string } }[] } };
    const { year, quarter } = quarterOfDate(today());
    const all = await ok<Page>(LIST, cityCommission, { code: '120000' });
    // The routine check and the follow-up (which raised no finding of its own) are both listed.
    expect(all.citySupervisionChecks.totalCount).toBe(2);
    expect(all.citySupervisionChecks.edges.map((e) => e.node.kind).sort()).toEqual(['FOLLOW_UP', 'ROUTINE']);
    expect((await ok<Page>(LIST, cityCommission, { code: '120000', kind: 'FOLLOW_UP' })).citySupervisionChecks.totalCount).toBe(1);
    expect((await ok<Page>(LIST, cityCommission, { code: '120000', year, quarter })).citySupervisionChecks.totalCount).toBe(2);
    expect((await ok<Page>(LIST, cityCommission, { code: '120000', year: year - 1 })).citySupervisionChecks.totalCount).toBe(0);
    expect((await ok<Page>(LIST, cityCommission, { code: '120000', unitId: currentPlan.unitIds[0] })).citySupervisionChecks.totalCount).toBe(2);
    expect((await ok<Page>(LIST, cityCommission, { code: '120000', unitId: units.find((u) => !currentPlan.unitIds.includes(u)) })).citySupervisionChecks.totalCount).toBe(0);

    // Paging: one at a time, the two pages together are the whole list.
    const first = await ok<Page>(LIST, cityCommission, { code: '120000', first: 1 });
    expect(first.citySupervisionChecks.pageInfo.hasNextPage).toBe(true);
    const second = await ok<Page>(LIST, cityCommission, { code: '120000', first: 1, after: first.citySupervisionChecks.pageInfo.endCursor });
    expect(second.citySupervisionChecks.pageInfo.hasNextPage).toBe(false);
    expect([...first.citySupervisionChecks.edges, ...second.citySupervisionChecks.edges].map((e) => e.node.id).sort()).toEqual(
      all.citySupervisionChecks.edges.map((e) => e.node.id).sort(),
    );
    expect(errorOf(await graphql(url, LIST, { token: cityCommission, variables: { code: '120000', after: 'not-a-cursor' } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(errorOf(await graphql(url, LIST, { token: cityCommission, variables: { code: '120000', quarter: 1 } }))).toEqual({ code: 'BAD_USER_INPUT', field: 'quarter' });

    // Per office: the planned check carries the plan's office.
    const office = await ok<{ citySupervisionOffice: { checks: { totalCount: number; edges: { node: { kind: string } }[] } } }>(
      `query($id: ID!) { citySupervisionOffice(id: $id) { checks { totalCount edges { node { kind } } } } }`,
      cityCommission,
      { id: officeId },
    );
    expect(office.citySupervisionOffice.checks.totalCount).toBe(1);

    // The supervised district reads the checks of its own units; another district reads nothing.
    expect((await ok<Page>(LIST, hepingAdmin, { code: '120000', unitJurisdictionCode: '120101' })).citySupervisionChecks.totalCount).toBe(2);
    expect(errorOf(await graphql(url, LIST, { token: hepingAdmin, variables: { code: '120000' } })).code).toBe('FORBIDDEN');
    expect(errorOf(await graphql(url, LIST, { token: hexiAdmin, variables: { code: '120000', unitJurisdictionCode: '120101' } })).code).toBe('FORBIDDEN');
  });

  it('shows a city unit\'s report with its finding, kept in the same (city) subgraph, at its real status', async () => {
    const cityUnit = await ok<{ createCityUnit: { id: string } }>(
      `mutation($input: CreateUnitInput!) { createCityUnit(input: $input) { id } }`,
      cityAdmin,
      { input: { jurisdictionCode: '120000', name: '天津市商务局党组', kind: 'PARTY_COMMITTEE' } },
    );
    const check = await ok<{ createCitySupervisionCheck: { findings: { id: string }[] } }>(
      `mutation($input: CreateSupervisionCheckInput!) { createCitySupervisionCheck(input: $input) { findings { id } } }`,
      cityCommission,
      {
        input: {
          unitId: cityUnit.createCityUnit.id,
          unitJurisdictionCode: '120000',
          mode: 'ONLINE',
          checkedOn: today(),
          summary: '线上抽查市级部门履职纪实',
          findings: [{ description: '党组会议研究党风廉政建设记录缺失', deadline: '2099-06-30' }],
        },
      },
    );
    const [{ id: findingId }] = check.createCitySupervisionCheck.findings;
    const submitted = await ok<{ submitCityRectificationReport: { findingId: string; jurisdictionCode: string; supervisingCode: string; finding: { id: string; status: string; description: string } } }>(
      `mutation($input: SubmitRectificationReportInput!) {
        submitCityRectificationReport(input: $input) {
          findingId jurisdictionCode supervisingCode
          finding { ... on CitySupervisionFinding { id status description } }
        }
      }`,
      cityAdmin,
      { input: { findingId, summary: '已补齐党组会议记录并建立台账' } },
    );
    expect(submitted.submitCityRectificationReport).toEqual({
      findingId,
      jurisdictionCode: '120000',
      supervisingCode: '120000',
      finding: { id: findingId, status: 'REPORTED', description: '党组会议研究党风廉政建设记录缺失' },
    });
    // Read again later, the report shows the finding as it is now.
    await ok(`mutation($id: ID!) { acceptCitySupervisionFinding(id: $id) { status } }`, cityCommission, { id: findingId });
    const read = await ok<{ citySupervisionFinding: { cityRectificationReports: { finding: { status: string } }[] } }>(
      `query($id: ID!) { citySupervisionFinding(id: $id) { cityRectificationReports { finding { ... on CitySupervisionFinding { status } } } } }`,
      cityCommission,
      { id: findingId },
    );
    expect(read.citySupervisionFinding.cityRectificationReports).toEqual([{ finding: { status: 'ACCEPTED' } }]);
  });
});
