import { Directive, Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { sensitive } from '../authz/sensitive-directive';
import { levelOfCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import {
  AccountabilityBasisKind,
  AccountabilityCaseStatus,
  AccountabilityDecisionForm,
  AccountabilityRecordLevel,
  AccountabilityResponsibilityKind,
} from './accountability.enums';

/*
 * Level-agnostic views of accountability records: the city subgraph implements them as
 * `CityAccountabilityCase` / `CityAccountabilityBasis`, the district subgraph as `District…`;
 * the type is read off the deciding jurisdiction's code.
 */

@ObjectType('AccountabilityDecision', { description: '问责决定 The decision on a case.' })
@Directive('@shareable')
export class AccountabilityDecisionType {
  @Field(() => AccountabilityDecisionForm, { description: '问责方式 Form.' })
  form!: AccountabilityDecisionForm;

  @Field(() => String, { description: '决定机关 The deciding body.' })
  decidingBody!: string;

  @Field(() => String, { description: '决定日期 Date of the decision (YYYY-MM-DD).' })
  decidedOn!: string;

  @Field(() => String, { nullable: true, description: '决定内容 Wording.' })
  text!: string | null;

  @Field(() => String, { description: '录入人 Who recorded it (token subject).' })
  decidedBy!: string;

  @Field(() => Date, { description: '录入时间 When it was recorded.' })
  decidedAt!: Date;
}

@InterfaceType('AccountabilityBasis', {
  description: '问责依据 One record a case rests on; the record itself is read from its owning level.',
  autoRegisterImplementations: false,
  resolveType: (basis: { ownerCode: string }) => levelTypeName(levelOfCode(basis.ownerCode)!, 'AccountabilityBasis'),
})
export abstract class AccountabilityBasisInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '序号 Order of citation, from 1.' })
  position!: number;

  @Field(() => AccountabilityBasisKind)
  kind!: AccountabilityBasisKind;

  @Field(() => AccountabilityRecordLevel, { description: '层级 The level that holds the record.' })
  recordLevel!: AccountabilityRecordLevel;

  @Field(() => String, { description: 'The record\'s GraphQL type, e.g. DistrictTask.' })
  recordTypeName!: string;

  @Field(() => ID)
  recordId!: string;

  @Field(() => ID, { description: '所属辖区代码 The jurisdiction that owned the record when it was cited.' })
  recordOwnerCode!: string;

  @Field(() => String, { nullable: true, description: '说明 Why it matters.' })
  note!: string | null;

  @Field(() => String, { description: '引用人 Who cited it (token subject).' })
  citedBy!: string;

  @Field(() => Date, { description: '引用时间 When it was cited.' })
  citedAt!: Date;
}

@InterfaceType('AccountabilityCase', {
  description: '问责 A case against a unit or cadre for failing the two responsibilities (两个责任), with its basis traced online.',
  autoRegisterImplementations: false,
  resolveType: (record: { jurisdictionCode: string }) => levelTypeName(levelOfCode(record.jurisdictionCode)!, 'AccountabilityCase'),
})
export abstract class AccountabilityCaseInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '决定层级 The deciding jurisdiction, which owns the case.' })
  jurisdictionCode!: string;

  @Field(() => ID, { description: '问责对象所属辖区 The subject\'s jurisdiction.' })
  subjectJurisdictionCode!: string;

  @Field(() => ID, { nullable: true, description: '问责单位 Id of the unit held to account (in the subject\'s level).' })
  subjectUnitId!: string | null;

  @Field(() => ID, { nullable: true, description: '问责干部 Id of the cadre held to account (in the subject\'s level).' })
  subjectCadreId!: string | null;

  @Field(() => AccountabilityResponsibilityKind, { description: '两个责任 Which responsibility was failed.' })
  responsibilityKind!: AccountabilityResponsibilityKind;

  @Field(() => String, { description: '案由 Title.' })
  title!: string;

  @Directive(sensitive('CONFIDENTIAL'))
  @Field(() => String, { nullable: true, description: '问题事实 The facts (classified CONFIDENTIAL: commission only; others read null with FORBIDDEN).' })
  facts!: string | null;

  @Field(() => AccountabilityCaseStatus)
  status!: AccountabilityCaseStatus;

  @Field(() => AccountabilityDecisionType, { nullable: true, description: '问责决定 The decision; null while open.' })
  decision!: AccountabilityDecisionType | null;

  @Field(() => String, { description: '立案人 Who opened it (token subject).' })
  openedBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('AccountabilityFormCount', { description: '问责方式计数 Decided cases of one form.' })
@Directive('@shareable')
export class AccountabilityFormCountType {
  @Field(() => AccountabilityDecisionForm)
  form!: AccountabilityDecisionForm;

  @Field(() => Int)
  count!: number;
}

@ObjectType('AccountabilityStats', { description: '问责统计 Cases a jurisdiction decides, counted in one SQL statement.' })
@Directive('@shareable')
export class AccountabilityStatsType {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  decided!: number;

  @Field(() => [AccountabilityFormCountType], { description: '按问责方式 Decided cases by form, every form listed (zeros included).' })
  byForm!: AccountabilityFormCountType[];
}
