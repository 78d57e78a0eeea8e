import { registerEnumType } from 'type-graphql';

export enum AccountabilityResponsibilityKind {
  PRIMARY = 'PRIMARY',
  SUPERVISORY = 'SUPERVISORY',
}
registerEnumType(AccountabilityResponsibilityKind, {
  name: 'AccountabilityResponsibilityKind',
  description: '两个责任 Which of the two responsibilities was not fulfilled.',
  valuesConfig: {
    PRIMARY: { description: '主体责任 The primary responsibility (of the party organisation and its leaders)' },
    SUPERVISORY: { description: '监督责任 The supervisory responsibility (of the discipline commission)' },
  },
});

export enum AccountabilityCaseStatus {
  OPEN = 'OPEN',
  DECIDED = 'DECIDED',
}
registerEnumType(AccountabilityCaseStatus, {
  name: 'AccountabilityCaseStatus',
  description: '问责状态 Open until decided; a decided case takes no more basis and no second decision.',
});

/**
 * 问责方式 The forms of accountability of the 中国共产党问责条例 (art. 8): for a party organisation
 * 检查、通报、改组; for leading cadres 通报、诫勉、组织调整或者组织处理、纪律处分.
 */
export enum AccountabilityDecisionForm {
  CHECK = 'CHECK',
  NOTICE = 'NOTICE',
  REORGANIZATION = 'REORGANIZATION',
  ADMONITION = 'ADMONITION',
  ORGANIZATIONAL_ADJUSTMENT = 'ORGANIZATIONAL_ADJUSTMENT',
  PARTY_DISCIPLINE = 'PARTY_DISCIPLINE',
}
registerEnumType(AccountabilityDecisionForm, {
  name: 'AccountabilityDecisionForm',
  description: '问责方式 Form of the accountability decision.',
  valuesConfig: {
    CHECK: { description: '检查 Written self-examination (a party organisation)' },
    NOTICE: { description: '通报 Notice of criticism (an organisation or a cadre)' },
    REORGANIZATION: { description: '改组 Reorganisation (a party organisation)' },
    ADMONITION: { description: '诫勉 Admonition (a cadre)' },
    ORGANIZATIONAL_ADJUSTMENT: { description: '组织调整或者组织处理 Organisational adjustment: suspension, transfer, removal, demotion (a cadre)' },
    PARTY_DISCIPLINE: { description: '纪律处分 Party disciplinary sanction (a cadre)' },
  },
});

/** Forms that apply to an organisation, and those that apply to a person. */
export const UNIT_FORMS: readonly AccountabilityDecisionForm[] = [
  AccountabilityDecisionForm.CHECK,
  AccountabilityDecisionForm.NOTICE,
  AccountabilityDecisionForm.REORGANIZATION,
];
export const CADRE_FORMS: readonly AccountabilityDecisionForm[] = [
  AccountabilityDecisionForm.NOTICE,
  AccountabilityDecisionForm.ADMONITION,
  AccountabilityDecisionForm.ORGANIZATIONAL_ADJUSTMENT,
  AccountabilityDecisionForm.PARTY_DISCIPLINE,
];

export enum AccountabilityBasisKind {
  RESPONSIBILITY_ITEM = 'RESPONSIBILITY_ITEM',
  TASK = 'TASK',
  DUTY_RECORD = 'DUTY_RECORD',
  MISSING_DUTY_RECORD = 'MISSING_DUTY_RECORD',
  SUPERVISION_FINDING = 'SUPERVISION_FINDING',
  RECTIFICATION_REPORT = 'RECTIFICATION_REPORT',
  ASSESSMENT_SCORE_SHEET = 'ASSESSMENT_SCORE_SHEET',
}
registerEnumType(AccountabilityBasisKind, {
  name: 'AccountabilityBasisKind',
  description: '问责依据类别 What kind of record a case cites as its basis.',
  valuesConfig: {
    RESPONSIBILITY_ITEM: { description: '主体责任清单条目 A responsibility item' },
    TASK: { description: '任务 A task' },
    DUTY_RECORD: { description: '履职纪实 A duty record (one version)' },
    MISSING_DUTY_RECORD: { description: '履职缺失 A task or responsibility item with no duty record at all: the absence is the basis' },
    SUPERVISION_FINDING: { description: '监督检查问题 A supervision finding, with its rectification steps' },
    RECTIFICATION_REPORT: { description: '整改报告 A rectification report' },
    ASSESSMENT_SCORE_SHEET: { description: '考核结果 A score sheet of the annual assessment' },
  },
});

export enum AccountabilityRecordLevel {
  CITY = 'city',
  DISTRICT = 'district',
  STREET = 'street',
}
registerEnumType(AccountabilityRecordLevel, {
  name: 'AccountabilityRecordLevel',
  description: '层级 The level whose database holds a cited record.',
  valuesConfig: {
    CITY: { description: '市级 City' },
    DISTRICT: { description: '区级 District' },
    STREET: { description: '街道(乡镇)级 Street / township' },
  },
});

/** The GraphQL concept (`Task` → `DistrictTask` …) a cited record is, and its audit entity type. */
export type BasisRecordConcept =
  | 'ResponsibilityItem'
  | 'Task'
  | 'DutyRecord'
  | 'SupervisionFinding'
  | 'RectificationReport'
  | 'AssessmentScoreSheet';

export const CONCEPT_OF_KIND: Record<Exclude<AccountabilityBasisKind, AccountabilityBasisKind.MISSING_DUTY_RECORD>, BasisRecordConcept> = {
  RESPONSIBILITY_ITEM: 'ResponsibilityItem',
  TASK: 'Task',
  DUTY_RECORD: 'DutyRecord',
  SUPERVISION_FINDING: 'SupervisionFinding',
  RECTIFICATION_REPORT: 'RectificationReport',
  ASSESSMENT_SCORE_SHEET: 'AssessmentScoreSheet',
};
