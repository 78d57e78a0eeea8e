import { IsCalendarDate } from '../calendar/is-calendar-date.decorator';
import { NotBlank } from '../validation/common-decorators';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AttachmentInput } from '../attachment/attachment.input';


@InputType('IssueDirectiveInput', { description: '下达任务 A directive to jurisdictions directly below the issuer.' })
export class IssueDirectiveInput {
  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  title!: string;

  @Field(() => String, { description: '工作要求 What the addressees must do.' })
  @Length(1, 20000)
  @NotBlank()
  requirements!: string;

  @Field(() => String, { description: '完成时限 YYYY-MM-DD (Beijing time); today or later.' })
  @IsCalendarDate()
  deadline!: string;

  @Field(() => [ID], { nullable: true, description: 'Codes of jurisdictions directly below the issuer; or set allTargets.' })
  @IsOptional()
  @ArrayMaxSize(400)
  targetCodes?: string[];

  @Field(() => Boolean, { defaultValue: false, description: 'Address every jurisdiction directly below the issuer.' })
  @IsBoolean()
  allTargets: boolean = false;
}

@InputType('CascadeDirectiveInput', {
  description: '转发下达 Passes a directive from the level above on to chosen streets, as the district\'s own directive.',
})
export class CascadeDirectiveInput {
  @Field(() => [ID], { nullable: true, description: 'Codes of the district\'s own streets; or set allTargets.' })
  @IsOptional()
  @ArrayMaxSize(400)
  targetStreetCodes?: string[];

  @Field(() => Boolean, { defaultValue: false, description: 'Address every street of the district.' })
  @IsBoolean()
  allTargets: boolean = false;

  @Field(() => String, { nullable: true, description: 'The district\'s own requirements; default: those of the directive passed on.' })
  @IsOptional()
  @Length(1, 20000)
  @NotBlank()
  requirements?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, no later than the original deadline; default: the original deadline.' })
  @IsOptional()
  @IsCalendarDate()
  deadline?: string;
}

// Named, but never emitted: no field takes it, only the two reports that extend it (type-graphql
// inherits an input's fields only from another registered input type).
/** What every report on a directive carries: its text and the evidence sent with it. */
@InputType('DirectiveReportInput')
abstract class DirectiveReportInput {
  @Field(() => String)
  @Length(1, 20000)
  @NotBlank()
  report!: string;

  @Field(() => [AttachmentInput], { defaultValue: [], description: '佐证材料 Evidence, added to what was sent before.' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  attachments!: AttachmentInput[];
}

@InputType('ReportDirectiveProgressInput', { description: '报告进展 Progress on a directive, with evidence.' })
export class ReportDirectiveProgressInput extends DirectiveReportInput {
  @Field(() => Int, { description: 'Progress in percent, 0–100.' })
  @IsInt()
  @Min(0)
  @Max(100)
  progress!: number;
}

@InputType('CompleteDirectiveInput', { description: '办结 The completion report, with evidence.' })
export class CompleteDirectiveInput extends DirectiveReportInput {}
