import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsNumber, IsOptional, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { IsCalendarDate } from '../../calendar/is-calendar-date.decorator';
import { IsAdministrativeCode, NotBlank } from '../../validation/common-decorators';
import { SupervisionMethod } from '../supervision.enums';
import { NewFindingInput } from '../supervision.inputs';
import { StationedEngagementMode, StationedMemberRole, StationedReasonSource } from './stationed.enums';

@InputType('StationedMemberInput', { description: '组员 A member of a stationed group: name, position, role; no personal ids.' })
export class StationedMemberInput {
  @Field(() => String, { description: '姓名 Name.' })
  @Length(1, 50)
  @NotBlank()
  name!: string;

  @Field(() => String, { description: '职务 Position (e.g. 市纪委监委驻市公安局纪检监察组组长).' })
  @Length(1, 200)
  @NotBlank()
  position!: string;

  @Field(() => StationedMemberRole, { description: '组内职务 Role in the group: 组长, 副组长 or 成员.' })
  @IsEnum(StationedMemberRole)
  role!: StationedMemberRole;
}

@InputType('CreateStationedGroupInput', { description: '设立派驻纪检监察组 A new stationed group of the caller\'s commission.' })
export class CreateStationedGroupInput {
  @Field(() => ID, { description: '派出机关 The commission stationing the group: the caller\'s own jurisdiction.' })
  @IsAdministrativeCode()
  jurisdictionCode!: string;

  @Field(() => String, { description: '名称 Name, e.g. 市纪委监委驻市公安局纪检监察组.' })
  @Length(1, 200)
  @NotBlank()
  name!: string;

  @Field(() => [ID], { description: '驻在单位及综合监督单位 Units of the commission\'s own jurisdiction the group supervises, the host unit first.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  hostUnitIds!: string[];

  @Field(() => [StationedMemberInput], { defaultValue: [], description: '组员 Members.' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  members!: StationedMemberInput[];
}

@InputType('UpdateStationedGroupInput', { description: '调整派驻纪检监察组 A change of a group; fields left out stay as they are.' })
export class UpdateStationedGroupInput {
  @Field(() => ID, { description: '派驻组 The group changed.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { nullable: true, description: '基于版本 The version the change was based on; a newer one refuses it (CONFLICT).' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: '名称 New name.' })
  @IsOptional()
  @Length(1, 200)
  @NotBlank()
  name?: string;

  @Field(() => [ID], { nullable: true, description: '驻在单位及综合监督单位 The full new list of supervised units.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  hostUnitIds?: string[];

  @Field(() => [StationedMemberInput], { nullable: true, description: '组员 The full new list of members.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  members?: StationedMemberInput[];
}

@InputType('StartStationedEngagementInput', { description: '开展驻点/进驻式监督 An engagement of a group at one of its host units.' })
export class StartStationedEngagementInput {
  @Field(() => ID, { description: '派驻组 The group.' })
  @IsUUID()
  groupId!: string;

  @Field(() => ID, { description: '被监督单位 The host unit supervised: one of the group\'s units.' })
  @IsUUID()
  unitId!: string;

  @Field(() => StationedEngagementMode, { description: '监督形式 驻点监督 or 进驻式监督.' })
  @IsEnum(StationedEngagementMode)
  mode!: StationedEngagementMode;

  @Field(() => StationedReasonSource, { description: '监督缘由 What prompted it: information the platform reflected, or a problem found in supervision.' })
  @IsEnum(StationedReasonSource)
  reasonSource!: StationedReasonSource;

  @Field(() => String, { description: '缘由说明 The reason, in words.' })
  @Length(1, 4000)
  @NotBlank()
  reason!: string;

  @Field(() => ID, { nullable: true, description: '所涉问题 A finding of this commission that prompted it.' })
  @IsOptional()
  @IsUUID()
  reasonFindingId?: string;

  @Field(() => ID, { nullable: true, description: '平台信息 A task of this jurisdiction the platform flagged (overdue, stalled).' })
  @IsOptional()
  @IsUUID()
  reasonTaskId?: string;

  @Field(() => String, { description: '开始日期 First day (YYYY-MM-DD), not in the future.' })
  @IsCalendarDate()
  startedOn!: string;

  @Field(() => [SupervisionMethod], { description: '监督方式 Methods to be used: 听取汇报, 个别谈话, 查阅资料, 民主测评, 问卷调查.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsEnum(SupervisionMethod, { each: true })
  methods!: SupervisionMethod[];
}

@InputType('StationedTalkInput', { description: '个别谈话记录 One one-to-one talk.' })
export class StationedTalkInput {
  @Field(() => String, { description: '谈话日期 Day of the talk (YYYY-MM-DD), within the engagement.' })
  @IsCalendarDate()
  heldOn!: string;

  @Field(() => String, { description: '谈话对象职务 Position of the person talked to.' })
  @Length(1, 200)
  @NotBlank()
  intervieweePosition!: string;

  @Field(() => String, { description: '谈话对象单位 Unit (or department) of the person talked to.' })
  @Length(1, 200)
  @NotBlank()
  intervieweeUnit!: string;

  @Field(() => String, { description: '谈话摘要 What was said (confidential: the commission only).' })
  @Length(1, 10000)
  @NotBlank()
  summary!: string;
}

@InputType('StationedReportHeardInput', { description: '听取汇报 One report heard.' })
export class StationedReportHeardInput {
  @Field(() => String, { description: '汇报日期 Day (YYYY-MM-DD), within the engagement.' })
  @IsCalendarDate()
  heardOn!: string;

  @Field(() => String, { description: '汇报人职务 Position of the reporter.' })
  @Length(1, 200)
  @NotBlank()
  reporterPosition!: string;

  @Field(() => String, { description: '汇报内容 What was reported on.' })
  @Length(1, 4000)
  @NotBlank()
  topic!: string;
}

@InputType('StationedDocumentReviewInput', { description: '查阅资料 Documents reviewed.' })
export class StationedDocumentReviewInput {
  @Field(() => Int, { description: '份数 How many documents were reviewed.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  count!: number;

  @Field(() => String, { nullable: true, description: '说明 What they were.' })
  @IsOptional()
  @Length(1, 4000)
  note?: string;
}

@InputType('StationedQuestionnaireInput', { description: '问卷调查 A questionnaire\'s result.' })
export class StationedQuestionnaireInput {
  @Field(() => Int, { description: '答卷人数 Respondents.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  respondents!: number;

  @Field(() => Int, { description: '题目数 Questions asked.' })
  @IsInt()
  @Min(1)
  @Max(1000)
  questions!: number;

  @Field(() => Float, { description: '满意度/认同率 Share satisfied or agreeing, in percent (0–100).' })
  @IsNumber()
  @Min(0)
  @Max(100)
  satisfactionRate!: number;

  @Field(() => String, { nullable: true, description: '说明 Note.' })
  @IsOptional()
  @Length(1, 4000)
  note?: string;
}

@InputType('StationedDemocraticEvaluationInput', { description: '民主测评 A democratic evaluation: participants and how many rated 好 / 较好 / 一般 / 差.' })
export class StationedDemocraticEvaluationInput {
  @Field(() => Int, { description: '参评人数 Participants.' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  participants!: number;

  @Field(() => Int, { description: '好 Rated good.' })
  @IsInt()
  @Min(0)
  good!: number;

  @Field(() => Int, { description: '较好 Rated fairly good.' })
  @IsInt()
  @Min(0)
  fairlyGood!: number;

  @Field(() => Int, { description: '一般 Rated average.' })
  @IsInt()
  @Min(0)
  average!: number;

  @Field(() => Int, { description: '差 Rated poor.' })
  @IsInt()
  @Min(0)
  poor!: number;

  @Field(() => String, { nullable: true, description: '说明 Note.' })
  @IsOptional()
  @Length(1, 4000)
  note?: string;
}

@InputType('RecordStationedResultsInput', {
  description: '记录监督成果 What the methods produced; each kind given replaces what was recorded for it, kinds left out stay.',
})
export class RecordStationedResultsInput {
  @Field(() => ID, { description: '进驻监督 The engagement (still under way).' })
  @IsUUID()
  engagementId!: string;

  @Field(() => Int, { nullable: true, description: '基于版本 The version the change was based on; a newer one refuses it (CONFLICT).' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;

  @Field(() => [StationedTalkInput], { nullable: true, description: '个别谈话 Talks (needs the method ONE_TO_ONE_TALK).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  talks?: StationedTalkInput[];

  @Field(() => [StationedReportHeardInput], { nullable: true, description: '听取汇报 Reports heard (needs REPORT_HEARING).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  reportsHeard?: StationedReportHeardInput[];

  @Field(() => StationedDocumentReviewInput, { nullable: true, description: '查阅资料 Documents reviewed (needs DOCUMENT_REVIEW).' })
  @IsOptional()
  @ValidateNested()
  documentsReviewed?: StationedDocumentReviewInput;

  @Field(() => StationedQuestionnaireInput, { nullable: true, description: '问卷调查 Questionnaire result (needs QUESTIONNAIRE).' })
  @IsOptional()
  @ValidateNested()
  questionnaire?: StationedQuestionnaireInput;

  @Field(() => StationedDemocraticEvaluationInput, { nullable: true, description: '民主测评 Democratic evaluation result (needs DEMOCRATIC_EVALUATION).' })
  @IsOptional()
  @ValidateNested()
  democraticEvaluation?: StationedDemocraticEvaluationInput;
}

@InputType('CloseStationedEngagementInput', {
  description: '结束进驻 Close an engagement: records a stationed supervision check of the host unit with the findings, which then follow the ordinary rectification loop.',
})
export class CloseStationedEngagementInput {
  @Field(() => ID, { description: '进驻监督 The engagement.' })
  @IsUUID()
  engagementId!: string;

  @Field(() => Int, { nullable: true, description: '基于版本 The version the change was based on; a newer one refuses it (CONFLICT).' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;

  @Field(() => String, { description: '结束日期 Last day (YYYY-MM-DD): not in the future, not before the start or any result.' })
  @IsCalendarDate()
  endedOn!: string;

  @Field(() => String, { description: '监督情况 What the engagement concluded; the check\'s summary.' })
  @Length(1, 10000)
  @NotBlank()
  summary!: string;

  @Field(() => [NewFindingInput], { defaultValue: [], description: '发现问题 Findings against the host unit, each with its rectification deadline.' })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  findings!: NewFindingInput[];
}
