import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsCalendarDate } from '../calendar/is-calendar-date.decorator';
import { FollowUpStatus } from '../assessment/assessment.types';
import { DutyRecordKind } from '../duty-record/duty-record-kind';
import { UnitKind } from '../org/unit-kind';
import { MAX_PAGE_SIZE, PAGE_SIZE_DESCRIPTION } from '../pagination/connection';
import { SortDirection } from '../pagination/sort-direction';
import { SupervisionCheckMode, SupervisionFindingStatus } from '../supervision/supervision.enums';
import { TaskStatus } from '../task/task-status';
import { MAX_SCOPE_CODES } from './citywide-scope';
import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

/** What every city-wide list takes: the scope and one page. */
@ArgsType()
export class CitywideListArgs {
  @Field(() => [String], {
    nullable: true,
    description: `范围 Jurisdictions covered, each with everything below it: ["120000"] the whole city, ["120116"] a district and its streets. Default: the caller's own jurisdiction. At most ${MAX_SCOPE_CODES}.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SCOPE_CODES)
  scope?: string[];

  @Field(() => Int, { defaultValue: 20, description: PAGE_SIZE_DESCRIPTION })
  @Min(0, { message: `每页条数不能为负 / must be between 0 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `每页最多 ${MAX_PAGE_SIZE} 条 / must be between 0 and ${MAX_PAGE_SIZE}` })
  first: number = 20;

  @Field(() => String, { nullable: true, description: '游标 The `endCursor` of the previous page (the same filter and order).' })
  @IsOptional()
  @IsString()
  after?: string;

  @Field(() => SortDirection, { nullable: true, description: '排序方向 Direction; each list has its own default.' })
  @IsOptional()
  @IsEnum(SortDirection)
  direction?: SortDirection;
}

export const CitywideTaskSort = bilingualEnum('CitywideTaskSort', '全市任务排序 Orders of the city-wide task list.', {
  DAYS_OVERDUE: '逾期天数 Days overdue (default, most first).',
  DUE_DATE: '截止日期 Due date.',
  PROGRESS: '进度 Progress.',
  CREATED: '创建顺序 Creation order.',
});
export type CitywideTaskSort = EnumValue<typeof CitywideTaskSort>;

@InputType('CitywideTaskFilter', { description: '全市任务筛选 Narrows the city-wide task list; all given conditions hold.' })
export class CitywideTaskFilter {
  @Field(() => [TaskStatus], { nullable: true, description: '状态 Any of these statuses.' })
  @IsOptional()
  @IsEnum(TaskStatus, { each: true })
  status?: TaskStatus[];

  @Field(() => Boolean, { nullable: true, description: '逾期 Only overdue tasks (true) or only others (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => Int, { nullable: true, description: '最少逾期天数 Only tasks overdue by at least this many days.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  minDaysOverdue?: number;

  @Field(() => String, { nullable: true, description: '责任类别 Category of the task\'s responsibility item.' })
  @IsOptional()
  @Length(1, 200)
  categoryCode?: string;

  @Field(() => String, { nullable: true, description: '截止日期起 Due on or after (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  dueFrom?: string;

  @Field(() => String, { nullable: true, description: '截止日期止 Due on or before (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  dueTo?: string;

  @Field(() => String, { nullable: true, description: '关键词 Words in the title or description.' })
  @IsOptional()
  @Length(1, 200)
  text?: string;
}

export const CitywideDutyRecordSort = bilingualEnum('CitywideDutyRecordSort', '全市履职纪实排序 Orders of the city-wide duty-record list.', {
  OCCURRED_ON: '发生日期 Date of the duty (default, newest first).',
  CREATED: '创建顺序 Creation order.',
});
export type CitywideDutyRecordSort = EnumValue<typeof CitywideDutyRecordSort>;

@InputType('CitywideDutyRecordFilter', { description: '全市履职纪实筛选 Narrows the city-wide duty-record list (latest versions).' })
export class CitywideDutyRecordFilter {
  @Field(() => DutyRecordKind, { nullable: true, description: '类型 Kind of duty.' })
  @IsOptional()
  @IsEnum(DutyRecordKind)
  kind?: DutyRecordKind;

  @Field(() => String, { nullable: true, description: '起 On or after (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @Field(() => String, { nullable: true, description: '止 On or before (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @Field(() => String, { nullable: true, description: '关键词 Words in the summary.' })
  @IsOptional()
  @Length(1, 200)
  text?: string;
}

export const CitywideNameSort = bilingualEnum('CitywideNameSort', '名称排序 Orders of the city-wide cadre and unit lists.', {
  NAME: '名称（按码位）Name, by code point (default).',
  CREATED: '创建顺序 Creation order.',
});
export type CitywideNameSort = EnumValue<typeof CitywideNameSort>;

@InputType('CitywideCadreFilter', { description: '全市干部筛选 Narrows the city-wide cadre list.' })
export class CitywideCadreFilter {
  @Field(() => String, { nullable: true, description: '关键词 Words in the name or position.' })
  @IsOptional()
  @Length(1, 200)
  text?: string;

  @Field(() => Boolean, { nullable: true, description: '主要负责人 Only principal leaders (true) or only others (false).' })
  @IsOptional()
  @IsBoolean()
  principal?: boolean;

  @Field(() => String, {
    nullable: true,
    description: '无履职纪实起 With noDutyRecordTo: only cadres with no duty record (latest version) dated in the period. 无履职纪实的干部.',
  })
  @IsOptional()
  @IsCalendarDate()
  noDutyRecordFrom?: string;

  @Field(() => String, { nullable: true, description: '无履职纪实止 End of that period (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  noDutyRecordTo?: string;
}

@InputType('CitywideUnitFilter', { description: '全市单位筛选 Narrows the city-wide unit list.' })
export class CitywideUnitFilter {
  @Field(() => UnitKind, { nullable: true, description: '单位类型 Kind of unit.' })
  @IsOptional()
  @IsEnum(UnitKind)
  kind?: UnitKind;

  @Field(() => String, { nullable: true, description: '关键词 Words in the name.' })
  @IsOptional()
  @Length(1, 200)
  text?: string;

  @Field(() => Int, { nullable: true, description: '无责任清单年度 Only units with no responsibility item of this year on any of their lists.' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  noResponsibilityListYear?: number;
}

export const CitywideFindingSort = bilingualEnum('CitywideFindingSort', '全市问题排序 Orders of the city-wide findings list.', {
  DAYS_OVERDUE: '整改逾期天数 Days the rectification is overdue (default, most first).',
  DEADLINE: '整改期限 Rectification deadline.',
  CREATED: '创建顺序 Creation order.',
});
export type CitywideFindingSort = EnumValue<typeof CitywideFindingSort>;

@InputType('CitywideFindingFilter', { description: '全市问题筛选 Narrows the city-wide findings list (findings about units in the scope).' })
export class CitywideFindingFilter {
  @Field(() => [SupervisionFindingStatus], { nullable: true, description: '状态 Any of these statuses.' })
  @IsOptional()
  @IsEnum(SupervisionFindingStatus, { each: true })
  status?: SupervisionFindingStatus[];

  @Field(() => Boolean, { nullable: true, description: '未整改 Only findings not yet rectified (neither accepted nor confirmed).' })
  @IsOptional()
  @IsBoolean()
  notRectified?: boolean;

  @Field(() => Boolean, { nullable: true, description: '整改逾期 Only findings whose rectification is overdue (true) or only others (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: '查而不改 Only findings a follow-up re-opened.' })
  @IsOptional()
  @IsBoolean()
  checkedButNotFixed?: boolean;

  @Field(() => String, { nullable: true, description: '期限起 Deadline on or after (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  deadlineFrom?: string;

  @Field(() => String, { nullable: true, description: '期限止 Deadline on or before (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  deadlineTo?: string;
}

export const CitywideCheckSort = bilingualEnum('CitywideCheckSort', '全市检查排序 Orders of the city-wide check list.', {
  CHECKED_ON: '检查日期 Date of the check (default, newest first).',
  CREATED: '创建顺序 Creation order.',
});
export type CitywideCheckSort = EnumValue<typeof CitywideCheckSort>;

@InputType('CitywideCheckFilter', { description: '全市检查筛选 Narrows the city-wide check list (checks of units in the scope).' })
export class CitywideCheckFilter {
  @Field(() => SupervisionCheckMode, { nullable: true, description: '检查方式 On site or online.' })
  @IsOptional()
  @IsEnum(SupervisionCheckMode)
  mode?: SupervisionCheckMode;

  @Field(() => String, { nullable: true, description: '起 Checked on or after (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @Field(() => String, { nullable: true, description: '止 Checked on or before (YYYY-MM-DD).' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export const CitywideInterviewSort = bilingualEnum('CitywideInterviewSort', '全市约谈排序 Orders of the city-wide interview list.', {
  HELD_ON: '约谈日期 Date held (default, oldest first).',
  CREATED: '创建顺序 Creation order.',
});
export type CitywideInterviewSort = EnumValue<typeof CitywideInterviewSort>;

@InputType('CitywideInterviewFilter', { description: '全市约谈筛选 Narrows the city-wide interview list.' })
export class CitywideInterviewFilter {
  @Field(() => FollowUpStatus, { nullable: true, description: '回访状态 AWAITING_FOLLOW_UP: interviews never followed up (一谈了之).' })
  @IsOptional()
  @IsEnum(FollowUpStatus)
  followUpStatus?: FollowUpStatus;
}
