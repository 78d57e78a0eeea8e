import { Directive, Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { levelOfCode } from '../../jurisdiction/admin-code';
import { levelTypeName } from '../../level/level-names';
import { SupervisionMethod } from '../supervision.enums';
import { StationedEngagementMode, StationedEngagementStatus, StationedMemberRole, StationedReasonSource } from './stationed.enums';

/*
 * Level-agnostic views of stationed supervision: the city subgraph implements them as
 * `CityStationedGroup` …, a district's as `DistrictStationedGroup` …; the type is read off the
 * owning commission's code. The value types below are the same at both levels (@shareable).
 */

const byOwner = (concept: string) => (record: { jurisdictionCode: string }) => levelTypeName(levelOfCode(record.jurisdictionCode)!, concept);

@ObjectType('StationedGroupMember', { description: '组员 A member of a stationed group.' })
@Directive('@shareable')
export class StationedGroupMemberType {
  @Field(() => String, { description: '姓名 Name.' })
  name!: string;

  @Field(() => String, { description: '职务 Position.' })
  position!: string;

  @Field(() => StationedMemberRole, { description: '组内职务 Role in the group.' })
  role!: StationedMemberRole;
}

@ObjectType('StationedReportHeard', { description: '听取汇报 One report heard by the group.' })
@Directive('@shareable')
export class StationedReportHeardType {
  @Field(() => String, { description: '汇报日期 Day (YYYY-MM-DD).' })
  heardOn!: string;

  @Field(() => String, { description: '汇报人职务 Position of the reporter.' })
  reporterPosition!: string;

  @Field(() => String, { description: '汇报内容 What was reported on.' })
  topic!: string;
}

@ObjectType('StationedDocumentReview', { description: '查阅资料 Documents the group reviewed.' })
@Directive('@shareable')
export class StationedDocumentReviewType {
  @Field(() => Int, { description: '份数 How many.' })
  count!: number;

  @Field(() => String, { nullable: true, description: '说明 What they were.' })
  note!: string | null;
}

@ObjectType('StationedQuestionnaireResult', { description: '问卷调查结果 A questionnaire\'s result.' })
@Directive('@shareable')
export class StationedQuestionnaireResultType {
  @Field(() => Int, { description: '答卷人数 Respondents.' })
  respondents!: number;

  @Field(() => Int, { description: '题目数 Questions asked.' })
  questions!: number;

  @Field(() => Float, { description: '满意度/认同率 Share satisfied or agreeing, in percent.' })
  satisfactionRate!: number;

  @Field(() => String, { nullable: true, description: '说明 Note.' })
  note!: string | null;
}

@ObjectType('StationedDemocraticEvaluationResult', { description: '民主测评结果 How many participants rated 好 / 较好 / 一般 / 差.' })
@Directive('@shareable')
export class StationedDemocraticEvaluationResultType {
  @Field(() => Int, { description: '参评人数 Participants.' })
  participants!: number;

  @Field(() => Int, { description: '好 Rated good.' })
  good!: number;

  @Field(() => Int, { description: '较好 Rated fairly good.' })
  fairlyGood!: number;

  @Field(() => Int, { description: '一般 Rated average.' })
  average!: number;

  @Field(() => Int, { description: '差 Rated poor.' })
  poor!: number;

  @Field(() => String, { nullable: true, description: '说明 Note.' })
  note!: string | null;
}

@InterfaceType('StationedGroup', {
  description: '派驻纪检监察组 A discipline-inspection group stationed by the city\'s or a district\'s commission at the units it supervises.',
  autoRegisterImplementations: false,
  resolveType: byOwner('StationedGroup'),
})
export abstract class StationedGroupInterface {
  @Field(() => ID, { description: '标识 Identifier.' })
  id!: string;

  @Field(() => ID, { description: '派出机关 The commission that stations the group.' })
  jurisdictionCode!: string;

  @Field(() => String, { description: '名称 Name, e.g. 市纪委监委驻市公安局纪检监察组.' })
  name!: string;

  @Field(() => [ID], { description: '驻在单位及综合监督单位 Ids of the units it supervises, the host unit first.' })
  hostUnitIds!: string[];

  @Field(() => [StationedGroupMemberType], { description: '组员 Members.' })
  members!: StationedGroupMemberType[];

  @Field(() => Int, { description: '版本 Version; pass it as expectedVersion when changing the group.' })
  version!: number;

  @Field(() => Date, { description: '设立时间 When it was recorded.' })
  createdAt!: Date;

  @Field(() => Date, { description: '更新时间 When it last changed.' })
  updatedAt!: Date;
}

@InterfaceType('StationedEngagement', {
  description: '驻点/进驻式监督 One engagement of a stationed group at a host unit: why, when, the methods used and what each produced.',
  autoRegisterImplementations: false,
  resolveType: byOwner('StationedEngagement'),
})
export abstract class StationedEngagementInterface {
  @Field(() => ID, { description: '标识 Identifier.' })
  id!: string;

  @Field(() => ID, { description: '派出机关 The commission that owns it.' })
  jurisdictionCode!: string;

  @Field(() => ID, { description: '派驻组 The group.' })
  groupId!: string;

  @Field(() => ID, { description: '被监督单位 The host unit supervised.' })
  unitId!: string;

  @Field(() => StationedEngagementMode, { description: '监督形式 驻点监督 or 进驻式监督.' })
  mode!: StationedEngagementMode;

  @Field(() => StationedReasonSource, { description: '监督缘由 What prompted it.' })
  reasonSource!: StationedReasonSource;

  @Field(() => String, { description: '缘由说明 The reason, in words.' })
  reason!: string;

  @Field(() => ID, { nullable: true, description: '所涉问题 The finding that prompted it, if any.' })
  reasonFindingId!: string | null;

  @Field(() => ID, { nullable: true, description: '平台信息 The task the platform flagged, if any.' })
  reasonTaskId!: string | null;

  @Field(() => String, { description: '开始日期 First day (YYYY-MM-DD).' })
  startedOn!: string;

  @Field(() => String, { nullable: true, description: '结束日期 Last day (YYYY-MM-DD); null while under way.' })
  endedOn!: string | null;

  @Field(() => StationedEngagementStatus, { description: '进驻状态 Under way or closed.' })
  status!: StationedEngagementStatus;

  @Field(() => [SupervisionMethod], { description: '监督方式 Methods used.' })
  methods!: SupervisionMethod[];

  @Field(() => Int, { description: '谈话人次 How many one-to-one talks were held (a figure anyone who reads the engagement sees).' })
  talkCount!: number;

  @Field(() => [StationedReportHeardType], { description: '听取汇报 Reports heard.' })
  reportsHeard!: StationedReportHeardType[];

  @Field(() => StationedDocumentReviewType, { nullable: true, description: '查阅资料 Documents reviewed.' })
  documentsReviewed!: StationedDocumentReviewType | null;

  @Field(() => StationedQuestionnaireResultType, { nullable: true, description: '问卷调查 Questionnaire result.' })
  questionnaire!: StationedQuestionnaireResultType | null;

  @Field(() => StationedDemocraticEvaluationResultType, { nullable: true, description: '民主测评 Democratic evaluation result.' })
  democraticEvaluation!: StationedDemocraticEvaluationResultType | null;

  @Field(() => String, { nullable: true, description: '监督情况 What it concluded, once closed.' })
  summary!: string | null;

  @Field(() => ID, { nullable: true, description: '监督检查 The stationed supervision check recorded when it closed; its findings enter rectification.' })
  checkId!: string | null;

  @Field(() => Int, { description: '版本 Version; pass it as expectedVersion when recording results or closing.' })
  version!: number;

  @Field(() => Date, { description: '记录时间 When it was recorded.' })
  createdAt!: Date;

  @Field(() => Date, { description: '更新时间 When it last changed.' })
  updatedAt!: Date;
}
