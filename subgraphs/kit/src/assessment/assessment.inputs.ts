import { NotBlank } from '../validation/common-decorators';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsCalendarDate } from '../calendar/is-calendar-date.decorator';
import { NamedUnitInput } from '../org/named-unit';
import { AssessmentGrade, IndicatorSource } from './assessment.types';
import { OptionalId } from '../validation/optional-id';

@InputType('AssessmentIndicatorInput')
export class AssessmentIndicatorInput {
  @Field(() => String, { description: 'Short code, unique in the plan (letters, digits, _ and -).' })
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: '须为 1–40 个字母、数字、_ 或 - / must be 1–40 letters, digits, _ or -' })
  code!: string;

  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  name!: string;

  @Field(() => Float)
  @IsNumber()
  @Min(0.01)
  weight!: number;

  @Field(() => Float, { defaultValue: 0 })
  @IsNumber()
  minScore: number = 0;

  @Field(() => Float, { defaultValue: 100 })
  @IsNumber()
  maxScore: number = 100;

  @Field(() => IndicatorSource, { defaultValue: IndicatorSource.ASSESSOR })
  @IsEnum(IndicatorSource)
  source: IndicatorSource = IndicatorSource.ASSESSOR;
}

@InputType('AssessmentGradeThresholdInput')
export class AssessmentGradeThresholdInput {
  @Field(() => AssessmentGrade)
  @IsEnum(AssessmentGrade)
  grade!: AssessmentGrade;

  @Field(() => Float)
  @IsNumber()
  minTotal!: number;
}

@InputType('CreateAssessmentPlanInput')
export class CreateAssessmentPlanInput {
  @Field(() => ID, { description: 'The assessing level: must be the caller\'s own.' })
  @Matches(/^\d{6}$/, { message: '须为市级或区级代码 / must be a city or district code' })
  assessorCode!: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  title!: string;

  @Field(() => Float, { defaultValue: 100, description: 'What the weights must add up to.' })
  @IsNumber()
  @Min(1)
  @Max(1000)
  totalWeight: number = 100;

  @Field(() => [AssessmentIndicatorInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested()
  indicators!: AssessmentIndicatorInput[];

  @Field(() => [AssessmentGradeThresholdInput], { description: 'One per grade, best first: EXCELLENT, GOOD, AVERAGE, POOR (POOR from 0).' })
  @ValidateNested()
  gradeThresholds!: AssessmentGradeThresholdInput[];

  @Field(() => Int, { defaultValue: 0, description: 'Interview the heads of this many lowest-ranked units (besides every POOR).' })
  @IsInt()
  @Min(0)
  interviewBottomCount: number = 0;

  @Field(() => Float, { defaultValue: 2, description: '逾期整改扣分 Points off per finding of the year whose rectification is overdue.' })
  @IsNumber()
  @Min(0)
  @Max(100)
  overdueFindingPoints: number = 2;

  @Field(() => Float, { defaultValue: 3, description: '查而不改扣分 Points off per finding of the year a follow-up check re-opened.' })
  @IsNumber()
  @Min(0)
  @Max(100)
  reopenedFindingPoints: number = 3;
}

@InputType('AssessmentIndicatorScoreInput')
export class AssessmentIndicatorScoreInput {
  @Field(() => String, { description: 'Code of an ASSESSOR indicator of the plan.' })
  @Length(1, 40)
  indicator!: string;

  @Field(() => Float)
  @IsNumber()
  score!: number;
}

/**
 * One assessed unit's values. Several assessors may enter parts: a value left out keeps what an
 * earlier entry set, so the democratic evaluation and the indicator scores can come separately.
 */
@InputType('EnterAssessmentScoresInput')
export class EnterAssessmentScoresInput extends NamedUnitInput {
  @Field(() => ID)
  @IsUUID()
  planId!: string;

  @OptionalId({ description: 'A team member assessed individually; leave out for the unit.' })
  cadreId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  cadreName?: string | null;

  @Field(() => [AssessmentIndicatorScoreInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested()
  indicatorScores!: AssessmentIndicatorScoreInput[];

  @Field(() => Float, { nullable: true, description: '民主测评 Within the democratic evaluation indicator\'s range.' })
  @IsOptional()
  @IsNumber()
  democraticScore?: number | null;

  @Field(() => Float, { nullable: true, description: '任务完成率 Percent, 0–100. Entered for now; the platform\'s task statistics will feed it.' })
  @IsOptional()
  @IsNumber()
  taskCompletionRate?: number | null;

  @Field(() => Float, { nullable: true, description: '扣分 Points off for findings and rectification. Or fed from supervision findings (import…AssessmentPlatformData).' })
  @IsOptional()
  @IsNumber()
  deduction?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  deductionNote?: string | null;
}

@InputType('RecordAssessmentInterviewInput')
export class RecordAssessmentInterviewInput {
  @Field(() => ID, { description: 'The score sheet of the bottom-ranked unit.' })
  @IsUUID()
  sheetId!: string;

  @Field(() => String)
  @Length(1, 100)
  @NotBlank()
  intervieweeName!: string;

  @Field(() => String, { defaultValue: '' })
  @Length(0, 200)
  intervieweePosition: string = '';

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  heldOn!: string;

  @Field(() => String)
  @Length(1, 100)
  @NotBlank()
  interviewer!: string;

  @Field(() => String)
  @Length(1, 20000)
  @NotBlank()
  content!: string;

  @Field(() => [String], { description: '整改承诺 What the interviewee committed to, at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Length(1, 2000, { each: true })
  @NotBlank({ each: true })
  commitments!: string[];
}

@InputType('CorrectAssessmentInterviewInput', { description: '更正约谈记录 Corrected details of an interview; allowed until its first follow-up, and audited.' })
export class CorrectAssessmentInterviewInput {
  @Field(() => ID)
  @IsUUID()
  interviewId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  @NotBlank()
  intervieweeName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 200)
  intervieweePosition?: string;

  @Field(() => String, { nullable: true, description: '约谈日期 YYYY-MM-DD, not after today.' })
  @IsOptional()
  @IsCalendarDate()
  heldOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  @NotBlank()
  interviewer?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 20000)
  @NotBlank()
  content?: string;

  @Field(() => String, { description: '更正理由 Why the record is corrected (kept in the audit trail).' })
  @Length(1, 2000)
  @NotBlank()
  reason!: string;
}

@InputType('AssessmentFollowUpResultInput')
export class AssessmentFollowUpResultInput {
  @Field(() => ID)
  @IsUUID()
  commitmentId!: string;

  @Field(() => Boolean)
  @IsBoolean()
  fulfilled!: boolean;

  @Field(() => String, { defaultValue: '' })
  @Length(0, 2000)
  note: string = '';
}

@InputType('RecordAssessmentFollowUpInput')
export class RecordAssessmentFollowUpInput {
  @Field(() => ID)
  @IsUUID()
  interviewId!: string;

  @Field(() => String, { description: 'YYYY-MM-DD, not before the interview.' })
  @IsCalendarDate()
  visitedOn!: string;

  @Field(() => String)
  @Length(1, 100)
  @NotBlank()
  visitor!: string;

  @Field(() => String, { defaultValue: '' })
  @Length(0, 20000)
  summary: string = '';

  @Field(() => [AssessmentFollowUpResultInput], { description: 'One result for each commitment still open.' })
  @ArrayMinSize(1)
  @ValidateNested()
  results!: AssessmentFollowUpResultInput[];
}
