import { NotBlank } from '../validation/common-decorators';
import { ArrayMaxSize, IsArray, IsEnum, IsIn, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { SortDirection } from '../pagination/sort-direction';
import { IsCalendarDate } from '../calendar/is-calendar-date.decorator';
import { TaskStatus } from './task-status';
import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';
import { OptionalId } from '../validation/optional-id';

@InputType('TaskMilestoneInput')
export class TaskMilestoneInput {
  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  title!: string;

  @Field(() => String, { description: 'YYYY-MM-DD; not in the past, not after the task\'s due date.' })
  @IsCalendarDate()
  dueDate!: string;
}

@InputType('CreateTaskInput')
export class CreateTaskInput {
  @Field(() => ID, { description: 'The responsibility item the task carries out; its jurisdiction owns the task.' })
  @IsUUID()
  responsibilityItemId!: string;

  @OptionalId({
    description: '落实的指令 The directive the task answers: one the own jurisdiction issued, or one the jurisdiction directly above addressed to it. Omit when it answers none.',
  })
  directiveId?: string | null;

  @Field(() => ID, { description: 'The responsible cadre, of the same jurisdiction.' })
  @IsUUID()
  cadreId!: string;

  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  title!: string;

  @Field(() => String, { defaultValue: '' })
  @Length(0, 5000)
  description: string = '';

  @Field(() => String, { description: 'YYYY-MM-DD, today or later.' })
  @IsCalendarDate()
  dueDate!: string;

  @Field(() => [TaskMilestoneInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  milestones!: TaskMilestoneInput[];
}

@InputType('TaskFilter', { description: '筛选 Narrows a task list; all given conditions hold.' })
export class TaskFilter {
  @Field(() => [TaskStatus], { nullable: true, description: 'Any of these statuses.' })
  @IsOptional()
  @IsEnum(TaskStatus, { each: true })
  status?: TaskStatus[];

  @Field(() => String, { nullable: true, description: 'Category of the task\'s responsibility item.' })
  @IsOptional()
  categoryCode?: string;

  @OptionalId()
  cadreId?: string;

  @Field(() => String, { nullable: true, description: 'Due on or after, YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  dueFrom?: string;

  @Field(() => String, { nullable: true, description: 'Due on or before, YYYY-MM-DD.' })
  @IsOptional()
  @IsCalendarDate()
  dueTo?: string;

  @Field(() => String, { nullable: true, description: 'Words in the title or description.' })
  @IsOptional()
  @Length(1, 200)
  text?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: only overdue tasks; false: none of them.' })
  @IsOptional()
  overdue?: boolean;
}

export const TaskSortField = bilingualEnum('TaskSortField', '任务排序字段 What a task list is sorted by.', {
  DUE_DATE: null,
  CREATED_AT: null,
  PROGRESS: null,
  TITLE: null,
});
export type TaskSortField = EnumValue<typeof TaskSortField>;

@InputType('TaskSort')
export class TaskSort {
  @Field(() => TaskSortField, { defaultValue: TaskSortField.DUE_DATE })
  @IsIn(Object.values(TaskSortField))
  field: TaskSortField = TaskSortField.DUE_DATE;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  @IsIn(Object.values(SortDirection))
  direction: SortDirection = SortDirection.ASC;
}
