import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

export const SupervisionCheckKind = bilingualEnum('SupervisionCheckKind', '检查类型 Kind of supervision check.', {
  ROUTINE: '监督检查 A routine check',
  FOLLOW_UP: '回头看 A follow-up check of findings already rectified',
});
export type SupervisionCheckKind = EnumValue<typeof SupervisionCheckKind>;

export const SupervisionCheckMode = bilingualEnum('SupervisionCheckMode', '检查方式 How the check was done.', {
  ON_SITE: '现场 On site',
  ONLINE: '线上 Online',
});
export type SupervisionCheckMode = EnumValue<typeof SupervisionCheckMode>;

export const SupervisionMethod = bilingualEnum('SupervisionMethod', '监督方式 Methods of (stationed) supervision.', {
  REPORT_HEARING: '听取汇报 Reports heard',
  ONE_TO_ONE_TALK: '个别谈话 One-to-one talks',
  DOCUMENT_REVIEW: '查阅资料 Document review',
  DEMOCRATIC_EVALUATION: '民主测评 Democratic evaluation',
  QUESTIONNAIRE: '问卷调查 Questionnaires',
});
export type SupervisionMethod = EnumValue<typeof SupervisionMethod>;

export const SupervisionFindingStatus = bilingualEnum('SupervisionFindingStatus', '整改状态 Where a finding\'s rectification stands.', {
  OPEN: '待整改 Waiting for rectification',
  REPORTED: '已报告 A rectification report awaits review',
  SENT_BACK: '退回 The report was sent back; rectify and report again',
  ACCEPTED: '已销号 Accepted and closed',
  CONFIRMED: '回头看确认 A follow-up check confirmed it stayed fixed',
  REOPENED: '查而不改 A follow-up check found it not fixed; re-opened',
});
export type SupervisionFindingStatus = EnumValue<typeof SupervisionFindingStatus>;

export const SupervisionFindingEvent = bilingualEnum('SupervisionFindingEvent', '整改环节 One step in a finding\'s life.', {
  REPORTED: null,
  ACCEPTED: null,
  SENT_BACK: null,
  CONFIRMED: null,
  REOPENED: null,
  WITHDRAWN: '撤回 A report step undone: the report was never stored at the unit\'s level (see docs/consistency.md)',
});
export type SupervisionFindingEvent = EnumValue<typeof SupervisionFindingEvent>;

