import { registerEnumType } from 'type-graphql';

/**
 * 审计记录类型 Every kind of record the audit chain holds, with its name in Chinese. The list is
 * the contract of `…AuditTrail(entityType:)`: a free-text argument answered a misspelt or
 * level-prefixed name (`"StreetDutyRecord"`) with `[]`, as if the record had no history. An
 * audited change must name one of these (`AuditChange.entityType`), so a new kind is added here.
 */
export const AUDIT_ENTITY_TYPES = {
  AccountabilityCase: '问责案件 accountability case',
  AssessmentCommendation: '考核通报表扬 assessment commendation',
  AssessmentCommitment: '约谈整改承诺 interview commitment',
  AssessmentFollowUp: '约谈回访 interview follow-up visit',
  AssessmentInterview: '考核约谈 assessment interview',
  AssessmentPlan: '考核方案 assessment plan',
  AssessmentScoreSheet: '考核评分表 assessment score sheet',
  Cadre: '干部 cadre',
  Directive: '指令 directive',
  DirectiveResponse: '指令回复 directive response',
  DutyRecord: '履职纪实（按记录，含所有版本）duty record (per record, all versions)',
  DutyReportQuestion: '述责述廉询问 duty-report question',
  DutyReportReporter: '述责述廉报告人 duty-report reporter',
  DutyReportSession: '述责述廉会议 duty-report session',
  RectificationReport: '整改报告 rectification report',
  ResponsibilityCategory: '责任类别 responsibility category',
  ResponsibilityItem: '责任事项 responsibility item',
  StationedEngagement: '驻点/进驻式监督 stationed engagement',
  StationedGroup: '派驻纪检监察组 stationed discipline-inspection group',
  SupervisionCheck: '监督检查 supervision check',
  SupervisionContact: '联系单位 supervision contact',
  SupervisionFinding: '检查发现问题 supervision finding',
  SupervisionOffice: '监督检查室 supervision office',
  SupervisionPlan: '季度抽查计划 quarterly supervision plan',
  Task: '任务 task',
  TaskMilestone: '任务节点 task milestone',
  TokenRevocation: '令牌撤销 token revocation (city)',
  Unit: '单位 unit',
} as const;

/** The name an audit entry stores (`Task`, `DutyRecord`). */
export type AuditEntityTypeName = keyof typeof AUDIT_ENTITY_TYPES;

function enumKey(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The GraphQL enum: `DUTY_RECORD` in queries, `DutyRecord` in the chain. */
export const AuditEntityType = Object.fromEntries(Object.keys(AUDIT_ENTITY_TYPES).map((name) => [enumKey(name), name])) as Record<string, AuditEntityTypeName>;

registerEnumType(AuditEntityType, {
  name: 'AuditEntityType',
  description: '审计记录类型 The kind of record an audit entry is about.',
  valuesConfig: Object.fromEntries(
    Object.entries(AUDIT_ENTITY_TYPES).map(([name, description]) => [enumKey(name), { description }]),
  ),
});
