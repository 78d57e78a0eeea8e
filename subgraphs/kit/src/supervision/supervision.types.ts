import { Directive, Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { levelOfCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import {
  SupervisionCheckKind,
  SupervisionCheckMode,
  SupervisionFindingEvent,
  SupervisionFindingStatus,
  SupervisionMethod,
} from './supervision.enums';

/*
 * Level-agnostic views of supervision records. The city subgraph implements them as
 * `CitySupervisionOffice` …, the district subgraph as `DistrictSupervisionOffice` …; the type is
 * read off the owning (supervising) jurisdiction's code.
 */

const byOwner = (concept: string) => (record: { jurisdictionCode: string }) =>
  levelTypeName(levelOfCode(record.jurisdictionCode)!, concept);

@InterfaceType('SupervisionOffice', {
  description: '监督检查室 A supervision office of the city or a district.',
  autoRegisterImplementations: false,
  resolveType: byOwner('SupervisionOffice'),
})
export abstract class SupervisionOfficeInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '名称 Name.' })
  name!: string;

  @Field(() => ID, { description: '所属辖区代码 The supervising jurisdiction.' })
  jurisdictionCode!: string;
}

@InterfaceType('SupervisionPlan', {
  description: '季度抽查计划 A quarter\'s draw of contact units for on-site checks, with the seed that reproduces it.',
  autoRegisterImplementations: false,
  resolveType: byOwner('SupervisionPlan'),
})
export abstract class SupervisionPlanInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  officeId!: string;

  @Field(() => ID)
  jurisdictionCode!: string;

  @Field(() => Int, { description: '年度 Year.' })
  year!: number;

  @Field(() => Int, { description: '季度 Quarter, 1–4.' })
  quarter!: number;

  @Field(() => Int, { description: '随机种子 The seed: SHA-256 of `seedSource`, fixed by the recorded inputs and chosen by no one; with it the draw can be repeated and checked.' })
  seed!: number;

  @Field(() => [ID], { description: '抽中单位 The drawn contact units (unit ids), in draw order.' })
  unitIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: '种子来源 The text the seed is the SHA-256 of (office, year, quarter, contact units, units drawn earlier); null for plans drawn before it was recorded.',
  })
  seedSource!: string | null;

  @Field(() => [ID], { nullable: true, description: '抽取范围 The office\'s contact units as they stood at the cutoff `contactsAsOf` (sorted).' })
  contactUnitIds!: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: '名单冻结日 The day (Tianjin) at whose end the contact list was taken: the first day of the quarter before; null for plans drawn before the list was frozen.',
  })
  contactsAsOf!: string | null;

  @Field(() => [ID], { nullable: true, description: '此前已抽 Units drawn in the year\'s earlier quarters, left out of this draw (sorted).' })
  drawnEarlierUnitIds!: string[] | null;

  @Field(() => String, { description: 'Who drew it (token subject).' })
  drawnBy!: string;

  @Field(() => Date)
  drawnAt!: Date;
}

@ObjectType('SupervisionDrawPreview', { description: '抽查预演 What the draw of a quarter will pick: the same inputs, seed and picks the draw records.' })
@Directive('@shareable')
export class SupervisionDrawPreviewType {
  @Field(() => Int, { description: '随机种子 The seed the draw will use (SHA-256 of `seedSource`).' })
  seed!: number;

  @Field(() => String, { description: '种子来源 The recorded inputs the seed is derived from.' })
  seedSource!: string;

  @Field(() => String, { description: '名单冻结日 The day (Tianjin) at whose end the contact list is taken: the first day of the quarter before.' })
  contactsAsOf!: string;

  @Field(() => [ID], { description: '抽取范围 The contact units at the cutoff, which the draw picks from (sorted).' })
  contactUnitIds!: string[];

  @Field(() => [ID], { description: '此前已抽 Units drawn in the year\'s earlier quarters, left out of this draw (sorted).' })
  drawnEarlierUnitIds!: string[];

  @Field(() => [ID], { description: '抽中单位 The units the draw will pick, in draw order.' })
  unitIds!: string[];
}

@ObjectType('SupervisionDrawQuarter', { description: '抽查季度 A quarter of a year, as the draws count them.' })
@Directive('@shareable')
export class SupervisionDrawQuarterType {
  @Field(() => Int, { description: '年度 Year.' })
  year!: number;

  @Field(() => Int, { description: '季度 Quarter, 1–4.' })
  quarter!: number;
}

@ObjectType('SpotCheck', { description: '抽查事项 A spot-checked item: free text or a responsibility item.' })
@Directive('@shareable')
export class SpotCheckType {
  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => ID, { nullable: true, description: '责任事项 Id of a responsibility item of the checked unit.' })
  responsibilityItemId!: string | null;
}

@InterfaceType('SupervisionCheck', {
  description: '监督检查 One check of one unit, routine or follow-up (回头看).',
  autoRegisterImplementations: false,
  resolveType: byOwner('SupervisionCheck'),
})
export abstract class SupervisionCheckInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The supervising jurisdiction.' })
  jurisdictionCode!: string;

  @Field(() => ID, { nullable: true })
  officeId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The quarterly plan this on-site check carries out.' })
  planId!: string | null;

  @Field(() => ID, { description: '被检查单位 The checked unit.' })
  unitId!: string;

  @Field(() => ID, { description: 'The checked unit\'s jurisdiction.' })
  unitJurisdictionCode!: string;

  @Field(() => SupervisionCheckKind)
  kind!: SupervisionCheckKind;

  @Field(() => SupervisionCheckMode)
  mode!: SupervisionCheckMode;

  @Field(() => Boolean, { description: '驻点/进驻式监督 Stationed (embedded) supervision.' })
  stationed!: boolean;

  @Field(() => ID, { nullable: true, description: '进驻监督 The stationed group\'s engagement this check closed, if any.' })
  engagementId!: string | null;

  @Field(() => [SupervisionMethod], { description: '监督方式 Methods used.' })
  methods!: SupervisionMethod[];

  @Field(() => [SpotCheckType], { description: '抽查事项 Spot-checked items.' })
  spotChecks!: SpotCheckType[];

  @Field(() => String, { description: '检查日期 Date of the check (YYYY-MM-DD).' })
  checkedOn!: string;

  @Field(() => String, { description: '检查情况 Summary.' })
  summary!: string;
}

@InterfaceType('SupervisionFinding', {
  description: '问题 A finding against a supervised unit, to be rectified by a deadline.',
  autoRegisterImplementations: false,
  resolveType: byOwner('SupervisionFinding'),
})
export abstract class SupervisionFindingInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The supervising jurisdiction that owns the finding.' })
  jurisdictionCode!: string;

  @Field(() => ID)
  checkId!: string;

  @Field(() => ID, { description: '被监督单位 The supervised unit.' })
  unitId!: string;

  @Field(() => ID)
  unitJurisdictionCode!: string;

  @Field(() => ID, { nullable: true, description: '领导干部 Cadre concerned (id in the supervised level).' })
  cadreId!: string | null;

  @Field(() => ID, { nullable: true, description: '责任事项 Responsibility item concerned.' })
  responsibilityItemId!: string | null;

  @Field(() => ID, { nullable: true, description: '任务 Task concerned.' })
  taskId!: string | null;

  @Field(() => String, { description: '问题描述 Description.' })
  description!: string;

  @Field(() => String, { description: '整改期限 Rectification deadline (YYYY-MM-DD).' })
  deadline!: string;

  @Field(() => SupervisionFindingStatus)
  status!: SupervisionFindingStatus;

  @Field(() => Int, { description: '回头看重新打开次数 How often a follow-up check found it not fixed.' })
  reopenCount!: number;

  @Field(() => ID, { nullable: true, description: 'The rectification report under (or last under) review.' })
  lastReportId!: string | null;

  @Field(() => Date, { nullable: true, description: '销号时间 When it was accepted and closed.' })
  closedAt!: Date | null;

  @Field(() => Date, { description: '发现时间 When it was recorded.' })
  createdAt!: Date;

  @Field(() => Date, { description: 'When it last changed (a report, a decision, a follow-up).' })
  updatedAt!: Date;
}

@ObjectType('SupervisionFindingStep', { description: '整改环节 One step in a finding\'s life.' })
@Directive('@shareable')
export class SupervisionFindingStepType {
  @Field(() => SupervisionFindingEvent)
  event!: SupervisionFindingEvent;

  @Field(() => ID, { nullable: true, description: 'The rectification report concerned.' })
  reportId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The follow-up check concerned.' })
  checkId!: string | null;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => String, { description: 'Who took the step (token subject).' })
  actor!: string;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('SupervisionFindingStats', { description: '问题整改统计 Findings by status, counted in one SQL statement.' })
@Directive('@shareable')
export class SupervisionFindingStatsType {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  open!: number;

  @Field(() => Int)
  reported!: number;

  @Field(() => Int)
  sentBack!: number;

  @Field(() => Int)
  accepted!: number;

  @Field(() => Int)
  confirmed!: number;

  @Field(() => Int, { description: '查而不改 Re-opened by a follow-up check and not yet closed again.' })
  reopened!: number;

  @Field(() => Int, { description: '逾期未整改 Not rectified (open, sent back or re-opened) after the deadline.' })
  overdue!: number;

  @Field(() => Int, { description: '查而不改 Findings a follow-up check ever found not fixed.' })
  checkedButNotFixed!: number;
}

@InterfaceType('RectificationReport', {
  description: '整改报告 A supervised unit\'s report on rectifying a finding; owned by the unit\'s level.',
  autoRegisterImplementations: false,
  resolveType: (report: { jurisdictionCode: string }) => levelTypeName(levelOfCode(report.jurisdictionCode)!, 'RectificationReport'),
})
export abstract class RectificationReportInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The finding answered (it lives in the supervising level).' })
  findingId!: string;

  @Field(() => ID, { description: 'The supervising jurisdiction that owns the finding.' })
  supervisingCode!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => ID, { description: 'The supervised unit\'s jurisdiction, which owns the report.' })
  jurisdictionCode!: string;

  @Field(() => String, { description: '整改情况 What was done.' })
  summary!: string;

  @Field(() => String)
  submittedBy!: string;

  @Field(() => Date)
  submittedAt!: Date;
}
