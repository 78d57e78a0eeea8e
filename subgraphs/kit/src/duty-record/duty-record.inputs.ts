import { NotBlank } from '../validation/common-decorators';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { AttachmentInput } from '../attachment/attachment.input';
import { IsCalendarDate } from '../calendar/is-calendar-date.decorator';
import { DutyRecordKind } from './duty-record-kind';
import { OptionalId } from '../validation/optional-id';

/** At most this many files per mutation; more can follow in a correction. */
export const MAX_ATTACHMENTS_PER_MUTATION = 10;

@InputType('RecordDutyInput', { description: '履职纪实 A new duty record (version 1).' })
export class RecordDutyInput {
  @Field(() => ID, { description: '领导干部 The cadre who performed the duty; the record belongs to the cadre\'s jurisdiction.' })
  @IsUUID()
  cadreId!: string;

  @Field(() => DutyRecordKind)
  @IsEnum(DutyRecordKind)
  kind!: DutyRecordKind;

  @Field(() => String, { description: '发生日期 When it happened, YYYY-MM-DD; not in the future.' })
  @IsCalendarDate()
  occurredOn!: string;

  @OptionalId({ description: '任务 The task it carries out (this or responsibilityItemId, or both).' })
  taskId?: string | null;

  @OptionalId({ description: '责任清单条目 The responsibility item it fulfils.' })
  responsibilityItemId?: string | null;

  @Field(() => String, { description: '纪实内容 What was done.' })
  @Length(1, 10_000)
  @NotBlank()
  summary!: string;

  @Field(() => [AttachmentInput], { description: '佐证材料 Evidence files.' })
  @ArrayMaxSize(MAX_ATTACHMENTS_PER_MUTATION)
  @ValidateNested({ each: true })
  attachments: AttachmentInput[] = [];
}

@InputType('CorrectDutyRecordInput', {
  description: '更正履职纪实 A correction: a new version with the given changes; omitted fields keep their values.',
})
export class CorrectDutyRecordInput {
  @OptionalId()
  cadreId?: string | null;

  @Field(() => DutyRecordKind, { nullable: true })
  @IsOptional()
  @IsEnum(DutyRecordKind)
  kind?: DutyRecordKind | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; not in the future.' })
  @IsOptional()
  @IsCalendarDate()
  occurredOn?: string | null;

  @OptionalId()
  taskId?: string | null;

  @OptionalId()
  responsibilityItemId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 10_000)
  @NotBlank()
  summary?: string | null;

  @Field(() => String, { description: '更正理由 Why the record is corrected.' })
  @Length(1, 2_000)
  @NotBlank()
  reason!: string;

  @Field(() => [AttachmentInput], { description: '佐证材料 Files added in this version.' })
  @ArrayMaxSize(MAX_ATTACHMENTS_PER_MUTATION)
  @ValidateNested({ each: true })
  attachments: AttachmentInput[] = [];

  @Field(() => [ID], {
    description: 'The previous version\'s files NOT to carry over (a wrong file); all others are kept.',
  })
  @IsUUID(undefined, { each: true })
  removeAttachmentIds: string[] = [];
}

@InputType('DutyRecordFilter', { description: '筛选 Narrows a list of duty records; every given condition must hold.' })
export class DutyRecordFilter {
  @Field(() => DutyRecordKind, { nullable: true })
  @IsOptional()
  @IsEnum(DutyRecordKind)
  kind?: DutyRecordKind | null;

  @OptionalId()
  cadreId?: string | null;

  @OptionalId()
  taskId?: string | null;

  @OptionalId()
  responsibilityItemId?: string | null;

  @Field(() => String, { nullable: true, description: 'Occurred on or after this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Occurred on or before this date (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string | null;

  @Field(() => String, { nullable: true, description: 'Words the summary contains (case-insensitive).' })
  @IsOptional()
  @Length(1, 200)
  text?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '已归档 false or absent: current records only (the default list); true: archived records only — commission staff only.',
  })
  @IsOptional()
  archived?: boolean | null;
}
