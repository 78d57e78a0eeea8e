import { registerEnumType } from 'type-graphql';

export enum SupervisionCheckKind {
  ROUTINE = 'ROUTINE',
  FOLLOW_UP = 'FOLLOW_UP',
}

export enum SupervisionCheckMode {
  ON_SITE = 'ON_SITE',
  ONLINE = 'ONLINE',
}

export enum SupervisionMethod {
  REPORT_HEARING = 'REPORT_HEARING',
  ONE_TO_ONE_TALK = 'ONE_TO_ONE_TALK',
  DOCUMENT_REVIEW = 'DOCUMENT_REVIEW',
  DEMOCRATIC_EVALUATION = 'DEMOCRATIC_EVALUATION',
  QUESTIONNAIRE = 'QUESTIONNAIRE',
}

export enum SupervisionFindingStatus {
  OPEN = 'OPEN',
  REPORTED = 'REPORTED',
  SENT_BACK = 'SENT_BACK',
  ACCEPTED = 'ACCEPTED',
  CONFIRMED = 'CONFIRMED',
  REOPENED = 'REOPENED',
}

export enum SupervisionFindingEvent {
  REPORTED = 'REPORTED',
  ACCEPTED = 'ACCEPTED',
  SENT_BACK = 'SENT_BACK',
  CONFIRMED = 'CONFIRMED',
  REOPENED = 'REOPENED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(SupervisionCheckKind, {
  name: 'SupervisionCheckKind',
  description: '检查类型 Kind of supervision check.',
  valuesConfig: {
    ROUTINE: { description: '监督检查 A routine check' },
    FOLLOW_UP: { description: '回头看 A follow-up check of findings already rectified' },
  },
});
registerEnumType(SupervisionCheckMode, {
  name: 'SupervisionCheckMode',
  description: '检查方式 How the check was done.',
  valuesConfig: { ON_SITE: { description: '现场 On site' }, ONLINE: { description: '线上 Online' } },
});
registerEnumType(SupervisionMethod, {
  name: 'SupervisionMethod',
  description: '监督方式 Methods of (stationed) supervision.',
  valuesConfig: {
    REPORT_HEARING: { description: '听取汇报 Reports heard' },
    ONE_TO_ONE_TALK: { description: '个别谈话 One-to-one talks' },
    DOCUMENT_REVIEW: { description: '查阅资料 Document review' },
    DEMOCRATIC_EVALUATION: { description: '民主测评 Democratic evaluation' },
    QUESTIONNAIRE: { description: '问卷调查 Questionnaires' },
  },
});
registerEnumType(SupervisionFindingStatus, {
  name: 'SupervisionFindingStatus',
  description: '整改状态 Where a finding\'s rectification stands.',
  valuesConfig: {
    OPEN: { description: '待整改 Waiting for rectification' },
    REPORTED: { description: '已报告 A rectification report awaits review' },
    SENT_BACK: { description: '退回 The report was sent back; rectify and report again' },
    ACCEPTED: { description: '已销号 Accepted and closed' },
    CONFIRMED: { description: '回头看确认 A follow-up check confirmed it stayed fixed' },
    REOPENED: { description: '查而不改 A follow-up check found it not fixed; re-opened' },
  },
});
registerEnumType(SupervisionFindingEvent, {
  name: 'SupervisionFindingEvent',
  description: '整改环节 One step in a finding\'s life.',
  valuesConfig: {
    WITHDRAWN: { description: '撤回 A report step undone: the report was never stored at the unit\'s level (see docs/consistency.md)' },
  },
});
