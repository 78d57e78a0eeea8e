import {
  AssessmentCommendationEntity,
  AssessmentCommitmentEntity,
  AssessmentFollowUpEntity,
  AssessmentInterviewEntity,
  AssessmentPlanEntity,
  AssessmentSheetEntity,
  AccountabilityBasisEntity,
  AccountabilityCaseEntity,
  AuditEntryEntity,
  CadreEntity,
  MilestoneEntity,
  SupervisionOfficeEntity,
  competitionRanks,
  DutyReportQuestionEntity,
  DutyReportReporterEntity,
  DutyReportSessionEntity,
  RectificationReportEntity,
  ResponsibilityItemEntity,
  SupervisionCheckEntity,
  SupervisionContactEntity,
  SupervisionFindingEntity,
  SupervisionFindingEventEntity,
  SupervisionPlanEntity,
  StationedEngagementEntity,
  StationedGroupEntity,
  today,
  DirectiveEntity,
  DirectiveResponseEntity,
  DutyRecordEntity,
  TaskEntity,
  UnitEntity,
} from '@supervision/kit';
import { contactCutoff, drawWindow, ephemeralSecrets, onListAtEndOf, quarterOfDate, quarterOpenForDraw, quarterSpan, recomputePlan } from '@supervision/kit';
import { graphql, startTestPlatform, uniqueDatabaseUrls, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ seedDemo: true });
});
afterAll(() => platform?.stop());

const levels = ['city', 'district', 'street'] as const;
const em = (level: (typeof levels)[number]) => platform.subgraphs[level].orm.em.fork();

describe('demo data', () => {
  it.each(levels)('gives every %s a leadership team and tasks in every status, some overdue', async (level) => {
    const units = await em(level).find(UnitEntity, {});
    const jurisdictions = new Set(units.map((unit) => unit.jurisdictionCode));
    expect(jurisdictions.size).toBe({ city: 1, district: 16, street: 299 }[level]);
    const principals = await em(level).count(CadreEntity, { principal: true });
    expect(principals).toBe(units.length);
    const statuses = await em(level)
      .getConnection()
      .execute<{ status: string; overdue: string }[]>(
        `select status, count(*) filter (where due_date < current_date and status in ('PLANNED', 'IN_PROGRESS')) as overdue
         from task group by status order by status`,
      );
    expect(statuses.map((row) => row.status)).toEqual(['CANCELLED', 'COMPLETED', 'IN_PROGRESS', 'PLANNED']);
    expect(statuses.reduce((sum, row) => sum + Number(row.overdue), 0)).toBeGreaterThan(0);
    expect(await em(level).count(DutyRecordEntity, { version: 2 })).toBeGreaterThan(0);
  });

  it('tells one story across levels: every response answers a directive addressed to its responder', async () => {
    const cityDirectives = await em('city').find(DirectiveEntity, {});
    const districtDirectives = await em('district').find(DirectiveEntity, {});
    expect(cityDirectives).toHaveLength(3);
    expect(districtDirectives.every((directive) => cityDirectives.some((parent) => parent.id === directive.parentDirectiveId))).toBe(true);
    for (const [responses, directives] of [
      [await em('district').find(DirectiveResponseEntity, {}), cityDirectives],
      [await em('street').find(DirectiveResponseEntity, {}), districtDirectives],
    ] as const) {
      expect(responses.length).toBeGreaterThan(0);
      for (const response of responses) {
        const directive = directives.find((candidate) => candidate.id === response.directiveId);
        expect(directive?.targetCodes).toContain(response.responderCode);
      }
    }
    const statuses = new Set((await em('district').find(DirectiveResponseEntity, {})).map((response) => response.status));
    expect(statuses).toEqual(new Set(['ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED']));
  });

  it('holds 宁河区\'s 述责述廉 session: 4 district leaders and 10 unit heads, questioned, answering, evaluated', async () => {
    const [session] = await em('district').find(DutyReportSessionEntity, { ownerCode: '120117' });
    expect(session).toBeDefined();
    const reporters = await em('district').find(DutyReportReporterEntity, { sessionId: session.id }, { orderBy: { position: 'asc' } });
    expect(reporters).toHaveLength(14);
    const leaders = reporters.slice(0, 4);
    expect(leaders.every((reporter) => reporter.jurisdictionCode === '120117')).toBe(true);
    expect(reporters.slice(4).filter((reporter) => reporter.jurisdictionCode.length === 9)).toHaveLength(8);
    expect(reporters.every((reporter) => reporter.rating !== null && reporter.evaluatedAt !== null)).toBe(true);
    const questions = await em('district').find(DutyReportQuestionEntity, { sessionId: session.id });
    for (const reporter of reporters) {
      const asked = questions.filter((question) => question.reporterId === reporter.id);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((question) => question.answer && question.answererCode === reporter.jurisdictionCode)).toBe(true);
      // Each reporter is a real cadre of its unit, in the database of the reporter's level.
      const level = reporter.jurisdictionCode.length === 9 ? 'street' : 'district';
      const cadre = await em(level).findOne(CadreEntity, { id: reporter.cadreId });
      expect(cadre).toMatchObject({ unitId: reporter.unitId, name: reporter.cadreName, position: reporter.cadrePosition });
    }
  });

  it('supervises through offices, quarterly draws and checks, with findings in every state of rectification', async () => {
    for (const [level, below] of [['city', 'district'], ['district', 'street']] as const) {
      const findings = await em(level).find(SupervisionFindingEntity, {});
      expect(new Set(findings.map((finding) => finding.status))).toEqual(new Set(['OPEN', 'REPORTED', 'SENT_BACK', 'ACCEPTED', 'CONFIRMED', 'REOPENED']));
      expect(findings.some((finding) => finding.status === 'OPEN' && finding.deadline < today())).toBe(true);
      expect(findings.filter((finding) => finding.status === 'REOPENED').every((finding) => finding.reopenCount === 1)).toBe(true);
      // Every planned check is of a unit drawn in its quarter from its office's contact units, and the unit exists below.
      const checks = await em(level).find(SupervisionCheckEntity, { planId: { $ne: null } });
      expect(checks.length).toBeGreaterThan(0);
      for (const check of checks) {
        const plan = await em(level).findOneOrFail(SupervisionPlanEntity, { id: check.planId! });
        expect(plan.unitIds).toContain(check.unitId);
        expect(await em(level).count(SupervisionContactEntity, { officeId: plan.officeId, unitId: check.unitId })).toBe(1);
        expect(await em(below).findOne(UnitEntity, { id: check.unitId })).toMatchObject({ jurisdictionCode: check.unitJurisdictionCode });
        const spotItem = check.spotChecks.find((spot) => spot.responsibilityItemId)!.responsibilityItemId!;
        expect(await em(below).findOne(ResponsibilityItemEntity, { id: spotItem })).toMatchObject({ unitId: check.unitId });
      }
      // Every plan was drawn in its window from the contact list as it stood at its cutoff, and its record alone reproduces it.
      const plans = await em(level).find(SupervisionPlanEntity, {}, { orderBy: { year: 'asc', quarter: 'asc' } });
      // Today's quarter has its plan, except on its first day, when it is the quarter open for drawing.
      const open = quarterOpenForDraw(today());
      expect(plans.some((plan) => plan.year === open.year && plan.quarter === open.quarter)).toBe(false);
      const current = quarterOfDate(today());
      expect(plans.some((plan) => plan.year === current.year && plan.quarter === current.quarter)).toBe(quarterSpan(current.year, current.quarter).first !== today());
      for (const plan of plans) {
        const window = drawWindow(plan.year, plan.quarter);
        const drawnOn = today(plan.drawnAt);
        expect(drawnOn >= window.opens && drawnOn <= window.closes).toBe(true);
        expect(plan.contactsAsOf).toBe(contactCutoff(plan.year, plan.quarter));
        const contacts = await em(level).find(SupervisionContactEntity, { officeId: plan.officeId });
        expect(contacts.filter((contact) => onListAtEndOf(contact, plan.contactsAsOf!)).map((contact) => contact.unitId).sort()).toEqual(plan.contactUnitIds);
        const recomputed = recomputePlan({ ...plan, contactsAsOf: plan.contactsAsOf!, contactUnitIds: plan.contactUnitIds!, drawnEarlierUnitIds: plan.drawnEarlierUnitIds! });
        expect({ seed: recomputed.seed, seedSource: recomputed.seedSource, unitIds: recomputed.unitIds }).toEqual({ seed: plan.seed, seedSource: plan.seedSource, unitIds: plan.unitIds });
      }

      // 回头看: a follow-up check stands behind every confirmed or re-opened finding.
      const events = await em(level).find(SupervisionFindingEventEntity, { event: { $in: ['CONFIRMED', 'REOPENED'] } });
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect((await em(level).findOneOrFail(SupervisionCheckEntity, { id: event.checkId! })).kind).toBe('FOLLOW_UP');

      // Each rectification report lies with the reporting unit's level and answers a finding of the
      // supervising level against that very unit; every reported finding has its report there.
      const reports = await em(below).find(RectificationReportEntity, { supervisingCode: { $in: findings.map((finding) => finding.jurisdictionCode) } });
      // (A report on a finding against the supervising level's own unit, like 市公安局's, lies with that level.)
      expect(reports.length).toBe(findings.filter((finding) => finding.lastReportId && finding.unitJurisdictionCode !== finding.jurisdictionCode).length);
      for (const report of reports) {
        const finding = findings.find((candidate) => candidate.id === report.findingId);
        expect(finding).toMatchObject({ unitId: report.unitId, unitJurisdictionCode: report.jurisdictionCode, jurisdictionCode: report.supervisingCode, lastReportId: report.id });
      }
    }
    const stationed = await em('city').find(SupervisionCheckEntity, { stationed: true }, { orderBy: { checkedOn: 'asc' } });
    expect(stationed).toHaveLength(2);
    expect(stationed.every((check) => check.methods.length === 5)).toBe(true);
    // 市纪委监委驻市公安局纪检监察组's embedded engagement closed into one of them; its finding awaits review of the bureau's report.
    const engagements = await em('city').find(StationedEngagementEntity, {});
    expect(engagements.map((engagement) => [engagement.mode, engagement.methods.length, engagement.checkId])).toEqual([
      ['EMBEDDED', 5, stationed.find((check) => check.engagementId === engagements[0].id)!.id],
    ]);
    const [finding] = await em('city').find(SupervisionFindingEntity, { checkId: engagements[0].checkId! });
    expect(finding.status).toBe('REPORTED');
    expect(await em('city').count(RectificationReportEntity, { id: finding.lastReportId! })).toBe(1);
    expect(await em('district').count(StationedGroupEntity, { jurisdictionCode: '120117' })).toBe(1);
  });

  it('holds the city\'s finished assessment: ranking, grades, commendation, interviews with commitments and follow-ups', async () => {
    const year = Number(today().slice(0, 4)) - 1;
    const plan = await em('city').findOneOrFail(AssessmentPlanEntity, { assessorCode: '120000', year });
    expect(plan.status).toBe('FINALIZED');
    const sheets = await em('city').find(AssessmentSheetEntity, { planId: plan.id }, { orderBy: { rank: 'asc', unitName: 'asc' } });
    expect(sheets).toHaveLength(20);
    expect(sheets.map((sheet) => sheet.rank)).toEqual(competitionRanks(sheets.map((sheet) => sheet.total!)));
    expect(new Set(sheets.map((sheet) => sheet.grade))).toEqual(new Set(['EXCELLENT', 'GOOD', 'AVERAGE']));
    for (const sheet of sheets.filter((candidate) => candidate.jurisdictionCode !== '120000')) {
      expect(await em('district').findOne(UnitEntity, { id: sheet.unitId })).toMatchObject({ name: sheet.unitName, jurisdictionCode: sheet.jurisdictionCode });
    }
    const commendation = await em('city').findOneOrFail(AssessmentCommendationEntity, { planId: plan.id });
    expect(commendation.entries.map((entry) => entry.sheetId)).toEqual(sheets.filter((sheet) => sheet.grade === 'EXCELLENT').map((sheet) => sheet.id));
    const interviews = await em('city').find(AssessmentInterviewEntity, { planId: plan.id });
    expect(interviews.map((interview) => interview.sheetId).sort()).toEqual(sheets.filter((sheet) => sheet.interviewRequired).map((sheet) => sheet.id).sort());
    expect(sheets.slice(-3).every((sheet) => sheet.interviewRequired)).toBe(true);
    expect(new Set(interviews.map((interview) => interview.followUpStatus))).toEqual(new Set(['CONFIRMED', 'COMMITMENTS_OPEN', 'AWAITING_FOLLOW_UP']));
    for (const interview of interviews) {
      const commitments = await em('city').find(AssessmentCommitmentEntity, { interviewId: interview.id });
      const followUps = await em('city').find(AssessmentFollowUpEntity, { interviewId: interview.id });
      expect(commitments.length).toBeGreaterThan(0);
      const fulfilled = commitments.filter((commitment) => commitment.status === 'FULFILLED').length;
      if (interview.followUpStatus === 'AWAITING_FOLLOW_UP') expect([followUps.length, fulfilled]).toEqual([0, 0]);
      if (interview.followUpStatus === 'CONFIRMED') expect([followUps.length, fulfilled]).toEqual([1, commitments.length]);
      if (interview.followUpStatus === 'COMMITMENTS_OPEN') {
        expect(followUps).toHaveLength(1);
        expect(fulfilled).toBeGreaterThan(0);
        expect(fulfilled).toBeLessThan(commitments.length);
      }
      // A follow-up checked every commitment that was open when it came.
      for (const followUp of followUps) expect(followUp.results.map((result) => result.commitmentId).sort()).toEqual(commitments.map((commitment) => commitment.id).sort());
    }

    // The gateway serves it as the city commission reads it.
    const token = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    const response = await graphql<{ city: { assessmentRanking: { rank: number; unitName: string }[] } }>(
      platform.gateway.url,
      `query($year: Int!) { city { assessmentRanking(year: $year) { rank unitName } } }`,
      { token, variables: { year } },
    );
    expect(response.data?.city.assessmentRanking.map((row) => row.unitName)).toEqual(sheets.map((sheet) => sheet.unitName));
  });

  it.each(levels)('leaves the %s audit trail empty: demo rows are the starting state', async (level) => {
    expect(await em(level).count(AuditEntryEntity, {})).toBe(0);
  });

  it('is the same on every machine and is not added twice', async () => {
    const other = await startTestPlatform({ seedDemo: true, secrets: await ephemeralSecrets(), databaseUrls: uniqueDatabaseUrls() });
    try {
      const ids = async (p: TestPlatform) =>
        (await p.subgraphs.district.orm.em.fork().find(TaskEntity, {}, { orderBy: { id: 'asc' }, fields: ['id', 'title', 'status'] })).map(
          (task) => `${task.id} ${task.title} ${task.status}`,
        );
      expect(await ids(other)).toEqual(await ids(platform));
    } finally {
      await other.stop();
    }
    const again = await startTestPlatform({ seedDemo: true, secrets: platform.secrets, databaseUrls: platform.databaseUrls });
    try {
      expect(await again.subgraphs.street.orm.em.fork().count(UnitEntity)).toBe(598);
    } finally {
      await again.stop();
    }
  });
});

describe('demo levels linked by their records', () => {
  it('breaks the city\'s leading list down through 滨海新区 to 塘沽街道, whose task answers the district\'s cascade of the city\'s notice', async () => {
    const answering = await em('street').find(TaskEntity, { jurisdictionCode: '120116001', directiveId: { $ne: null } });
    expect(answering).toHaveLength(1);
    const streetItem = await em('street').findOneOrFail(ResponsibilityItemEntity, { id: answering[0].responsibilityItemId });
    expect(streetItem.parentItemId).not.toBeNull();
    const commission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    const up = await graphql<{ streetResponsibilityItem: { parentItem: { id: string; district: { name: string }; parentItem: { id: string; unit: { name: string } } } } }>(
      platform.gateway.url,
      `query($id: ID!) { streetResponsibilityItem(id: $id) { parentItem { id district { name } parentItem { id unit { name } } } } }`,
      { token: commission, variables: { id: streetItem.id } },
    );
    expect(up.errors).toBeUndefined();
    const { parentItem } = up.data!.streetResponsibilityItem;
    expect(parentItem.district.name).toBe('滨海新区');
    expect(parentItem.parentItem.unit.name).toBe('中共天津市委办公厅');
    const down = await graphql<{ cityResponsibilityItem: { breakdownItems: { id: string; district: { code: string }; breakdownItems: { id: string; tasks: { id: string; directive: { title: string } | null }[]; dutyRecords: { id: string }[] }[] }[] } }>(
      platform.gateway.url,
      `query($id: ID!) { cityResponsibilityItem(id: $id) { breakdownItems(first: 16) { id district { code } breakdownItems(first: 40) { id tasks { id directive { ... on DistrictDirective { title } } } dutyRecords { id } } } } }`,
      { token: commission, variables: { id: parentItem.parentItem.id } },
    );
    expect(down.errors).toBeUndefined();
    const districts = down.data!.cityResponsibilityItem.breakdownItems;
    expect(districts).toHaveLength(16);
    const binhai = districts.find((district) => district.district.code === '120116')!;
    expect(binhai.id).toBe(parentItem.id);
    const tanggu = binhai.breakdownItems.find((item) => item.id === streetItem.id)!;
    expect(tanggu.tasks).toEqual([{ id: answering[0].id, directive: { title: '关于落实全面从严治党主体责任清单的通知' } }]);
    expect(tanggu.dutyRecords.length).toBeGreaterThan(0);
  });
});

describe('demo accountability case', () => {
  it('is decided by the city and its basis, traced through the gateway, crosses two levels', async () => {
    const commission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    const list = await graphql<{ city: { accountabilityCases: { edges: { node: { id: string } }[] } } }>(
      platform.gateway.url,
      `{ city { accountabilityCases(first: 5) { edges { node { id } } } } }`,
      { token: commission },
    );
    expect(list.errors).toBeUndefined();
    const [{ node }] = list.data!.city.accountabilityCases.edges;
    const trace = await graphql<{
      cityAccountabilityCase: {
        status: string;
        decision: { form: string };
        subjectCadre: { name: string; principal: boolean };
        basisTrace: { kind: string; record: { __typename: string; dutyRecords?: unknown[]; status?: string; submittedAt?: string } }[];
      };
    }>(
      platform.gateway.url,
      `query($id: ID!) { cityAccountabilityCase(id: $id) {
         status decision { form } subjectCadre { ... on DistrictCadre { name principal } }
         basisTrace { kind record { __typename
           ... on CitySupervisionFinding { status }
           ... on DistrictRectificationReport { submittedAt }
           ... on DistrictTask { dutyRecords { id } } } } } }`,
      { token: commission, variables: { id: node.id } },
    );
    expect(trace.errors).toBeUndefined();
    const decided = trace.data!.cityAccountabilityCase;
    expect(decided).toMatchObject({ status: 'DECIDED', decision: { form: 'ADMONITION' }, subjectCadre: { principal: true } });
    expect(decided.basisTrace.map((entry) => [entry.kind, entry.record.__typename])).toEqual([
      ['SUPERVISION_FINDING', 'CitySupervisionFinding'],
      ['RECTIFICATION_REPORT', 'DistrictRectificationReport'],
      ['MISSING_DUTY_RECORD', 'DistrictTask'],
    ]);
    expect(decided.basisTrace[0].record.status).toBe('REOPENED');
    expect(decided.basisTrace[1].record.submittedAt).toBeTruthy();
    expect(decided.basisTrace[2].record.dutyRecords).toEqual([]);
  });

  it('cites the finding as 查而不改 only after the follow-up (回头看) re-opened it', async () => {
    const dated = await graphql<{
      city: { accountabilityCases: { edges: { node: { createdAt: string; basisTrace: { citedAt: string; record: { steps?: { event: string; at: string }[] } }[] } }[] } };
    }>(
      platform.gateway.url,
      `{ city { accountabilityCases(first: 5) { edges { node { createdAt basisTrace { citedAt record { ... on CitySupervisionFinding { steps { event at } } } } } } } } }`,
      { token: await platform.token({ level: 'city', code: '120000', roles: ['commission'] }) },
    );
    expect(dated.errors).toBeUndefined();
    const [{ node }] = dated.data!.city.accountabilityCases.edges;
    const reopened = node.basisTrace[0].record.steps!.find((step) => step.event === 'REOPENED')!;
    expect(Date.parse(node.basisTrace[0].citedAt)).toBeGreaterThan(Date.parse(reopened.at));
    expect(Date.parse(node.createdAt)).toBeGreaterThan(Date.parse(reopened.at));
  });
});

/** The Tianjin date of a timestamp, to set beside a calendar date. */
const dateOf = (at: Date) => today(at);

describe('demo story dates agree', () => {
  const supervising = ['city', 'district'] as const;

  it.each(supervising)('%s: offices are set up before their draws, plans drawn before their quarter, checks dated within it and not in the future', async (level) => {
    const offices = await em(level).find(SupervisionOfficeEntity, {});
    const contacts = await em(level).find(SupervisionContactEntity, {});
    const plans = await em(level).find(SupervisionPlanEntity, {});
    const checks = await em(level).find(SupervisionCheckEntity, {});
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      const office = offices.find((candidate) => candidate.id === plan.officeId)!;
      expect(office.createdAt.getTime()).toBeLessThan(plan.drawnAt.getTime());
      for (const contact of contacts.filter((candidate) => candidate.officeId === office.id)) expect(contact.createdAt.getTime()).toBeLessThan(plan.drawnAt.getTime());
      expect(dateOf(plan.drawnAt) < quarterSpan(plan.year, plan.quarter).first).toBe(true);
    }
    const planned = checks.filter((check) => check.planId);
    expect(planned.length).toBeGreaterThan(0);
    for (const check of planned) {
      const plan = plans.find((candidate) => candidate.id === check.planId)!;
      const { first, last } = quarterSpan(plan.year, plan.quarter);
      expect([check.checkedOn >= first, check.checkedOn <= last, plan.unitIds.includes(check.unitId)]).toEqual([true, true, true]);
    }
    for (const check of checks) {
      expect(check.checkedOn <= today()).toBe(true);
      // Recorded on the day checked or later.
      expect(dateOf(check.createdAt) >= check.checkedOn).toBe(true);
    }
  });

  it.each(supervising)('%s: each finding is raised by its check, reported before it is accepted, closed when accepted, followed up after', async (level) => {
    const checks = await em(level).find(SupervisionCheckEntity, {});
    const findings = await em(level).find(SupervisionFindingEntity, {});
    const events = await em(level).find(SupervisionFindingEventEntity, {}, { orderBy: { at: 'asc' } });
    // A report is kept by the reporting unit's level: the level below the supervising one, or the same (city departments).
    const reports = [
      ...(await em(level).find(RectificationReportEntity, {})),
      ...(await em(level === 'city' ? 'district' : 'street').find(RectificationReportEntity, {})),
    ];
    expect(findings.some((finding) => finding.status === 'REOPENED')).toBe(true);
    for (const finding of findings) {
      const check = checks.find((candidate) => candidate.id === finding.checkId)!;
      expect(finding.createdAt.getTime()).toBeGreaterThanOrEqual(check.createdAt.getTime());
      const steps = events.filter((event) => event.findingId === finding.id);
      const submitted = reports.filter((report) => report.findingId === finding.id).map((report) => report.submittedAt.getTime());
      for (const step of steps) expect(step.at.getTime()).toBeGreaterThan(finding.createdAt.getTime());
      // 整改在前，验收在后: every decision on a report follows a report submitted no later than it.
      for (const step of steps.filter((event) => ['ACCEPTED', 'SENT_BACK'].includes(event.event))) {
        expect(submitted.some((at) => at <= step.at.getTime())).toBe(true);
      }
      const accepted = steps.filter((event) => event.event === 'ACCEPTED').at(-1);
      if (finding.status === 'ACCEPTED' || finding.status === 'CONFIRMED') expect(finding.closedAt?.getTime()).toBe(accepted!.at.getTime());
      // 回头看 after the acceptance it looks back on, by a follow-up check dated after the original one.
      for (const step of steps.filter((event) => ['CONFIRMED', 'REOPENED'].includes(event.event))) {
        expect(step.at.getTime()).toBeGreaterThan(accepted!.at.getTime());
        const followUp = checks.find((candidate) => candidate.id === step.checkId)!;
        expect([followUp.kind, followUp.checkedOn > check.checkedOn, followUp.checkedOn >= dateOf(accepted!.at)]).toEqual(['FOLLOW_UP', true, true]);
      }
      // Last changed by its last step (or when raised).
      expect(finding.updatedAt.getTime()).toBe((steps.at(-1)?.at ?? finding.createdAt).getTime());
    }
  });

  it('assessment: finalized after the year it assesses, commended and interviewed after that, followed up after the interview', async () => {
    const [plan] = await em('city').find(AssessmentPlanEntity, {});
    expect(dateOf(plan.finalizedAt!) > `${plan.year}-12-31`).toBe(true);
    const [commendation] = await em('city').find(AssessmentCommendationEntity, {});
    expect(commendation.publishedAt.getTime()).toBeGreaterThan(plan.finalizedAt!.getTime());
    const interviews = await em('city').find(AssessmentInterviewEntity, {});
    const followUps = await em('city').find(AssessmentFollowUpEntity, {});
    const commitments = await em('city').find(AssessmentCommitmentEntity, {});
    expect(followUps.length).toBeGreaterThan(0);
    for (const interview of interviews) {
      expect(interview.heldOn > dateOf(plan.finalizedAt!) && interview.heldOn <= today()).toBe(true);
      for (const followUp of followUps.filter((candidate) => candidate.interviewId === interview.id)) {
        expect(followUp.visitedOn > interview.heldOn && followUp.visitedOn <= today()).toBe(true);
      }
      for (const commitment of commitments.filter((candidate) => candidate.interviewId === interview.id && candidate.confirmedOn)) {
        expect(commitment.confirmedOn! >= interview.heldOn).toBe(true);
      }
    }
  });

  it.each(levels)('%s: records come after what they rest on: items before tasks, duty records on or after the day, corrections after the first version', async (level) => {
    const units = await em(level).find(UnitEntity, {}, { limit: 1 });
    const items = new Map((await em(level).find(ResponsibilityItemEntity, {})).map((item) => [item.id, item]));
    const tasks = await em(level).find(TaskEntity, {});
    for (const task of tasks) {
      expect(items.get(task.responsibilityItemId)!.createdAt.getTime()).toBeLessThan(task.createdAt.getTime());
      if (task.completedAt) expect(task.completedAt.getTime()).toBeGreaterThan(task.createdAt.getTime());
    }
    expect(units[0].createdAt.getTime()).toBeLessThan([...items.values()][0].createdAt.getTime());
    const byTask = new Map(tasks.map((task) => [task.id, task]));
    for (const milestone of await em(level).find(MilestoneEntity, {})) {
      const task = byTask.get(milestone.taskId)!;
      if (milestone.doneAt && task.completedAt) expect(milestone.doneAt.getTime()).toBeLessThanOrEqual(task.completedAt.getTime());
    }
    const records = await em(level).find(DutyRecordEntity, {}, { orderBy: { recordId: 'asc', version: 'asc' } });
    for (const record of records) expect(dateOf(record.createdAt) >= record.occurredOn).toBe(true);
    for (const [index, record] of records.entries()) {
      if (record.version > 1) expect(record.createdAt.getTime()).toBeGreaterThan(records[index - 1].createdAt.getTime());
    }
  });

  it('directives are passed on after they were issued above, and the tasks answering them set after that', async () => {
    const directives = new Map([...(await em('city').find(DirectiveEntity, {})), ...(await em('district').find(DirectiveEntity, {}))].map((directive) => [directive.id, directive]));
    for (const directive of directives.values()) {
      if (directive.parentDirectiveId) expect(directive.issuedAt.getTime()).toBeGreaterThan(directives.get(directive.parentDirectiveId)!.issuedAt.getTime());
    }
    let answering = 0;
    for (const level of ['district', 'street'] as const) {
      for (const task of await em(level).find(TaskEntity, { directiveId: { $ne: null } })) {
        answering += 1;
        expect(task.createdAt.getTime()).toBeGreaterThan(directives.get(task.directiveId!)!.issuedAt.getTime());
      }
    }
    expect(answering).toBeGreaterThan(0);
  });

  it('directives are acknowledged after they were issued and completed after that', async () => {
    const directives = new Map([...(await em('city').find(DirectiveEntity, {})), ...(await em('district').find(DirectiveEntity, {}))].map((directive) => [directive.id, directive]));
    const responses = [...(await em('district').find(DirectiveResponseEntity, {})), ...(await em('street').find(DirectiveResponseEntity, {}))];
    expect(responses.length).toBeGreaterThan(0);
    for (const response of responses) {
      const directive = directives.get(response.directiveId)!;
      expect(response.acknowledgedAt.getTime()).toBeGreaterThan(directive.issuedAt.getTime());
      if (response.completedAt) expect(response.completedAt.getTime()).toBeGreaterThan(response.acknowledgedAt.getTime());
    }
  });

  it('the accountability case rests on records older than it and is decided after it was opened', async () => {
    const [record] = await em('city').find(AccountabilityCaseEntity, {});
    const basis = await em('city').find(AccountabilityBasisEntity, { caseId: record.id });
    expect(record.decidedAt!.getTime()).toBeGreaterThan(record.createdAt.getTime());
    expect(record.decidedOn).toBe(daysFromTodayUtc(record.decidedAt!));
    const reportId = basis.find((entry) => entry.kind === 'RECTIFICATION_REPORT')!.recordId;
    const report = await em('district').findOneOrFail(RectificationReportEntity, { id: reportId });
    const task = await em('district').findOneOrFail(TaskEntity, { id: basis.find((entry) => entry.kind === 'MISSING_DUTY_RECORD')!.recordId });
    for (const entry of basis) expect(entry.citedAt.getTime()).toBe(record.createdAt.getTime());
    expect(report.submittedAt.getTime()).toBeLessThan(record.createdAt.getTime());
    expect(task.createdAt.getTime()).toBeLessThan(record.createdAt.getTime());
  });

  it('the accountability case kept what each cited record was, and the trace shows it unchanged since', async () => {
    const commission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    const [record] = await em('city').find(AccountabilityCaseEntity, {});
    const traced = await graphql<{
      cityAccountabilityCase: {
        basisTrace: { kind: string; asCited: { snapshot: Record<string, unknown>; snapshotIntact: boolean } | null; currentSnapshot: Record<string, unknown>; changedSinceCited: boolean; changesSinceCited: unknown[] }[];
      };
    }>(
      platform.gateway.url,
      `query($id: ID!) { cityAccountabilityCase(id: $id) { basisTrace { kind asCited { snapshot snapshotIntact } currentSnapshot changedSinceCited changesSinceCited { seq } } } }`,
      { token: commission, variables: { id: record.id } },
    );
    expect(traced.errors).toBeUndefined();
    const basis = traced.data!.cityAccountabilityCase.basisTrace;
    expect(basis).toHaveLength(3);
    for (const entry of basis) {
      expect(entry).toMatchObject({ asCited: { snapshotIntact: true }, changedSinceCited: false, changesSinceCited: [] });
      expect(entry.currentSnapshot).toEqual(entry.asCited!.snapshot);
    }
    expect(basis[0].asCited!.snapshot).toMatchObject({ status: 'REOPENED', reopenCount: 1 });
    expect(basis[2].asCited!.snapshot).toMatchObject({ dutyRecordCount: 0 });
  });
});

/** The UTC date of a timestamp: the demo writes its calendar dates relative to the UTC day. */
function daysFromTodayUtc(at: Date): string {
  return at.toISOString().slice(0, 10);
}
