import type { Division } from '../jurisdiction/divisions';
import { addDays, quarterOfDate, quarterSpan } from '../calendar/date-rules';
import { today as tianjinDay } from '../calendar/calendar-date';
import { contactCutoff, shiftQuarter, type DrawQuarter } from '../supervision/draw-cutoff';
import { recomputePlan } from '../supervision/plan.service';
import type {
  CheckKindCode,
  FindingEventCode,
  FindingStatusCode,
  SpotCheck,
  SupervisionMethodCode,
} from '../supervision/supervision.entities';
import { daysFromToday, timestampDaysAgo } from './demo-dates';
import { demoId } from './demo-ids';
import { demoOrgOf } from './demo-org';
import { DEMO_SESSION_DISTRICT } from './demo-duty-reports';

export interface DemoSupervision {
  offices: { id: string; jurisdictionCode: string; name: string; createdAt: Date }[];
  contacts: { id: string; officeId: string; unitId: string; unitJurisdictionCode: string; addedOn: string; addedBy: string; createdAt: Date }[];
  plans: {
    id: string; officeId: string; jurisdictionCode: string; year: number; quarter: number; seed: number; unitIds: string[];
    seedSource: string; contactsAsOf: string; contactUnitIds: string[]; drawnEarlierUnitIds: string[]; drawnBy: string; drawnAt: Date;
  }[];
  checks: {
    id: string;
    jurisdictionCode: string;
    officeId: string | null;
    planId: string | null;
    unitId: string;
    unitJurisdictionCode: string;
    kind: CheckKindCode;
    mode: 'ON_SITE' | 'ONLINE';
    stationed: boolean;
    methods: SupervisionMethodCode[];
    spotChecks: SpotCheck[];
    checkedOn: string;
    summary: string;
    createdBy: string;
    createdAt: Date;
  }[];
  findings: {
    id: string;
    jurisdictionCode: string;
    checkId: string;
    unitId: string;
    unitJurisdictionCode: string;
    description: string;
    deadline: string;
    status: FindingStatusCode;
    lastReportId: string | null;
    reopenCount: number;
    closedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
  }[];
  events: { id: string; findingId: string; event: FindingEventCode; reportId: string | null; checkId: string | null; comment: string | null; actor: string; at: Date }[];
  /** Stored by the supervised unit's level (its `jurisdictionCode`), answering a finding of the supervising level. */
  reports: { id: string; findingId: string; supervisingCode: string; unitId: string; jurisdictionCode: string; summary: string; submittedBy: string; submittedAt: Date }[];
}

interface Supervised {
  unitId: string;
  jurisdictionCode: string;
}

/**
 * The rectification loop in every state, one finding each: [state, description, days to the
 * deadline, steps taken]. 逾期 is an open finding past its deadline; 查而不改 a closed one a
 * follow-up check (回头看) re-opened with a new deadline.
 */
const FINDING_STORIES: { status: FindingStatusCode; description: string; deadlineIn: number; steps: FindingEventCode[] }[] = [
  { status: 'OPEN', description: '党风廉政建设专题会议记录不全，研究部署流于形式', deadlineIn: 20, steps: [] },
  { status: 'REPORTED', description: '廉政风险点排查不全面，重点岗位防控措施缺失', deadlineIn: 10, steps: ['REPORTED'] },
  { status: 'SENT_BACK', description: '“一岗双责”落实不到位，班子成员分管领域责任清单空泛', deadlineIn: 12, steps: ['REPORTED', 'SENT_BACK'] },
  { status: 'ACCEPTED', description: '警示教育开展次数不足，未覆盖下属单位', deadlineIn: -15, steps: ['REPORTED', 'ACCEPTED'] },
  { status: 'CONFIRMED', description: '违规发放津贴补贴问题', deadlineIn: -25, steps: ['REPORTED', 'ACCEPTED', 'CONFIRMED'] },
  { status: 'REOPENED', description: '巡察反馈的公务用车管理问题整改不彻底', deadlineIn: 15, steps: ['REPORTED', 'ACCEPTED', 'REOPENED'] },
  { status: 'OPEN', description: '主体责任任务推进滞后，台账资料未及时归档', deadlineIn: -10, steps: [] },
];

const STEP_COMMENTS: Partial<Record<FindingEventCode, string>> = {
  SENT_BACK: '整改措施未落实到具体责任人，请补充佐证材料后重新报送',
  ACCEPTED: '整改到位，同意销号',
  CONFIRMED: '回头看确认整改成效巩固',
  REOPENED: '回头看发现问题反弹，查而不改，重新限期整改',
};

function superviseThrough(
  story: DemoSupervision,
  supervisorCode: string,
  officeName: string,
  contactUnits: Supervised[],
  today: Date,
): void {
  const officeId = demoId(`supervision-office:${supervisorCode}:0`);
  const actor = `demo-${supervisorCode}-commission`;
  // 每季度抽查四分之一: every quarter from the first of last check's year up to today's, each
  // leaving out the units drawn before it that year. The checks below carry out the plan of the
  // quarter 45 days ago; today's quarter has its plan too, so a check of today has one to follow —
  // except on a quarter's first day, when that quarter is the one open for drawing (today).
  const checkedOn = daysFromToday(-45, today);
  const { year, quarter } = quarterOfDate(checkedOn);
  // The contact list was set up well before the earliest draw's cutoff (the first day of the
  // quarter before it): contacts count for a draw only from the quarter after that cutoff.
  const setUpOn = new Date(`${contactCutoff(year, 1)}T09:00:00+08:00`);
  setUpOn.setUTCDate(setUpOn.getUTCDate() - 30);
  story.offices.push({ id: officeId, jurisdictionCode: supervisorCode, name: officeName, createdAt: setUpOn });
  for (const unit of contactUnits) {
    story.contacts.push({
      id: demoId(`supervision-contact:${officeId}:${unit.unitId}`),
      officeId,
      unitId: unit.unitId,
      unitJurisdictionCode: unit.jurisdictionCode,
      addedOn: tianjinDay(setUpOn),
      addedBy: actor,
      createdAt: setUpOn,
    });
  }
  const last = quarterOfDate(addDays(tianjinDay(today), -1));
  const drawnByYear = new Map<number, string[]>();
  let plan: DemoSupervision['plans'][number] | undefined;
  for (let at: DrawQuarter = { year, quarter: 1 }; at.year < last.year || (at.year === last.year && at.quarter <= last.quarter); at = shiftQuarter(at, 1)) {
    const drawn = drawnByYear.get(at.year) ?? [];
    // Drawn as the platform draws, the day before the quarter began (within its window): the list
    // as it stood at the cutoff, the seed derived from the recorded inputs.
    const draw = recomputePlan({
      officeId,
      year: at.year,
      quarter: at.quarter,
      contactsAsOf: contactCutoff(at.year, at.quarter),
      contactUnitIds: contactUnits.map((unit) => unit.unitId),
      drawnEarlierUnitIds: drawn,
    });
    drawnByYear.set(at.year, [...drawn, ...draw.unitIds]);
    const drawnAt = new Date(`${quarterSpan(at.year, at.quarter).first}T00:00:00+08:00`);
    drawnAt.setUTCDate(drawnAt.getUTCDate() - 1);
    const recorded = { id: demoId(`supervision-plan:${officeId}:${at.year}:${at.quarter}`), officeId, jurisdictionCode: supervisorCode, ...at, ...draw, drawnBy: actor, drawnAt };
    story.plans.push(recorded);
    if (at.year === year && at.quarter === quarter) plan = recorded;
  }
  const quarterEnd = quarterSpan(year, quarter).last;
  const byId = new Map(contactUnits.map((unit) => [unit.unitId, unit]));
  const checks = plan!.unitIds.map((unitId, index) => {
    const unit = byId.get(unitId)!;
    const check = {
      id: demoId(`supervision-check:${plan!.id}:${unitId}`),
      jurisdictionCode: supervisorCode,
      officeId,
      planId: plan!.id,
      unitId,
      unitJurisdictionCode: unit.jurisdictionCode,
      kind: 'ROUTINE' as const,
      mode: 'ON_SITE' as const,
      stationed: false,
      methods: ['REPORT_HEARING', 'DOCUMENT_REVIEW', 'ONE_TO_ONE_TALK'] as SupervisionMethodCode[],
      spotChecks: [
        { description: '党风廉政建设专题会议记录及落实台账', responsibilityItemId: null },
        { description: null, responsibilityItemId: demoId(`item:${unitId}:0`) },
      ],
      // Within the plan's quarter: a planned check is dated in the quarter it was drawn for.
      checkedOn: [daysFromToday(-45 + index, today), quarterEnd].sort()[0],
      summary: `第${plan!.quarter}季度现场检查：线上核查平台履职纪实，线下抽查重点任务落实`,
      createdBy: actor,
      createdAt: timestampDaysAgo(45 - index, today),
    };
    story.checks.push(check);
    return check;
  });
  FINDING_STORIES.forEach((spec, index) => {
    const check = checks[index % checks.length];
    const findingId = demoId(`supervision-finding:${check.id}:${index}`);
    const reportId = spec.steps.length > 0 ? demoId(`rectification-report:${findingId}:1`) : null;
    let followUpId: string | null = null;
    if (spec.status === 'CONFIRMED' || spec.status === 'REOPENED') {
      followUpId = demoId(`supervision-follow-up:${findingId}`);
      story.checks.push({
        ...check,
        id: followUpId,
        planId: null,
        kind: 'FOLLOW_UP',
        methods: [],
        spotChecks: [],
        checkedOn: daysFromToday(-5, today),
        summary: '专项检查“回头看”，防止查而不改',
        createdAt: timestampDaysAgo(5, today),
      });
    }
    const reopened = spec.status === 'REOPENED';
    const stepAt = (event: FindingEventCode, step: number) => timestampDaysAgo(event === 'CONFIRMED' || event === 'REOPENED' ? 5 : 30 - step * 5, today);
    const lastStep = spec.steps.length - 1;
    story.findings.push({
      id: findingId,
      jurisdictionCode: supervisorCode,
      checkId: check.id,
      unitId: check.unitId,
      unitJurisdictionCode: check.unitJurisdictionCode,
      description: spec.description,
      deadline: daysFromToday(spec.deadlineIn, today),
      status: spec.status,
      lastReportId: reportId,
      reopenCount: reopened ? 1 : 0,
      closedAt: spec.status === 'ACCEPTED' || spec.status === 'CONFIRMED' ? timestampDaysAgo(25, today) : null,
      createdAt: check.createdAt,
      // Last changed by its last step.
      updatedAt: lastStep >= 0 ? stepAt(spec.steps[lastStep], lastStep) : check.createdAt,
    });
    spec.steps.forEach((event, step) => {
      const followUpStep = event === 'CONFIRMED' || event === 'REOPENED';
      story.events.push({
        id: demoId(`supervision-finding-event:${findingId}:${step}`),
        findingId,
        event,
        reportId,
        checkId: followUpStep ? followUpId : null,
        comment: STEP_COMMENTS[event] ?? null,
        actor: event === 'REPORTED' ? `demo-${check.unitJurisdictionCode}` : actor,
        at: stepAt(event, step),
      });
    });
    if (reportId) {
      story.reports.push({
        id: reportId,
        findingId,
        supervisingCode: supervisorCode,
        unitId: check.unitId,
        jurisdictionCode: check.unitJurisdictionCode,
        summary: `针对“${spec.description}”，已召开专题民主生活会剖析原因，制定整改措施并逐项落实，附整改台账。`,
        submittedBy: `demo-${check.unitJurisdictionCode}`,
        submittedAt: timestampDaysAgo(30, today),
      });
    }
  });
}

/**
 * 监督检查 Supervision in the demo, from both sides: the city's second supervision office with the
 * districts' party committees as contact units, and 宁河区's office with its streets and towns;
 * each draws a quarter of them per quarter, checks those drawn, and their findings stand in every
 * state of rectification. A stationed discipline group (驻点监督) checks a city enterprise. The
 * supervising level keeps offices, plans, checks and findings; each rectification report is kept
 * by the reporting unit's level, under the same id the finding names.
 */
export function demoSupervision(divisions: Division[], today = new Date()): DemoSupervision {
  const story: DemoSupervision = { offices: [], contacts: [], plans: [], checks: [], findings: [], events: [], reports: [] };
  const partyCommittee = (division: Division): Supervised => ({ unitId: demoId(`unit:${division.code}:0`), jurisdictionCode: division.code });
  superviseThrough(
    story,
    '120000',
    '市纪委监委第二监督检查室',
    divisions.filter((division) => division.level === 'district').map(partyCommittee),
    today,
  );
  superviseThrough(
    story,
    DEMO_SESSION_DISTRICT,
    '宁河区纪委监委第一监督检查室',
    divisions.filter((division) => division.parentCode === DEMO_SESSION_DISTRICT).map(partyCommittee),
    today,
  );
  // 驻点监督: the group stationed at the state-assets commission, at a city enterprise.
  const city = divisions.find((division) => division.level === 'city')!;
  const enterprise = demoOrgOf(city).units.find((unit) => unit.kind === 'STATE_OWNED_ENTERPRISE')!;
  const stationedId = demoId('supervision-check:stationed:120000');
  story.checks.push({
    id: stationedId,
    jurisdictionCode: '120000',
    officeId: null,
    planId: null,
    unitId: enterprise.id,
    unitJurisdictionCode: '120000',
    kind: 'ROUTINE',
    mode: 'ON_SITE',
    stationed: true,
    methods: ['REPORT_HEARING', 'ONE_TO_ONE_TALK', 'DOCUMENT_REVIEW', 'DEMOCRATIC_EVALUATION', 'QUESTIONNAIRE'],
    spotChecks: [{ description: '二级及以下国有控股企业管控情况', responsibilityItemId: null }],
    checkedOn: daysFromToday(-12, today),
    summary: '驻市国资委纪检监察组进驻式监督：听取汇报、个别谈话、查阅资料、民主测评、问卷调查',
    createdBy: 'demo-120000-commission',
    createdAt: timestampDaysAgo(12, today),
  });
  story.findings.push({
    id: demoId('supervision-finding:stationed:120000'),
    jurisdictionCode: '120000',
    checkId: stationedId,
    unitId: enterprise.id,
    unitJurisdictionCode: '120000',
    description: '部分二级及以下国有控股企业守土不力、失控失管，损失未追回',
    deadline: daysFromToday(40, today),
    status: 'OPEN',
    lastReportId: null,
    reopenCount: 0,
    closedAt: null,
    createdAt: timestampDaysAgo(12, today),
    updatedAt: timestampDaysAgo(12, today),
  });
  return story;
}
