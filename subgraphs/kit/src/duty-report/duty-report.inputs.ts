import { NotBlank } from '../validation/common-decorators';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { IsCalendarDate } from '../calendar/is-calendar-date.decorator';
import { NamedUnitInput } from '../org/named-unit';
import { DutyReportRating } from './duty-report.types';

@InputType('DutyReportReporterInput', { description: '述责人 A principal leader who reports; ids are plain (the unit may belong to the level below).' })
export class DutyReportReporterInput extends NamedUnitInput {
  @Field(() => ID)
  @IsUUID()
  cadreId!: string;

  @Field(() => String)
  @Length(1, 100)
  @NotBlank()
  cadreName!: string;

  @Field(() => String)
  @Length(1, 200)
  cadrePosition!: string;
}

@InputType('CreateDutyReportSessionInput')
export class CreateDutyReportSessionInput {
  @Field(() => ID, { description: 'The level holding the session: must be the caller\'s own.' })
  @Matches(/^\d{6}$/, { message: '须为市级或区级代码 / must be a city or district code' })
  ownerCode!: string;

  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  title!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @IsCalendarDate()
  heldOn!: string;

  @Field(() => [DutyReportReporterInput], { description: 'In order of reporting.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested()
  reporters!: DutyReportReporterInput[];
}

@InputType('AskDutyReportQuestionInput')
export class AskDutyReportQuestionInput {
  @Field(() => ID)
  @IsUUID()
  reporterId!: string;

  @Field(() => String, { description: '提问人 The plenary member asking.' })
  @Length(1, 100)
  @NotBlank()
  askerName!: string;

  @Field(() => String)
  @Length(1, 5000)
  @NotBlank()
  question!: string;
}

@InputType('AnswerDutyReportQuestionInput')
export class AnswerDutyReportQuestionInput {
  @Field(() => String)
  @Length(1, 20000)
  @NotBlank()
  answer!: string;
}

@InputType('EvaluateDutyReporterInput')
export class EvaluateDutyReporterInput {
  @Field(() => DutyReportRating)
  @IsEnum(DutyReportRating)
  rating!: DutyReportRating;

  @Field(() => Float, { nullable: true, description: '0–100' })
  @IsOptional()
  @Min(0)
  @Max(100)
  score?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 5000)
  remarks?: string | null;
}
