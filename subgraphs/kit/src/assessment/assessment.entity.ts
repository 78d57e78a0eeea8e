import { DecimalType, Entity, Index, PrimaryKey, Property, OptionalProps, Unique } from '@mikro-orm/core';
import { newId } from '../ids';
import { NamedUnitColumns } from '../org/named-unit';
import type { GradeCode, GradeThreshold, Indicator } from './assessment-scoring';

export type AssessmentPlanStatusCode = 'DRAFT' | 'FINALIZED';

/**
 * Where a sheet's task completion rate or deduction came from: entered by commission staff
 * (`ENTERED`), or fed from the platform's task statistics / supervision findings
 * (`assessment-platform-data.ts`). The same columns either way; the source and its time say who.
 */
export const SCORE_SOURCES = ['ENTERED', 'TASK_STATISTICS', 'FINDINGS'] as const;
export type ScoreSourceCode = (typeof SCORE_SOURCES)[number];

/** 考核方案 One level's assessment plan for one year: indicators, weights and grade thresholds. */
@Entity({ tableName: 'assessment_plan' })
@Unique({ properties: ['assessorCode', 'year'] })
export class AssessmentPlanEntity {
  [OptionalProps]?:
    | 'id'
    | 'status'
    | 'createdAt'
    | 'finalizedBy'
    | 'finalizedAt'
    | 'interviewBottomCount'
    | 'overdueFindingPoints'
    | 'reopenedFindingPoints';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The assessing level (city or district code); it owns the plan and everything under it. */
  @Property({ type: 'string', length: 9 })
  assessorCode!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'json' })
  indicators!: Indicator[];

  @Property({ type: 'json' })
  gradeThresholds!: GradeThreshold[];

  @Property({ type: new DecimalType('number') })
  totalWeight!: number;

  /** How many of the lowest-ranked units' heads are interviewed (besides every 较差). */
  @Property({ type: 'integer' })
  interviewBottomCount: number = 0;

  /** Points off per finding of the year whose rectification is overdue (fed deduction). */
  @Property({ type: new DecimalType('number') })
  overdueFindingPoints: number = 2;

  /** Points off per finding of the year a follow-up check re-opened (查而不改; fed deduction). */
  @Property({ type: new DecimalType('number') })
  reopenedFindingPoints: number = 3;

  @Property({ type: 'string', length: 20 })
  status: AssessmentPlanStatusCode = 'DRAFT';

  @Property({ type: 'string' })
  createdBy!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'string', nullable: true })
  finalizedBy: string | null = null;

  @Property({ type: 'Date', nullable: true })
  finalizedAt: Date | null = null;
}

/** 考核评分表 The scores of one assessed unit (and optionally one team member) under a plan. */
@Entity({ tableName: 'assessment_sheet' })
@Index({ properties: ['assessorCode', 'year', 'rank'] })
export class AssessmentSheetEntity extends NamedUnitColumns {
  [OptionalProps]?:
    | 'id'
    | 'cadreId'
    | 'cadreName'
    | 'indicatorScores'
    | 'democraticScore'
    | 'taskCompletionRate'
    | 'taskCompletionSource'
    | 'taskCompletionSourcedAt'
    | 'deduction'
    | 'deductionSource'
    | 'deductionSourcedAt'
    | 'deductionNote'
    | 'total'
    | 'rank'
    | 'grade'
    | 'interviewRequired'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'string', length: 9 })
  assessorCode!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'uuid', nullable: true })
  cadreId: string | null = null;

  @Property({ type: 'string', length: 100, nullable: true })
  cadreName: string | null = null;

  /** Scores assessors entered, by indicator code. */
  @Property({ type: 'json' })
  indicatorScores: Record<string, number> = {};

  @Property({ type: new DecimalType('number'), nullable: true })
  democraticScore: number | null = null;

  @Property({ type: new DecimalType('number'), nullable: true })
  taskCompletionRate: number | null = null;

  @Property({ type: 'string', length: 30 })
  taskCompletionSource: ScoreSourceCode = 'ENTERED';

  /** When the rate was last entered or fed; null while it has none. */
  @Property({ type: 'Date', nullable: true })
  taskCompletionSourcedAt: Date | null = null;

  @Property({ type: new DecimalType('number') })
  deduction: number = 0;

  @Property({ type: 'string', length: 30 })
  deductionSource: ScoreSourceCode = 'ENTERED';

  /** When the deduction was last entered or fed; null while nobody has set it. */
  @Property({ type: 'Date', nullable: true })
  deductionSourcedAt: Date | null = null;

  @Property({ type: 'text' })
  deductionNote: string = '';

  /** Set when the plan is finalized; null in a draft. */
  @Property({ type: new DecimalType('number'), nullable: true })
  total: number | null = null;

  @Property({ type: 'integer', nullable: true })
  rank: number | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  grade: GradeCode | null = null;

  /** Bottom-ranked or graded 较差 at finalization: the unit's head must be interviewed. */
  @Property({ type: 'boolean' })
  interviewRequired: boolean = false;

  @Property({ type: 'string' })
  enteredBy!: string;

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

export interface CommendationEntry {
  sheetId: string;
  jurisdictionCode: string;
  unitId: string;
  unitName: string;
  cadreName: string | null;
  total: number;
  rank: number;
}

/** 通报表扬 The commendation notice of a finalized plan: its excellent units, generated from the sheets. */
@Entity({ tableName: 'assessment_commendation' })
export class AssessmentCommendationEntity {
  [OptionalProps]?: 'id' | 'publishedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid', unique: true })
  planId!: string;

  @Property({ type: 'string', length: 9 })
  assessorCode!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'json' })
  entries!: CommendationEntry[];

  @Property({ type: 'string' })
  publishedBy!: string;

  @Property({ type: 'Date' })
  publishedAt: Date = new Date();
}

export type FollowUpStatusCode = 'AWAITING_FOLLOW_UP' | 'COMMITMENTS_OPEN' | 'CONFIRMED';

/** 约谈 The interview of a bottom-ranked unit's head. */
@Entity({ tableName: 'assessment_interview' })
export class AssessmentInterviewEntity {
  [OptionalProps]?: 'id' | 'intervieweePosition' | 'followUpStatus' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'uuid', unique: true })
  sheetId!: string;

  @Property({ type: 'string', length: 9 })
  assessorCode!: string;

  @Property({ type: 'string', length: 100 })
  intervieweeName!: string;

  @Property({ type: 'string', length: 200 })
  intervieweePosition: string = '';

  @Property({ type: 'date' })
  heldOn!: string;

  @Property({ type: 'string', length: 100 })
  interviewer!: string;

  @Property({ type: 'text' })
  content!: string;

  /** Kept with the interview so that one without follow-up (一谈了之) is found by a filter. */
  @Property({ type: 'string', length: 30 })
  followUpStatus: FollowUpStatusCode = 'AWAITING_FOLLOW_UP';

  @Property({ type: 'string' })
  recordedBy!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}

/** 整改承诺 One commitment the interviewee made. */
@Entity({ tableName: 'assessment_commitment' })
export class AssessmentCommitmentEntity {
  [OptionalProps]?: 'id' | 'status' | 'confirmedOn' | 'confirmedByFollowUpId' | 'lastCheckNote';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  interviewId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  content!: string;

  @Property({ type: 'string', length: 20 })
  status: 'OPEN' | 'FULFILLED' = 'OPEN';

  @Property({ type: 'date', nullable: true })
  confirmedOn: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  confirmedByFollowUpId: string | null = null;

  /** What the latest follow-up found, fulfilled or not. */
  @Property({ type: 'text', nullable: true })
  lastCheckNote: string | null = null;
}

export interface FollowUpResult {
  commitmentId: string;
  fulfilled: boolean;
  note: string;
}

/** 回访 A follow-up visit that checks each open commitment of an interview. */
@Entity({ tableName: 'assessment_follow_up' })
export class AssessmentFollowUpEntity {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  interviewId!: string;

  @Property({ type: 'date' })
  visitedOn!: string;

  @Property({ type: 'string', length: 100 })
  visitor!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'json' })
  results!: FollowUpResult[];

  @Property({ type: 'string' })
  recordedBy!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();
}

export const ASSESSMENT_ENTITIES = [
  AssessmentPlanEntity,
  AssessmentSheetEntity,
  AssessmentCommendationEntity,
  AssessmentInterviewEntity,
  AssessmentCommitmentEntity,
  AssessmentFollowUpEntity,
];
