import { TASK_OPERATIONS } from './task.operations';
import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertCanRead, requirePrincipal } from '../authz/guards';
import { levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import type { CadreEntity } from '../org/cadre.entity';
import type { OrgLoaders } from '../org/org.loaders';
import { createConnectionType, PageArgs, type ClassType, type Connection } from '../pagination/connection';
import { selectsTotalCount } from '../pagination/paged-loader';
import type { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import type { ResponsibilityLoaders } from '../responsibility/responsibility.loaders';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { today } from '../calendar/calendar-date';
import { isOverdue } from './overdue';
import { MilestoneEntity } from './milestone.entity';
import { TaskEntity } from './task.entity';
import { CreateTaskInput, TaskFilter, TaskMilestoneInput, TaskSort } from './task.inputs';
import { createTaskLoaders, type TaskLoaders } from './task.loaders';
import {
  addTaskMilestone,
  cancelTask,
  completeTask,
  completeTaskMilestone,
  createTask,
  startTask,
  tasksOfJurisdiction,
  updateTaskProgress,
} from './task.service';
import { TaskInterface, TaskMilestoneType } from './task.types';

type Context = SubgraphContext<JurisdictionLoaders & OrgLoaders & ResponsibilityLoaders & TaskLoaders>;

/** The per-level types of the modules tasks point at. */
export interface TaskLinkedTypes {
  CadreType: ClassType;
  ResponsibilityItemType: ClassType;
}

/** `done` is derived from `doneAt`; the same in every subgraph. */
@Resolver(() => TaskMilestoneType)
class TaskMilestoneResolver {
  @FieldResolver(() => Boolean, { description: '是否完成 Done (derived from doneAt).' })
  done(@Root() milestone: MilestoneEntity): boolean {
    return milestone.doneAt !== null;
  }
}

/**
 * Task lists (任务清单) for one level: `DistrictTask` in the district subgraph, and so on. A task
 * carries out one responsibility item, is owned by that item's jurisdiction, and moves through
 * the workflow in task-workflow.ts; every change is one transaction with its audit entry.
 */
export function createTaskModule(options: LevelOptions, linked: TaskLinkedTypes) {
  const { level } = options;
  const { CadreType, ResponsibilityItemType } = linked;
  const typeName = levelTypeName(level, 'Task');
  const operations = TASK_OPERATIONS[level];

  @Directive('@key(fields: "id")')
  @ObjectType(typeName, { implements: TaskInterface, description: `任务 A task owned by a ${level}.` })
  class TaskType extends TaskInterface {}

  const TaskConnection = createConnectionType(TaskType, typeName);

  @Resolver(() => TaskType)
  class TaskResolver {
    @Query(() => TaskType, { name: operations.task, nullable: true, description: '任务 One task by id.' })
    async task(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<TaskEntity | null> {
      const principal = requirePrincipal(context);
      const task = await context.loaders.taskById.load(assertUuid(id, 'id'));
      if (task) assertCanRead(principal, task.jurisdictionCode);
      return task;
    }

    @FieldResolver(() => Boolean, { description: '是否逾期 Overdue: still open and the due date has passed. Derived on every read, never stored.' })
    overdue(@Root() task: TaskEntity): boolean {
      return isOverdue(task, today());
    }

    @FieldResolver(() => ResponsibilityItemType, { description: '对应责任清单条目 The responsibility item the task carries out.' })
    responsibilityItem(@Root() task: TaskEntity, @Ctx() context: Context): Promise<ResponsibilityItemEntity | null> {
      return context.loaders.responsibilityItemById.load(task.responsibilityItemId);
    }

    @FieldResolver(() => CadreType, { description: '责任人 The cadre responsible for the task.' })
    responsibleCadre(@Root() task: TaskEntity, @Ctx() context: Context): Promise<CadreEntity | null> {
      return context.loaders.cadreById.load(task.cadreId);
    }

    @FieldResolver(() => [TaskMilestoneType], { description: '任务节点 Milestones, in the order they were added.' })
    milestones(@Root() task: TaskEntity, @Ctx() context: Context): Promise<MilestoneEntity[]> {
      return context.loaders.milestonesByTask.load(task.id);
    }

    @FieldResolver(() => options.jurisdictionType, { name: options.jurisdictionField, nullable: true, description: '所属辖区 The jurisdiction that owns the task.' })
    jurisdiction(@Root() task: TaskEntity, @Ctx() context: Context): Promise<JurisdictionRecord | null> {
      return context.loaders.jurisdictionByCode.load(task.jurisdictionCode);
    }

    @Mutation(() => TaskType, { name: operations.createTask, description: '下达任务 Create a task for a responsibility item.' })
    create(@Arg('input', () => CreateTaskInput) input: CreateTaskInput, @Ctx() context: Context): Promise<TaskEntity> {
      return createTask(context, input);
    }

    @Mutation(() => TaskType, {
      name: operations.updateTaskProgress,
      description: '更新进度 Report progress (0–100); a planned task moves to in progress, a closed one is refused.',
    })
    updateProgress(
      @Arg('id', () => ID) id: string,
      @Arg('progress', () => Int) progress: number,
      @Ctx() context: Context,
      @Arg('expectedVersion', () => Int, { nullable: true, description: '期望版本 The version the change is based on; another version is a CONFLICT.' }) expectedVersion?: number,
    ): Promise<TaskEntity> {
      return updateTaskProgress(context, id, progress, expectedVersion);
    }

    @Mutation(() => TaskType, { name: operations.startTask, description: '开始任务 Planned → in progress.' })
    start(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<TaskEntity> {
      return startTask(context, id);
    }

    @Mutation(() => TaskType, { name: operations.completeTask, description: '完成任务 In progress → completed; progress becomes 100.' })
    complete(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<TaskEntity> {
      return completeTask(context, id);
    }

    @Mutation(() => TaskType, { name: operations.cancelTask, description: '撤销任务 Cancel an open task, with the reason.' })
    cancel(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() context: Context): Promise<TaskEntity> {
      return cancelTask(context, id, reason);
    }

    @Mutation(() => TaskType, { name: operations.addTaskMilestone, description: '新增任务节点 Add a milestone to an open task.' })
    addMilestone(
      @Arg('taskId', () => ID) taskId: string,
      @Arg('input', () => TaskMilestoneInput) input: TaskMilestoneInput,
      @Ctx() context: Context,
    ): Promise<TaskEntity> {
      return addTaskMilestone(context, taskId, input);
    }

    @Mutation(() => TaskType, { name: operations.completeTaskMilestone, description: '完成任务节点 Mark a milestone done.' })
    completeMilestone(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<TaskEntity> {
      return completeTaskMilestone(context, id);
    }
  }

  @Resolver(() => CadreType)
  class CadreTasksResolver {
    @FieldResolver(() => [TaskType], { description: '任务清单 Tasks this cadre is responsible for, by due date.' })
    tasks(@Root() cadre: CadreEntity, @Ctx() context: Context): Promise<TaskEntity[]> {
      return context.loaders.tasksByCadre.load(cadre.id);
    }
  }

  @Resolver(() => ResponsibilityItemType)
  class ResponsibilityItemTasksResolver {
    @FieldResolver(() => [TaskType], { description: '任务 Tasks carrying this item out, by due date.' })
    tasks(@Root() item: ResponsibilityItemEntity, @Ctx() context: Context): Promise<TaskEntity[]> {
      return context.loaders.tasksByResponsibilityItem.load(item.id);
    }
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionTasksResolver {
    @FieldResolver(() => TaskConnection, {
      description: '任务清单 Tasks this jurisdiction owns, filtered and sorted (by due date unless told), a page at a time.',
    })
    tasks(
      @Root() jurisdiction: JurisdictionRecord,
      @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | undefined,
      @Arg('sort', () => TaskSort, { nullable: true }) sort: TaskSort | undefined,
      @Args(() => PageArgs) page: PageArgs,
      @Ctx() context: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Connection<TaskEntity>> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      // The dashboard's "most overdue first" pages skip counting every overdue task of each jurisdiction.
      return tasksOfJurisdiction(context, jurisdiction.code, filter ?? new TaskFilter(), sort ?? new TaskSort(), page, selectsTotalCount(info));
    }
  }

  const module: SubgraphModule<TaskLoaders> = {
    entities: [TaskEntity, MilestoneEntity],
    resolvers: [TaskResolver, TaskMilestoneResolver, CadreTasksResolver, ResponsibilityItemTasksResolver, JurisdictionTasksResolver],
    referenceResolvers: {
      [typeName]: {
        __resolveReference: (reference: { id: string }, context: Context) => context.loaders.taskById.load(reference.id),
      },
    },
    createLoaders: createTaskLoaders,
  };
  return { ...module, TaskType };
}
