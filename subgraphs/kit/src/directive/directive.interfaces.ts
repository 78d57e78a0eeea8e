import { Directive, Field, Float, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { AttachmentType } from '../attachment/attachment.type';
import { levelOfCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import type { DirectiveResponseStatusCode } from './directive-response.entity';
import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

export const DirectiveResponseStatus = bilingualEnum('DirectiveResponseStatus', '回应状态 Where an addressee stands with a directive.', {
  ACKNOWLEDGED: '已签收 Received, no progress reported yet.',
  IN_PROGRESS: '推进中 Progress reported, not finished.',
  COMPLETED: '已完成 Finished (progress 100).',
});
export type DirectiveResponseStatus = EnumValue<typeof DirectiveResponseStatus>;

/**
 * 任务下达 The level-agnostic view of a directive. `CityDirective` lives in the city subgraph,
 * `DistrictDirective` in the district subgraph; the issuer's code tells which one a record is.
 */
@InterfaceType('Directive', {
  description: '任务下达 A directive a level issues to jurisdictions directly below it.',
  autoRegisterImplementations: false,
  resolveType: (directive: { issuerCode: string }) => levelTypeName(levelOfCode(directive.issuerCode)!, 'Directive'),
})
export abstract class DirectiveInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '下达单位 Code of the issuing jurisdiction.' })
  issuerCode!: string;

  @Field(() => ID, { nullable: true, description: '上级任务 The directive from the level above this one passes on, if any.' })
  parentDirectiveId!: string | null;

  @Field(() => String, { description: '标题 Title.' })
  title!: string;

  @Field(() => String, { description: '工作要求 What the addressees must do.' })
  requirements!: string;

  @Field(() => String, { description: '完成时限 Deadline, a calendar date (YYYY-MM-DD, Beijing time).' })
  deadline!: string;

  @Field(() => [ID], { description: '下达对象 Codes of the addressed jurisdictions, ordered by code.' })
  targetCodes!: string[];

  @Field(() => String, { description: '下达人 Who issued it (token subject).' })
  issuedBy!: string;

  @Field(() => Date, { description: '下达时间 When it was issued.' })
  issuedAt!: Date;
}

/**
 * 回应 An addressee's answer to a directive from the level above, owned by the answering level:
 * `DistrictDirectiveResponse` (a district answering the city) in the district subgraph,
 * `StreetDirectiveResponse` (a street answering its district) in the street subgraph.
 */
@InterfaceType('DirectiveResponse', {
  description: '回应 An addressee\'s answer to a directive, with its progress.',
  autoRegisterImplementations: false,
  resolveType: (response: { responderCode: string }) =>
    levelTypeName(levelOfCode(response.responderCode)!, 'DirectiveResponse'),
})
export abstract class DirectiveResponseInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: '任务 Id of the directive answered (it lives in the level above).' })
  directiveId!: string;

  @Field(() => ID, { description: '回应单位 Code of the answering jurisdiction.' })
  responderCode!: string;

  @Field(() => DirectiveResponseStatus, { description: '状态 Status.' })
  status!: DirectiveResponseStatusCode;

  @Field(() => Int, { description: '进度 Progress in percent, 0–100.' })
  progress!: number;

  @Field(() => String, { description: '进展情况 The latest progress or completion report.' })
  report!: string;

  @Field(() => Date, { description: '签收时间 When it was acknowledged.' })
  acknowledgedAt!: Date;

  @Field(() => Date, { nullable: true, description: '完成时间 When it was completed.' })
  completedAt!: Date | null;

  @Field(() => Date, { description: '更新时间 Last change.' })
  updatedAt!: Date;

  @Field(() => [AttachmentType], { description: '佐证材料 Evidence sent with the reports, oldest first.' })
  attachments!: AttachmentType[];
}

/**
 * 逐级汇总 How the addressees of one directive stand, counted in ONE SQL statement by the level
 * that owns the responses. Every addressee counts, answered or not: one that has not answered is
 * `pending` and counts as 0 in the average.
 */
@Directive('@shareable')
@ObjectType('DirectiveProgress', { description: '逐级汇总 Progress of a directive over all its addressees.' })
export class DirectiveProgressType {
  @Field(() => Int, { description: '下达对象数 Number of addressees.' })
  targets!: number;

  @Field(() => Int, { description: '未签收 Addressees that have not answered yet.' })
  pending!: number;

  @Field(() => Int, { description: '已签收 Addressees that have answered (in any status).' })
  acknowledged!: number;

  @Field(() => Int, { description: '推进中 Addressees whose status is IN_PROGRESS.' })
  inProgress!: number;

  @Field(() => Int, { description: '已完成 Addressees whose status is COMPLETED.' })
  completed!: number;

  @Field(() => Float, { description: '平均进度 Mean progress over all addressees (no answer = 0), one decimal.' })
  averageProgress!: number;
}
