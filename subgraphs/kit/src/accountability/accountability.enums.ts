import { registerEnumType } from 'type-graphql';
import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

export const AccountabilityResponsibilityKind = bilingualEnum('AccountabilityResponsibilityKind', '两个责任 Which of the two responsibilities was not fulfilled.', {
  PRIMARY: '主体责任 The primary responsibility (of the party organisation and its leaders)',
  SUPERVISORY: '监督责任 The supervisory responsibility (of the discipline commission)',
});
export type AccountabilityResponsibilityKind = EnumValue<typeof AccountabilityResponsibilityKind>;

export const AccountabilityCaseStatus = bilingualEnum('AccountabilityCaseStatus', '问责状态 Open until decided; a decided case takes no more basis and no second decision.', {
  OPEN: null,
  DECIDED: null,
});
export type AccountabilityCaseStatus = EnumValue<typeof AccountabilityCaseStatus>;

/**
 * 问责方式 The forms of accountability of the 中国共产党问责条例 (art. 8): for a party organisation
 * 检查、通报、改组; for leading cadres 通报、诫勉、组织调整或者组织处理、纪律处分.
 */
export const AccountabilityDecisionForm = bilingualEnum('AccountabilityDecisionForm', '问责方式 Form of the accountability decision.', {
  CHECK: '检查 Written self-examination (a party organisation)',
  NOTICE: '通报 Notice of criticism (an organisation or a cadre)',
  REORGANIZATION: '改组 Reorganisation (a party organisation)',
  ADMONITION: '诫勉 Admonition (a cadre)',
  ORGANIZATIONAL_ADJUSTMENT: '组织调整或者组织处理 Organisational adjustment: suspension, transfer, removal, demotion (a cadre)',
  PARTY_DISCIPLINE: '纪律处分 Party disciplinary sanction (a cadre)',
});
export type AccountabilityDecisionForm = EnumValue<typeof AccountabilityDecisionForm>;

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

export const AccountabilityBasisKind = bilingualEnum('AccountabilityBasisKind', '问责依据类别 What kind of record a case cites as its basis.', {
  RESPONSIBILITY_ITEM: '主体责任清单条目 A responsibility item',
  TASK: '任务 A task',
  DUTY_RECORD: '履职纪实 A duty record (one version)',
  MISSING_DUTY_RECORD: '履职缺失 A task or responsibility item with no duty record at all: the absence is the basis',
  SUPERVISION_FINDING: '监督检查问题 A supervision finding, with its rectification steps',
  RECTIFICATION_REPORT: '整改报告 A rectification report',
  ASSESSMENT_SCORE_SHEET: '考核结果 A score sheet of the annual assessment',
});
export type AccountabilityBasisKind = EnumValue<typeof AccountabilityBasisKind>;

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

export const CONCEPT_OF_KIND: Record<Exclude<AccountabilityBasisKind, typeof AccountabilityBasisKind.MISSING_DUTY_RECORD>, BasisRecordConcept> = {
  RESPONSIBILITY_ITEM: 'ResponsibilityItem',
  TASK: 'Task',
  DUTY_RECORD: 'DutyRecord',
  SUPERVISION_FINDING: 'SupervisionFinding',
  RECTIFICATION_REPORT: 'RectificationReport',
  ASSESSMENT_SCORE_SHEET: 'AssessmentScoreSheet',
};
