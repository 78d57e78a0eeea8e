import { Directive, Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { sensitive } from '../authz/sensitive-directive';
import { levelOfCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

export const IndicatorSource = bilingualEnum('AssessmentIndicatorSource', '指标来源 Where an indicator\'s value comes from on a score sheet.', {
  ASSESSOR: '考核组评分 Scored by assessors, per indicator',
  DEMOCRATIC_EVALUATION: '民主测评 The sheet\'s democratic evaluation score',
  TASK_COMPLETION: '任务完成率 The sheet\'s task completion rate (percent); range must be 0–100',
});
export type IndicatorSource = EnumValue<typeof IndicatorSource>;

export const AssessmentGrade = bilingualEnum('AssessmentGrade', '考核等次 Assessment grade.', {
  EXCELLENT: '优秀 Excellent',
  GOOD: '良好 Good',
  AVERAGE: '一般 Average',
  POOR: '较差 Poor',
});
export type AssessmentGrade = EnumValue<typeof AssessmentGrade>;

export const AssessmentPlanStatus = bilingualEnum('AssessmentPlanStatus', '考核状态 A draft takes scores; a finalized plan has totals, ranks and grades and takes no more.', {
  DRAFT: null,
  FINALIZED: null,
});
export type AssessmentPlanStatus = EnumValue<typeof AssessmentPlanStatus>;

export const ScoreSource = bilingualEnum('AssessmentScoreSource', '数据来源 Who supplied a sheet value: entered by commission staff, or fed by the platform.', {
  ENTERED: '人工录入 Entered on the score sheet',
  TASK_STATISTICS: '任务统计 From the platform\'s task statistics',
  FINDINGS: '监督发现 From supervision findings and rectification',
});
export type ScoreSource = EnumValue<typeof ScoreSource>;

export const FollowUpStatus = bilingualEnum('AssessmentFollowUpStatus', '回访状态 Whether an interview was followed up (no 一谈了之).', {
  AWAITING_FOLLOW_UP: '未回访 Interviewed, not yet followed up',
  COMMITMENTS_OPEN: '承诺未全部兑现 Followed up; some commitments not yet kept',
  CONFIRMED: '已确认 Every commitment confirmed kept',
});
export type FollowUpStatus = EnumValue<typeof FollowUpStatus>;

export const CommitmentStatus = bilingualEnum('AssessmentCommitmentStatus', '承诺状态 Open until a follow-up confirms it kept.', {
  OPEN: null,
  FULFILLED: null,
});
export type CommitmentStatus = EnumValue<typeof CommitmentStatus>;

@Directive('@shareable')
@ObjectType('AssessmentIndicator', { description: '考核指标 An indicator of a plan, with its weight and score range.' })
export class AssessmentIndicatorType {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Float, { description: '权重 Weight; the plan\'s weights add up to its totalWeight.' })
  weight!: number;

  @Field(() => Float)
  minScore!: number;

  @Field(() => Float)
  maxScore!: number;

  @Field(() => IndicatorSource)
  source!: IndicatorSource;
}

@Directive('@shareable')
@ObjectType('AssessmentGradeThreshold', { description: '等次线 The lowest total that earns a grade.' })
export class AssessmentGradeThresholdType {
  @Field(() => AssessmentGrade)
  grade!: AssessmentGrade;

  @Field(() => Float)
  minTotal!: number;
}

@Directive('@shareable')
@ObjectType('AssessmentIndicatorScore', { description: '指标得分 A score assessors gave for one indicator.' })
export class AssessmentIndicatorScoreType {
  @Field(() => String)
  indicator!: string;

  @Field(() => Float)
  score!: number;
}

@Directive('@shareable')
@ObjectType('AssessmentCommendationEntry', { description: '表扬单位 One unit named in a commendation notice.' })
export class AssessmentCommendationEntryType {
  @Field(() => ID)
  sheetId!: string;

  @Field(() => ID)
  jurisdictionCode!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => String)
  unitName!: string;

  @Field(() => String, { nullable: true })
  cadreName!: string | null;

  @Field(() => Float)
  total!: number;

  @Field(() => Int)
  rank!: number;
}

@Directive('@shareable')
@ObjectType('AssessmentCommendation', { description: '通报表扬 The commendation notice of a finalized assessment, generated from its excellent units.' })
export class AssessmentCommendationType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => ID, { description: 'The assessing level.' })
  assessorCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String)
  title!: string;

  @Field(() => [AssessmentCommendationEntryType], { description: 'Units graded EXCELLENT, by rank.' })
  entries!: AssessmentCommendationEntryType[];

  @Field(() => Date)
  publishedAt!: Date;
}

@Directive('@shareable')
@ObjectType('AssessmentCommitment', { description: '整改承诺 A commitment made at an interview.' })
export class AssessmentCommitmentType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  position!: number;

  @Field(() => String)
  content!: string;

  @Field(() => CommitmentStatus)
  status!: CommitmentStatus;

  @Field(() => String, { nullable: true, description: 'The follow-up visit that confirmed it (YYYY-MM-DD).' })
  confirmedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'What the latest follow-up found.' })
  lastCheckNote!: string | null;
}

@Directive('@shareable')
@ObjectType('AssessmentFollowUpResult', { description: '回访核查 What a follow-up found for one commitment.' })
export class AssessmentFollowUpResultType {
  @Field(() => ID)
  commitmentId!: string;

  @Field(() => Boolean)
  fulfilled!: boolean;

  @Field(() => String)
  note!: string;
}

@Directive('@shareable')
@ObjectType('AssessmentFollowUp', { description: '回访 A follow-up visit checking an interview\'s commitments.' })
export class AssessmentFollowUpType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  visitedOn!: string;

  @Field(() => String)
  visitor!: string;

  @Field(() => String)
  summary!: string;

  @Field(() => [AssessmentFollowUpResultType])
  results!: AssessmentFollowUpResultType[];
}

const byAssessor = (concept: string) => (record: { assessorCode: string }) => levelTypeName(levelOfCode(record.assessorCode)!, concept);

@InterfaceType('AssessmentPlan', {
  description: '考核方案 A level\'s annual assessment (年度主体责任考核) of the level below and its own units.',
  autoRegisterImplementations: false,
  resolveType: byAssessor('AssessmentPlan'),
})
export abstract class AssessmentPlanInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '考核层级 The assessing level.' })
  assessorCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String)
  title!: string;

  @Field(() => [AssessmentIndicatorType])
  indicators!: AssessmentIndicatorType[];

  @Field(() => [AssessmentGradeThresholdType], { description: 'Best grade first.' })
  gradeThresholds!: AssessmentGradeThresholdType[];

  @Field(() => Float, { description: '总权重 What the weights add up to; the highest possible total.' })
  totalWeight!: number;

  @Field(() => Int, { description: '末位约谈数 Heads of this many lowest-ranked units are interviewed (ties at the boundary included), besides every 较差.' })
  interviewBottomCount!: number;

  @Field(() => Float, { description: '逾期整改扣分 Points off per finding of the year whose rectification is overdue, when findings feed the deduction.' })
  overdueFindingPoints!: number;

  @Field(() => Float, { description: '查而不改扣分 Points off per finding of the year a follow-up check re-opened, when findings feed the deduction.' })
  reopenedFindingPoints!: number;

  @Field(() => AssessmentPlanStatus)
  status!: AssessmentPlanStatus;

  @Field(() => Date, { nullable: true })
  finalizedAt!: Date | null;
}

@InterfaceType('AssessmentScoreSheet', {
  description: '考核评分表 The scores of one assessed unit (optionally one team member), and once finalized its total, rank and grade.',
  autoRegisterImplementations: false,
  resolveType: byAssessor('AssessmentScoreSheet'),
})
export abstract class AssessmentScoreSheetInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => ID)
  assessorCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => ID, { description: '被考核辖区 The assessed unit\'s jurisdiction.' })
  jurisdictionCode!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => String, { description: '被考核单位 Unit name as assessed.' })
  unitName!: string;

  @Field(() => ID, { nullable: true, description: 'A team member assessed individually, if any.' })
  cadreId!: string | null;

  @Field(() => String, { nullable: true })
  cadreName!: string | null;

  @Field(() => Float, { nullable: true, description: '民主测评 Democratic evaluation score.' })
  democraticScore!: number | null;

  @Field(() => Float, { nullable: true, description: '任务完成率 Task completion rate, percent.' })
  taskCompletionRate!: number | null;

  @Field(() => ScoreSource, { description: '完成率来源 Who supplied the task completion rate.' })
  taskCompletionSource!: ScoreSource;

  @Field(() => Date, { nullable: true, description: '完成率取数时间 When the rate was last entered or fed; null while it has none.' })
  taskCompletionSourcedAt!: Date | null;

  @Field(() => Float, { description: '扣分 Points off for findings and rectification.' })
  deduction!: number;

  @Field(() => ScoreSource, { description: '扣分来源 Who supplied the deduction.' })
  deductionSource!: ScoreSource;

  @Field(() => Date, { nullable: true, description: '扣分取数时间 When the deduction was last entered or fed; null while nobody set it.' })
  deductionSourcedAt!: Date | null;

  @Field(() => String, { description: '扣分说明 Why points were taken off; a fed deduction lists the findings counted.' })
  deductionNote!: string;

  @Field(() => Float, { nullable: true, description: '总分 Weighted total less deduction, 2 decimals; null until finalized.' })
  total!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '排名 Competition rank: equal totals share a rank and the next skips (1, 1, 3); null until finalized.',
  })
  rank!: number | null;

  @Field(() => AssessmentGrade, { nullable: true, description: '等次 Grade by the plan\'s thresholds; null until finalized.' })
  grade!: AssessmentGrade | null;

  @Field(() => Boolean, { description: '需约谈 Bottom-ranked or 较差: the head must be interviewed.' })
  interviewRequired!: boolean;
}

@InterfaceType('AssessmentInterview', {
  description: '约谈 The interview of a bottom-ranked unit\'s head, with commitments and follow-ups.',
  autoRegisterImplementations: false,
  resolveType: byAssessor('AssessmentInterview'),
})
export abstract class AssessmentInterviewInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => ID)
  sheetId!: string;

  @Field(() => ID)
  assessorCode!: string;

  @Field(() => String, { description: '被约谈人 Interviewee.' })
  intervieweeName!: string;

  @Field(() => String)
  intervieweePosition!: string;

  @Field(() => String, { description: '约谈日期 YYYY-MM-DD' })
  heldOn!: string;

  @Field(() => String, { description: '约谈人 Interviewer.' })
  interviewer!: string;

  @Directive(sensitive('CONFIDENTIAL'))
  @Field(() => String, { nullable: true, description: '约谈内容 What was said (classified CONFIDENTIAL: commission only; others read null with FORBIDDEN).' })
  content!: string | null;

  @Field(() => FollowUpStatus, { description: '回访状态 AWAITING_FOLLOW_UP shows an interview nobody went back to.' })
  followUpStatus!: FollowUpStatus;

  @Field(() => Date)
  createdAt!: Date;
}
