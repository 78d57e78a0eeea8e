import { NotBlank } from '../validation/common-decorators';
import { ArrayMaxSize, IsEnum, IsOptional, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsCalendarDate } from '../calendar/is-calendar-date.decorator';
import {
  AccountabilityBasisKind,
  AccountabilityDecisionForm,
  AccountabilityRecordLevel,
  AccountabilityResponsibilityKind,
} from './accountability.enums';
import { OptionalId } from '../validation/optional-id';

/** At most this many records per case opening; more can be cited one by one. */
export const MAX_BASIS_PER_MUTATION = 30;

@InputType('AccountabilityBasisInput', { description: '问责依据 A record the case rests on, named by kind, level and id.' })
export class AccountabilityBasisInput {
  @Field(() => AccountabilityBasisKind)
  @IsEnum(AccountabilityBasisKind)
  kind!: AccountabilityBasisKind;

  @Field(() => AccountabilityRecordLevel, { description: '层级 The level that holds the record: the deciding level or the one directly below.' })
  @IsEnum(AccountabilityRecordLevel)
  level!: AccountabilityRecordLevel;

  @Field(() => ID, { description: 'The record\'s id; for MISSING_DUTY_RECORD, the id of the task or responsibility item without duty records.' })
  id!: string;

  @Field(() => String, { nullable: true, description: '说明 Why this record matters to the case.' })
  @IsOptional()
  @Length(1, 2000)
  @NotBlank()
  note?: string | null;
}

@InputType('OpenAccountabilityCaseInput', { description: '问责立案 A new case; it must cite at least one basis.' })
export class OpenAccountabilityCaseInput {
  @Field(() => ID, { description: '决定层级 The deciding jurisdiction (the caller\'s own, as commission staff).' })
  jurisdictionCode!: string;

  @Field(() => ID, { description: '问责对象所属辖区 The subject\'s jurisdiction: the deciding one or one directly below.' })
  subjectJurisdictionCode!: string;

  @OptionalId({ description: '问责单位 The unit (party organisation) held to account.' })
  subjectUnitId?: string | null;

  @OptionalId({ description: '问责干部 The cadre held to account.' })
  subjectCadreId?: string | null;

  @Field(() => AccountabilityResponsibilityKind)
  @IsEnum(AccountabilityResponsibilityKind)
  responsibilityKind!: AccountabilityResponsibilityKind;

  @Field(() => String, { description: '案由 Title.' })
  @Length(1, 200)
  @NotBlank()
  title!: string;

  @Field(() => String, { description: '问题事实 The facts.' })
  @Length(1, 20_000)
  @NotBlank()
  facts!: string;

  @Field(() => [AccountabilityBasisInput], { description: '问责依据 The records the case rests on; at least one.' })
  @ArrayMaxSize(MAX_BASIS_PER_MUTATION)
  @ValidateNested({ each: true })
  basis!: AccountabilityBasisInput[];
}

@InputType('DecideAccountabilityCaseInput', { description: '问责决定 The decision on a case.' })
export class DecideAccountabilityCaseInput {
  @Field(() => AccountabilityDecisionForm)
  @IsEnum(AccountabilityDecisionForm)
  form!: AccountabilityDecisionForm;

  @Field(() => String, { description: '决定机关 The body that decided (e.g. 市纪委常委会).' })
  @Length(1, 200)
  @NotBlank()
  decidingBody!: string;

  @Field(() => String, { description: '决定日期 Date of the decision, YYYY-MM-DD; not in the future.' })
  @IsCalendarDate()
  decidedOn!: string;

  @Field(() => String, { nullable: true, description: '决定内容 The decision\'s wording.' })
  @IsOptional()
  @Length(1, 20_000)
  @NotBlank()
  text?: string | null;
}
