import { Directive, Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { levelOfCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { CadreInterface } from '../org/org.interfaces';
import { ResponsibilityItemInterface } from '../responsibility/responsibility.types';
import { TaskStatus } from './task-status';

/** 节点 A milestone; the same shape in every subgraph, each resolving only its own level's. */
@Directive('@shareable')
@ObjectType('TaskMilestone', { description: '任务节点 A milestone of a task.' })
export class TaskMilestoneType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '节点名称 Title.' })
  title!: string;

  @Field(() => String, { description: '节点时限 Due date, YYYY-MM-DD.' })
  dueDate!: string;

  @Field(() => Date, { nullable: true, description: '完成时间 When it was marked done.' })
  doneAt!: Date | null;

  @Field(() => Boolean, { description: '是否完成 Done (derived from doneAt).' })
  done!: boolean;
}

/**
 * The level-agnostic view of a task (任务清单); each level implements it with its own type
 * (`DistrictTask` …), picked from the record's jurisdiction code.
 */
@InterfaceType('Task', {
  description: '任务 A task carrying out a responsibility item, at any level.',
  autoRegisterImplementations: false,
  resolveType: (task: { jurisdictionCode: string }) => levelTypeName(levelOfCode(task.jurisdictionCode)!, 'Task'),
})
export abstract class TaskInterface {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '任务名称 Title.' })
  title!: string;

  @Field(() => String, { description: '任务说明 Description.' })
  description!: string;

  @Field(() => String, { description: '完成时限 Due date, YYYY-MM-DD (a day in China Standard Time).' })
  dueDate!: string;

  @Field(() => Int, { description: '进度 Progress in percent, 0–100.' })
  progress!: number;

  @Field(() => Int, { description: '版本 Record version: raised by every change; send it back as expectedVersion so a change made meanwhile by someone else is refused (CONFLICT) instead of overwritten.' })
  version!: number;

  @Field(() => TaskStatus, { description: '状态 Status.' })
  status!: TaskStatus;

  @Field(() => String, { nullable: true, description: '撤销原因 Why the task was cancelled.' })
  cancelReason!: string | null;

  @Field(() => Date, { nullable: true, description: '完成时间 When the task was completed.' })
  completedAt!: Date | null;

  @Field(() => Boolean, { description: '是否逾期 Overdue: still open and the due date has passed. Derived on every read, never stored.' })
  overdue!: boolean;

  @Field(() => ResponsibilityItemInterface, { description: '对应责任清单条目 The responsibility item the task carries out.' })
  responsibilityItem!: ResponsibilityItemInterface;

  @Field(() => CadreInterface, { description: '责任人 The cadre responsible for the task.' })
  responsibleCadre!: CadreInterface;

  @Field(() => [TaskMilestoneType], { description: '任务节点 Milestones, in the order they were added.' })
  milestones!: TaskMilestoneType[];

  @Field(() => ID, { description: '所属辖区代码 Code of the jurisdiction that owns the task.' })
  jurisdictionCode!: string;

  @Field(() => Date)
  createdAt!: Date;
}
