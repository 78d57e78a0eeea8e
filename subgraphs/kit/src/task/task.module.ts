import { assertExpectedVersion } from '../mutation/record-version';
import { TASK_OPERATIONS } from './task.operations';
import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Principal } from '../auth/principal';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { runInTransaction, type MutationScope } from '../mutation/run-in-transaction';
import type { CadreEntity } from '../org/cadre.entity';
import type { OrgLoaders } from '../org/org.loaders';
import { createConnectionType, PageArgs, type ClassType, type Connection } from '../pagination/connection';
import { pagedLoader } from '../pagination/paged-loader';
import type { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import type { ResponsibilityLoaders } from '../responsibility/responsibility.loaders';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { today } from '../calendar/calendar-date';
import { isOverdue } from './overdue';
import { MilestoneEntity } from './milestone.entity';
import { applyTaskFilter, taskSortColumn } from './task-filter';
import { assertTransition, isClosed, statusAfterProgress } from './task-workflow';
import { TaskEntity, type TaskStatusCode } from './task.entity';
import { CreateTaskInput, TaskFilter, TaskMilestoneInput, TaskSort } from './task.inputs';
import { createTaskLoaders, type TaskLoaders } from './task.loaders';
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

  /** Finds the task and checks the caller may change it, before any transaction opens. */
  async function taskForWrite(context: Context, id: string, field = 'id'): Promise<{ principal: Principal; task: TaskEntity }> {
    const principal = requirePrincipal(context);
    const task = await context.loaders.taskById.load(assertUuid(id, field));
    if (!task) throw notFound('task', id);
    assertCanWrite(principal, task.jurisdictionCode);
    return { principal, task };
  }

  /**
   * One change of one task: the row is re-read under a row lock, so two concurrent changes of
   * the same task take turns and each sees the status the other left behind.
   */
  function changeTask(
    context: Context,
    principal: Principal,
    taskId: string,
    action: string,
    change: (task: TaskEntity, scope: MutationScope) => void | Promise<void>,
  ): Promise<TaskEntity> {
    return runInTransaction(context, principal, async (scope) => {
      const task = await lockTask(scope.em, taskId);
      const before = { ...task };
      await change(task, scope);
      await scope.audit({ action, entityType: 'Task', entityId: task.id, ownerCode: task.jurisdictionCode, before, after: task });
      return task;
    });
  }

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
    async create(@Arg('input', () => CreateTaskInput) input: CreateTaskInput, @Ctx() context: Context): Promise<TaskEntity> {
      const principal = requirePrincipal(context);
      const item = await context.loaders.responsibilityItemById.load(input.responsibilityItemId);
      if (!item) throw notFound('responsibility item', input.responsibilityItemId);
      assertCanWrite(principal, item.jurisdictionCode);
      const cadre = await context.loaders.cadreById.load(input.cadreId);
      if (!cadre) throw notFound('cadre', input.cadreId);
      if (cadre.jurisdictionCode !== item.jurisdictionCode) {
        throw badUserInput('input.cadreId', `cadre ${cadre.id} belongs to ${cadre.jurisdictionCode}, the item to ${item.jurisdictionCode}`);
      }
      const now = today();
      assertNotPast(input.dueDate, now, 'input.dueDate');
      input.milestones.forEach((milestone, index) => assertMilestoneDue(milestone, input.dueDate, now, `input.milestones.${index}.dueDate`));

      return runInTransaction(context, principal, async ({ em, audit }) => {
        const task = em.create(TaskEntity, {
          jurisdictionCode: item.jurisdictionCode,
          responsibilityItemId: item.id,
          cadreId: cadre.id,
          title: input.title.trim(),
          description: input.description.trim(),
          dueDate: input.dueDate,
        });
        // The columns carry no ORM relation, so the unit of work cannot order the inserts itself.
        await em.flush();
        const milestones = input.milestones.map((milestone, position) =>
          em.create(MilestoneEntity, { taskId: task.id, title: milestone.title.trim(), dueDate: milestone.dueDate, position }),
        );
        await audit({ action: 'create', entityType: 'Task', entityId: task.id, ownerCode: task.jurisdictionCode, after: { ...task, milestones } });
        return task;
      });
    }

    @Mutation(() => TaskType, {
      name: operations.updateTaskProgress,
      description: '更新进度 Report progress (0–100); a planned task moves to in progress, a closed one is refused.',
    })
    async updateProgress(
      @Arg('id', () => ID) id: string,
      @Arg('progress', () => Int) progress: number,
      @Ctx() context: Context,
      @Arg('expectedVersion', () => Int, { nullable: true, description: '期望版本 The version the change is based on; another version is a CONFLICT.' }) expectedVersion?: number,
    ): Promise<TaskEntity> {
      if (progress < 0 || progress > 100) throw badUserInput('progress', `must be between 0 and 100, got ${progress}`);
      const { principal, task } = await taskForWrite(context, id);
      return changeTask(context, principal, task.id, 'update', (locked) => {
        assertExpectedVersion(locked, expectedVersion, 'expectedVersion');
        locked.status = statusAfterProgress(locked.status);
        locked.progress = progress;
      });
    }

    @Mutation(() => TaskType, { name: operations.startTask, description: '开始任务 Planned → in progress.' })
    async start(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<TaskEntity> {
      const { principal, task } = await taskForWrite(context, id);
      return changeTask(context, principal, task.id, 'transition', (locked) => {
        locked.status = assertTransition(locked.status, 'IN_PROGRESS');
      });
    }

    @Mutation(() => TaskType, { name: operations.completeTask, description: '完成任务 In progress → completed; progress becomes 100.' })
    async complete(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<TaskEntity> {
      const { principal, task } = await taskForWrite(context, id);
      return changeTask(context, principal, task.id, 'transition', (locked) => {
        locked.status = assertTransition(locked.status, 'COMPLETED');
        locked.progress = 100;
        locked.completedAt = new Date();
      });
    }

    @Mutation(() => TaskType, { name: operations.cancelTask, description: '撤销任务 Cancel an open task, with the reason.' })
    async cancel(@Arg('id', () => ID) id: string, @Arg('reason', () => String) reason: string, @Ctx() context: Context): Promise<TaskEntity> {
      const trimmed = reason.trim();
      if (!trimmed) throw badUserInput('reason', 'must not be blank');
      if (trimmed.length > 2000) throw badUserInput('reason', 'must be at most 2000 characters');
      const { principal, task } = await taskForWrite(context, id);
      return changeTask(context, principal, task.id, 'transition', (locked) => {
        locked.status = assertTransition(locked.status, 'CANCELLED');
        locked.cancelReason = trimmed;
      });
    }

    @Mutation(() => TaskType, { name: operations.addTaskMilestone, description: '新增任务节点 Add a milestone to an open task.' })
    async addMilestone(
      @Arg('taskId', () => ID) taskId: string,
      @Arg('input', () => TaskMilestoneInput) input: TaskMilestoneInput,
      @Ctx() context: Context,
    ): Promise<TaskEntity> {
      const { principal, task } = await taskForWrite(context, taskId, 'taskId');
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const locked = await lockTask(em, task.id);
        assertOpen(locked.status);
        assertMilestoneDue(input, locked.dueDate, today(), 'input.dueDate');
        const position = await em.count(MilestoneEntity, { taskId: locked.id });
        const milestone = em.create(MilestoneEntity, { taskId: locked.id, title: input.title.trim(), dueDate: input.dueDate, position });
        await audit({ action: 'create', entityType: 'TaskMilestone', entityId: milestone.id, ownerCode: locked.jurisdictionCode, after: milestone });
        return locked;
      });
    }

    @Mutation(() => TaskType, { name: operations.completeTaskMilestone, description: '完成任务节点 Mark a milestone done.' })
    async completeMilestone(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<TaskEntity> {
      const principal = requirePrincipal(context);
      const milestone = await context.em.findOne(MilestoneEntity, { id: assertUuid(id, 'id') });
      if (!milestone) throw notFound('milestone', id);
      const { task } = await taskForWrite(context, milestone.taskId);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const locked = await lockTask(em, task.id);
        assertOpen(locked.status);
        const current = await em.findOneOrFail(MilestoneEntity, { id: milestone.id }, { refresh: true });
        if (current.doneAt) throw badUserInput('id', `milestone ${current.id} is already done`);
        const before = { ...current };
        current.doneAt = new Date();
        await audit({ action: 'update', entityType: 'TaskMilestone', entityId: current.id, ownerCode: locked.jurisdictionCode, before, after: current });
        return locked;
      });
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
    ): Promise<Connection<TaskEntity>> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      const where = filter ?? new TaskFilter();
      const order = sort ?? new TaskSort();
      const now = today();
      // Every `tasks(...)` with the same arguments below one query shares one loader, so one statement.
      const key = JSON.stringify([where, order, page.first, page.after ?? null, now]);
      const knex = context.em.getKnex();
      return context.loaders.taskPages
        .get(key, () =>
          pagedLoader(context.em, {
            entity: TaskEntity,
            partitionColumn: 'jurisdiction_code',
            sort: taskSortColumn(order),
            where: (query) => applyTaskFilter(knex, query, where, now),
            first: page.first,
            after: page.after,
          }),
        )
        .load(jurisdiction.code);
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

function lockTask(em: EntityManager, id: string): Promise<TaskEntity> {
  return em.findOneOrFail(TaskEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

function assertOpen(status: TaskStatusCode): void {
  if (isClosed(status)) throw badUserInput('status', `a ${status} task cannot be changed`);
}

function assertNotPast(date: string, now: string, field: string): void {
  if (date < now) throw badUserInput(field, `${date} is in the past (today is ${now})`);
}

function assertMilestoneDue(milestone: TaskMilestoneInput, taskDue: string, now: string, field: string): void {
  assertNotPast(milestone.dueDate, now, field);
  if (milestone.dueDate > taskDue) throw badUserInput(field, `${milestone.dueDate} is after the task's due date ${taskDue}`);
}
