import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { AttachmentType } from '../attachment/attachment.type';
import { levelOfCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { CadreInterface } from '../org/org.interfaces';
import { DutyRecordKind } from './duty-record-kind';

/**
 * 履职纪实 The level-agnostic view of one version of a duty record. Each level implements it
 * (`CityDutyRecord`, `DistrictDutyRecord`, `StreetDutyRecord`); the type is read off the
 * record's jurisdiction code, as for units and cadres.
 */
@InterfaceType('DutyRecord', {
  description: '履职纪实 One version of a record of a cadre performing a duty, at any level. Corrections add versions; none is overwritten.',
  autoRegisterImplementations: false,
  resolveType: (record: { jurisdictionCode: string }) => levelTypeName(levelOfCode(record.jurisdictionCode)!, 'DutyRecord'),
})
export abstract class DutyRecordInterface {
  @Field(() => ID, { description: 'Identifies this version.' })
  id!: string;

  @Field(() => ID, { description: '纪实编号 Identifies the record across its versions.' })
  recordId!: string;

  @Field(() => Int, { description: '版本 1 for the original, n + 1 for each correction.' })
  version!: number;

  @Field(() => Boolean, { description: '是否最新版本 No later correction exists.' })
  latest!: boolean;

  @Field(() => DutyRecordKind, { description: '类别 Kind.' })
  kind!: DutyRecordKind;

  @Field(() => String, { description: '发生日期 When it happened (YYYY-MM-DD).' })
  occurredOn!: string;

  @Field(() => CadreInterface, { description: '领导干部 The cadre who performed the duty.' })
  cadre!: CadreInterface;

  @Field(() => ID, { nullable: true, description: '任务 The task it carries out.' })
  taskId!: string | null;

  @Field(() => ID, { nullable: true, description: '责任清单条目 The responsibility item it fulfils.' })
  responsibilityItemId!: string | null;

  @Field(() => String, { description: '纪实内容 What was done.' })
  summary!: string;

  @Field(() => String, { nullable: true, description: '更正理由 Why this version replaced the previous one (null on version 1).' })
  correctionReason!: string | null;

  @Field(() => String, { description: '记录人 Who wrote this version (token subject).' })
  recordedBy!: string;

  @Field(() => Date, { description: '记录时间 When this version was written.' })
  createdAt!: Date;

  @Field(() => [AttachmentType], { description: '佐证材料 Evidence files of this version.' })
  attachments!: AttachmentType[];

  @Field(() => [DutyRecordInterface], { description: '全部版本 Every version of this record, oldest first.' })
  versions!: DutyRecordInterface[];

  @Field(() => ID, { description: '所属辖区代码 Code of the jurisdiction that owns the record.' })
  jurisdictionCode!: string;

  @Field(() => Date, {
    nullable: true,
    description: '归档时间 When the record was archived past its retention period; null while current. Archived records leave the default lists, stay readable and are never dropped.',
  })
  archivedAt!: Date | null;
}
