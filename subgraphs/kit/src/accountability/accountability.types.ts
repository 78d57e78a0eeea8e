import { GraphQLJSONObject } from 'graphql-scalars';
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

@ObjectType('AccountabilityBasisAsCited', {
  description:
    '引用时状态 What the cited record was when the case cited it, as its owning level answered then. Tamper-evident: `snapshotHash` covers the reference, the moment, the cited audit entry and the snapshot, and the whole citation is in the case\'s own audit entry.',
})
@Directive('@shareable')
export class AccountabilityBasisAsCitedType {
  @Field(() => Date, { description: '引用时间 When it was cited.' })
  citedAt!: Date;

  @Field(() => Int, { nullable: true, description: '引用时版本 The record\'s version then (records that keep one: tasks, responsibility items, duty records).' })
  recordVersion!: number | null;

  @Field(() => ID, { nullable: true, description: '引用时最新审计记录 Position of the newest entry of the record in its owner\'s audit chain then; null if it had none.' })
  auditEntrySeq!: string | null;

  @Field(() => String, { nullable: true, description: '该审计记录的杂凑值 That entry\'s hash as the owner\'s chain held it.' })
  auditEntryHash!: string | null;

  @Field(() => GraphQLJSONObject, { description: '引用时快照 The fields of the record that matter to the case (status, texts, dates…), as they were then.' })
  snapshot!: Record<string, unknown>;

  @Field(() => String, { description: '快照杂凑值 Hash over the reference, the moment, the cited audit entry and the snapshot.' })
  snapshotHash!: string;

  @Field(() => String, { description: '杂凑算法 sha256 or sm3 (GB/T 32905).' })
  snapshotAlgorithm!: string;

  @Field(() => Boolean, { description: '快照完整 Whether the stored snapshot still matches its hash (false: edited after the citation).' })
  snapshotIntact!: boolean;
}

@ObjectType('AccountabilityBasisRecordChange', { description: '引用后变更 One audited change of a cited record, from its owning level\'s audit chain.' })
@Directive('@shareable')
export class AccountabilityBasisRecordChangeType {
  @Field(() => ID, { description: '位置 Position in the owning level\'s chain.' })
  seq!: string;

  @Field(() => Date, { description: '时间 When the change was committed.' })
  at!: Date;

  @Field(() => String, { description: '操作人 Who made the change (token subject).' })
  actorSubject!: string;

  @Field(() => ID, { description: '操作人辖区 The jurisdiction the actor acted for.' })
  actorCode!: string;

  @Field(() => String, { description: '操作 create, update, transition, correct, …' })
  action!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '变更前 The record before the change.' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: '变更后 The record after the change.' })
  after!: Record<string, unknown> | null;

  @Field(() => String, { description: '前一杂凑值 Hash of the entry before it in its chain.' })
  prevHash!: string;

  @Field(() => String, { description: '杂凑值 The entry\'s hash.' })
  hash!: string;
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

  @Field(() => AccountabilityBasisAsCitedType, {
    nullable: true,
    description: '引用时状态 The record as it was when cited; null for citations made before snapshots were kept (see `noSnapshotReason`).',
  })
  asCited!: AccountabilityBasisAsCitedType | null;

  @Field(() => String, { nullable: true, description: '无快照原因 Why `asCited` is null; null when there is a snapshot.' })
  noSnapshotReason!: string | null;

  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description: '当前状态 The same fields as the snapshot, as the owning level holds them now; null when that level cannot be read (an error says why).',
  })
  currentSnapshot!: Record<string, unknown> | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '引用后是否变更 Whether the record changed after it was cited: an audited change since, or a current state unlike the snapshot. Null when the owning level cannot be read.',
  })
  changedSinceCited!: boolean | null;

  @Field(() => [AccountabilityBasisRecordChangeType], {
    nullable: true,
    description: '引用后变更 The record\'s audit entries after the citation (after the cited entry; for a citation without one, after the moment of citation), oldest first. Null when the owning level cannot be read.',
  })
  changesSinceCited!: AccountabilityBasisRecordChangeType[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '引用的审计记录仍完好 Whether the owner\'s chain still holds the cited audit entry with the recorded hash; null when none was cited or the owning level cannot be read.',
  })
  citedEntryIntact!: boolean | null;
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
