import { IsCalendarDate } from '../calendar/is-calendar-date.decorator';
import { NotBlank, IsAdministrativeCode } from '../validation/common-decorators';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AttachmentInput } from '../attachment/attachment.input';
import { SupervisionCheckMode, SupervisionMethod } from './supervision.enums';

@InputType('CreateSupervisionOfficeInput')
export class CreateSupervisionOfficeInput {
  @Field(() => ID, { description: 'The supervising jurisdiction: must be the caller\'s own.' })
  @IsAdministrativeCode()
  jurisdictionCode!: string;

  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  name!: string;
}

@InputType('AddSupervisionContactInput')
export class AddSupervisionContactInput {
  @Field(() => ID)
  @IsUUID()
  officeId!: string;

  @Field(() => ID, { description: 'A unit of the level directly below, or of the supervising level itself.' })
  @IsUUID()
  unitId!: string;

  @Field(() => ID, { description: 'The unit\'s jurisdiction (no cross-database keys: stored with the id).' })
  @IsAdministrativeCode()
  unitJurisdictionCode!: string;
}

@InputType('RemoveSupervisionContactInput', { description: '移出联系单位 Taking a unit off an office\'s contact list, from today; the record stays.' })
export class RemoveSupervisionContactInput {
  @Field(() => ID, { description: '监督检查室 The office.' })
  @IsUUID()
  officeId!: string;

  @Field(() => ID, { description: '单位 The contact unit to take off the list.' })
  @IsUUID()
  unitId!: string;
}

@InputType('DrawSupervisionPlanInput', { description: '季度抽查 The quarter to draw; the seed is derived from the recorded inputs, never passed.' })
export class DrawSupervisionPlanInput {
  @Field(() => ID)
  @IsUUID()
  officeId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter!: number;
}

@InputType('SpotCheckInput')
export class SpotCheckInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000)
  description?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  responsibilityItemId?: string;
}

@InputType('NewFindingInput')
export class NewFindingInput {
  @Field(() => String)
  @Length(1, 4000)
  @NotBlank()
  description!: string;

  @Field(() => String, { description: '整改期限 YYYY-MM-DD' })
  @IsCalendarDate()
  deadline!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cadreId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  responsibilityItemId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  taskId?: string;
}

@InputType('CreateSupervisionCheckInput')
export class CreateSupervisionCheckInput {
  @Field(() => ID, { nullable: true, description: 'The office that ran the check.' })
  @IsOptional()
  @IsUUID()
  officeId?: string;

  @Field(() => ID, { nullable: true, description: 'The quarterly plan carried out; the unit must be one it drew.' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @Field(() => ID)
  @IsUUID()
  unitId!: string;

  @Field(() => ID)
  @IsAdministrativeCode()
  unitJurisdictionCode!: string;

  @Field(() => SupervisionCheckMode)
  @IsEnum(SupervisionCheckMode)
  mode!: SupervisionCheckMode;

  @Field(() => Boolean, { defaultValue: false })
  @IsBoolean()
  stationed: boolean = false;

  @Field(() => [SupervisionMethod], { defaultValue: [] })
  @IsArray()
  @IsEnum(SupervisionMethod, { each: true })
  methods!: SupervisionMethod[];

  @Field(() => [SpotCheckInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  spotChecks!: SpotCheckInput[];

  @Field(() => String)
  @IsCalendarDate()
  checkedOn!: string;

  @Field(() => String)
  @Length(1, 10000)
  @NotBlank()
  summary!: string;

  @Field(() => [NewFindingInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  findings!: NewFindingInput[];
}

@InputType('FollowUpOutcomeInput')
export class FollowUpOutcomeInput {
  @Field(() => ID)
  @IsUUID()
  findingId!: string;

  @Field(() => Boolean, { description: 'true: it stayed fixed (confirmed); false: not fixed (查而不改, re-opened).' })
  @IsBoolean()
  stillRectified!: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 4000)
  comment?: string;

  @Field(() => String, { nullable: true, description: 'New rectification deadline; required when re-opening.' })
  @IsOptional()
  @IsCalendarDate()
  newDeadline?: string;
}

@InputType('CreateFollowUpCheckInput')
export class CreateFollowUpCheckInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  officeId?: string;

  @Field(() => ID)
  @IsUUID()
  unitId!: string;

  @Field(() => ID)
  @IsAdministrativeCode()
  unitJurisdictionCode!: string;

  @Field(() => SupervisionCheckMode)
  @IsEnum(SupervisionCheckMode)
  mode!: SupervisionCheckMode;

  @Field(() => String)
  @IsCalendarDate()
  checkedOn!: string;

  @Field(() => String)
  @Length(1, 10000)
  @NotBlank()
  summary!: string;

  @Field(() => [FollowUpOutcomeInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  outcomes!: FollowUpOutcomeInput[];
}

@InputType('SubmitRectificationReportInput')
export class SubmitRectificationReportInput {
  @Field(() => ID, { description: 'The finding answered (of the level above, or of one\'s own level).' })
  @IsUUID()
  findingId!: string;

  @Field(() => String, { description: '整改情况 What was done.' })
  @Length(1, 10000)
  @NotBlank()
  summary!: string;

  @Field(() => [AttachmentInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  attachments!: AttachmentInput[];
}
