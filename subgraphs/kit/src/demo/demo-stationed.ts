import type { Division } from '../jurisdiction/divisions';
import type { FindingEventCode, FindingStatusCode, SupervisionMethodCode } from '../supervision/supervision.entities';
import type { StationedEngagementEntity, StationedGroupEntity } from '../supervision/stationed/stationed.entities';
import { daysFromToday, timestampDaysAgo } from './demo-dates';
import { DEMO_SESSION_DISTRICT } from './demo-duty-reports';
import { demoId } from './demo-ids';

type Row<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

export interface DemoStationed {
  /** 天津市公安局: not in the city's unit catalogue (whose units the assessment ranks), so added here with its head. */
  units: { id: string; jurisdictionCode: string; name: string; kind: 'DEPARTMENT'; createdAt: Date; updatedAt: Date }[];
  cadres: { id: string; unitId: string; jurisdictionCode: string; name: string; position: string; teamMember: boolean; principal: boolean; createdAt: Date; updatedAt: Date }[];
  groups: Row<StationedGroupEntity>[];
  engagements: Row<StationedEngagementEntity>[];
  checks: {
    id: string; jurisdictionCode: string; officeId: null; planId: null; unitId: string; unitJurisdictionCode: string; kind: 'ROUTINE'; mode: 'ON_SITE';
    stationed: true; engagementId: string; methods: SupervisionMethodCode[]; spotChecks: []; checkedOn: string; summary: string; createdBy: string; createdAt: Date;
  }[];
  findings: {
    id: string; jurisdictionCode: string; checkId: string; unitId: string; unitJurisdictionCode: string; description: string; deadline: string;
    status: FindingStatusCode; lastReportId: string | null; reopenCount: number; closedAt: null; createdAt: Date; updatedAt: Date;
  }[];
  events: { id: string; findingId: string; event: FindingEventCode; reportId: string; checkId: null; comment: null; actor: string; at: Date }[];
  reports: { id: string; findingId: string; supervisingCode: string; unitId: string; jurisdictionCode: string; summary: string; submittedBy: string; submittedAt: Date }[];
}

const ALL_METHODS: SupervisionMethodCode[] = ['REPORT_HEARING', 'ONE_TO_ONE_TALK', 'DOCUMENT_REVIEW', 'DEMOCRATIC_EVALUATION', 'QUESTIONNAIRE'];

/**
 * 派驻纪检监察组 The source article's story: 市纪委监委驻市公安局纪检监察组, prompted by what the
 * platform reflected, runs an embedded engagement (进驻式监督) at 市公安局 with all five methods;
 * closing it recorded a stationed check whose finding the bureau has reported on (awaiting the
 * commission's review). 宁河区's first stationed group works from a point (驻点监督) at the
 * district's education bureau, under way.
 */
export function demoStationed(divisions: Division[], today = new Date()): DemoStationed {
  const city = divisions.find((division) => division.level === 'city')!.code;
  const police = demoId(`unit:${city}:police`);
  const created = timestampDaysAgo(200, today);
  const story: DemoStationed = { units: [], cadres: [], groups: [], engagements: [], checks: [], findings: [], events: [], reports: [] };
  story.units.push({ id: police, jurisdictionCode: city, name: '天津市公安局', kind: 'DEPARTMENT', createdAt: created, updatedAt: created });
  story.cadres.push({ id: demoId(`cadre:${city}:police:0`), unitId: police, jurisdictionCode: city, name: '周振华', position: '党委书记、局长', teamMember: true, principal: true, createdAt: created, updatedAt: created });

  const cityGroup = demoId('stationed-group:120000:police');
  story.groups.push({
    id: cityGroup, jurisdictionCode: city, name: '市纪委监委驻市公安局纪检监察组', hostUnitIds: [police],
    members: [
      { name: '高志远', position: '市纪委监委驻市公安局纪检监察组组长', role: 'LEADER' },
      { name: '郑丽', position: '市纪委监委驻市公安局纪检监察组副组长', role: 'DEPUTY_LEADER' },
      { name: '韩磊', position: '一级主任科员', role: 'MEMBER' },
    ],
    version: 1, createdBy: 'demo-120000-commission', createdAt: created, updatedAt: created,
  });
  const engagementId = demoId('stationed-engagement:120000:police:1');
  const checkId = demoId('supervision-check:stationed-engagement:120000:police:1');
  const startedOn = daysFromToday(-30, today);
  const endedOn = daysFromToday(-16, today);
  story.engagements.push({
    id: engagementId, jurisdictionCode: city, groupId: cityGroup, unitId: police, mode: 'EMBEDDED', reasonSource: 'PLATFORM_SIGNAL',
    reason: '平台信息反映：执法规范化建设任务多次逾期，履职纪实更新滞后；监督发现执法监督管理问题突出',
    reasonFindingId: null, reasonTaskId: null, startedOn, endedOn, methods: ALL_METHODS,
    talks: [
      { heldOn: daysFromToday(-28, today), intervieweePosition: '党委委员、副局长', intervieweeUnit: '天津市公安局', summary: '谈及分管领域执法监督层层衰减，个别分局案件审核把关不严。' },
      { heldOn: daysFromToday(-27, today), intervieweePosition: '法制总队总队长', intervieweeUnit: '天津市公安局法制总队', summary: '反映执法办案管理中心建设滞后，考评结果运用不充分。' },
      { heldOn: daysFromToday(-25, today), intervieweePosition: '派出所所长', intervieweeUnit: '天津市公安局和平分局', summary: '基层反映执法监督信息平台预警处置闭环不严。' },
    ],
    reportsHeard: [{ heardOn: startedOn, reporterPosition: '党委书记、局长', topic: '局党委落实全面从严治党主体责任情况' }],
    documentsReviewed: { count: 146, note: '党委会议纪要、执法案卷、整改台账、履职纪实' },
    questionnaire: { respondents: 210, questions: 20, satisfactionRate: 88.6, note: '覆盖机关各部门及五个分局' },
    democraticEvaluation: { participants: 96, good: 58, fairlyGood: 27, average: 9, poor: 2, note: '局党委班子及成员' },
    summary: '进驻式监督：听取汇报、个别谈话、查阅资料、民主测评、问卷调查，发现执法监督管理问题，已向驻在单位党委反馈',
    checkId, version: 3, createdBy: 'demo-120000-commission', createdAt: timestampDaysAgo(30, today), updatedAt: timestampDaysAgo(16, today),
  });
  story.checks.push({
    id: checkId, jurisdictionCode: city, officeId: null, planId: null, unitId: police, unitJurisdictionCode: city, kind: 'ROUTINE', mode: 'ON_SITE',
    stationed: true, engagementId, methods: ALL_METHODS, spotChecks: [], checkedOn: endedOn,
    summary: '市纪委监委驻市公安局纪检监察组进驻式监督发现的问题', createdBy: 'demo-120000-commission', createdAt: timestampDaysAgo(16, today),
  });
  const findingId = demoId('supervision-finding:stationed-engagement:120000:police:1');
  const reportId = demoId(`rectification-report:${findingId}:1`);
  story.findings.push({
    id: findingId, jurisdictionCode: city, checkId, unitId: police, unitJurisdictionCode: city,
    description: '执法监督管理机制不健全，案件审核把关不严，执法问题整改不到位', deadline: daysFromToday(14, today),
    status: 'REPORTED', lastReportId: reportId, reopenCount: 0, closedAt: null, createdAt: timestampDaysAgo(16, today), updatedAt: timestampDaysAgo(3, today),
  });
  story.events.push({ id: demoId(`supervision-finding-event:${findingId}:0`), findingId, event: 'REPORTED', reportId, checkId: null, comment: null, actor: 'demo-120000', at: timestampDaysAgo(3, today) });
  story.reports.push({
    id: reportId, findingId, supervisingCode: city, unitId: police, jurisdictionCode: city,
    summary: '局党委专题研究整改：修订执法监督管理办法，建立案件审核双签制度，开展执法案卷集中评查，附整改台账。',
    submittedBy: 'demo-120000', submittedAt: timestampDaysAgo(3, today),
  });

  const district = DEMO_SESSION_DISTRICT;
  const education = demoId(`unit:${district}:2`);
  const health = demoId(`unit:${district}:3`);
  const districtGroup = demoId(`stationed-group:${district}:1`);
  story.groups.push({
    id: districtGroup, jurisdictionCode: district, name: '宁河区纪委监委派驻第一纪检监察组', hostUnitIds: [education, health],
    members: [
      { name: '马骏', position: '宁河区纪委监委派驻第一纪检监察组组长', role: 'LEADER' },
      { name: '田甜', position: '成员', role: 'MEMBER' },
    ],
    version: 1, createdBy: `demo-${district}-commission`, createdAt: created, updatedAt: created,
  });
  story.engagements.push({
    id: demoId(`stationed-engagement:${district}:1`), jurisdictionCode: district, groupId: districtGroup, unitId: education, mode: 'STATIONED_POINT',
    reasonSource: 'SUPERVISION_FINDING', reason: '监督发现校外培训治理责任落实不到位', reasonFindingId: null, reasonTaskId: null,
    startedOn: daysFromToday(-6, today), endedOn: null, methods: ['REPORT_HEARING', 'DOCUMENT_REVIEW'],
    talks: [], reportsHeard: [{ heardOn: daysFromToday(-6, today), reporterPosition: '党组书记、局长', topic: '落实主体责任及校外培训治理情况' }],
    documentsReviewed: null, questionnaire: null, democraticEvaluation: null, summary: null, checkId: null,
    version: 2, createdBy: `demo-${district}-commission`, createdAt: timestampDaysAgo(6, today), updatedAt: timestampDaysAgo(5, today),
  });
  return story;
}
