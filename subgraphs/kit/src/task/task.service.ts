import { assertAnsweredDirective } from '../directive/answered-directive';
import { assertExpectedVersion } from '../mutation/record-version';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { assertCanWrite, requirePrincipal } from '../authz/guards';
import { today } from '../calendar/calendar-date';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { runInTransaction, type MutationScope } from '../mutation/run-in-transaction';
import type { OrgLoaders } from '../org/org.loaders';
import type { ResponsibilityLoaders } from '../responsibility/responsibility.loaders';
import type { Connection, PageArgs } from '../pagination/connection';
import { pagedLoader } from '../pagination/paged-loader';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { MilestoneEntity } from './milestone.entity';
import { assertTransition, isClosed, statusAfterProgress } from './task-workflow';
import { TaskEntity, type TaskStatusCode } from './task.entity';
import type { CreateTaskInput, TaskFilter, TaskMilestoneInput, TaskSort } from './task.inputs';
import { applyTaskFilter, taskSortColumn } from './task-filter';
import type { TaskLoaders } from './task.loaders';
import { namedJurisdiction } from '../jurisdiction/divisions';

/**
 * The business steps of a task: create it with its milestones, report progress, move it through
 * the workflow (`task-workflow.ts`), add and complete milestones. Plain functions over the
 * request context; `task.module.ts` keeps the per-level types and thin resolvers, and the pure
 * checks are tested alone in `task.service.test.ts`.
 */
type Context = SubgraphContext<OrgLoaders & ResponsibilityLoaders & TaskLoaders>;

/** A closed (completed or cancelled) task is not changed any more. */
export function assertTaskOpen(status: TaskStatusCode): void {
  if (isClosed(status)) throw badUserInput('status', `状态为 ${status} 的任务不能更改 / a ${status} task cannot be changed`);
}

export function assertNotPast(date: string, now: string, field: string): void {
  if (date < now) throw badUserInput(field, `${date} 早于今天（${now}） / ${date} is in the past (today is ${now})`);
}

/** A milestone is due no earlier than today and no later than its task. */
export function assertMilestoneDue(milestone: Pick<TaskMilestoneInput, 'dueDate'>, taskDue: string, now: string, field: string): void {
  assertNotPast(milestone.dueDate, now, field);
  if (milestone.dueDate > taskDue) throw badUserInput(field, `${milestone.dueDate} 晚于任务截止日期 ${taskDue} / ${milestone.dueDate} is after the task's due date ${taskDue}`);
}

/** Progress is a percentage. */
export function assertProgress(progress: number): void {
  if (progress < 0 || progress > 100) throw badUserInput('progress', `须在 0 至 100 之间，实际为 ${progress} / must be between 0 and 100, got ${progress}`);
}

/** A cancellation says why, in at most 2000 characters; the reason is stored trimmed. */
export function cancelReasonOf(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw badUserInput('reason', '不能为空 / must not be blank');
  if (trimmed.length > 2000) throw badUserInput('reason', '最多 2000 个字符 / must be at most 2000 characters');
  return trimmed;
}

/** The dates of a new task and its milestones, checked against `now` before anything is written. */
export function assertTaskDates(input: Pick<CreateTaskInput, 'dueDate' | 'milestones'>, now: string): void {
  assertNotPast(input.dueDate, now, 'input.dueDate');
  input.milestones.forEach((milestone, index) => assertMilestoneDue(milestone, input.dueDate, now, `input.milestones.${index}.dueDate`));
}

function lockTask(em: EntityManager, id: string): Promise<TaskEntity> {
  return em.findOneOrFail(TaskEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

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
async function changeTask(
  context: Context,
  id: string,
  action: string,
  change: (task: TaskEntity, scope: MutationScope) => void | Promise<void>,
): Promise<TaskEntity> {
  const { principal, task: found } = await taskForWrite(context, id);
  return runInTransaction(context, principal, async (scope) => {
    const task = await lockTask(scope.em, found.id);
    const before = { ...task };
    await change(task, scope);
    await scope.audit({ action, entityType: 'Task', entityId: task.id, ownerCode: task.jurisdictionCode, before, after: task });
    return task;
  });
}

/** 下达任务: a task for a responsibility item, with a cadre of the item's jurisdiction. */
export async function createTask(context: Context, input: CreateTaskInput): Promise<TaskEntity> {
  const principal = requirePrincipal(context);
  const item = await context.loaders.responsibilityItemById.load(input.responsibilityItemId);
  if (!item) throw notFound('responsibility item', input.responsibilityItemId);
  assertCanWrite(principal, item.jurisdictionCode);
  const cadre = await context.loaders.cadreById.load(input.cadreId);
  if (!cadre) throw notFound('cadre', input.cadreId);
  if (cadre.jurisdictionCode !== item.jurisdictionCode) {
    throw badUserInput('input.cadreId', `干部 ${cadre.id} 属于 ${namedJurisdiction(cadre.jurisdictionCode)}，责任事项属于 ${namedJurisdiction(item.jurisdictionCode)} / cadre ${cadre.id} belongs to ${namedJurisdiction(cadre.jurisdictionCode)}, the item to ${namedJurisdiction(item.jurisdictionCode)}`);
  }
  assertTaskDates(input, today());
  if (input.directiveId) await assertAnsweredDirective(context, item.jurisdictionCode, input.directiveId);

  return runInTransaction(context, principal, async ({ em, audit }) => {
    const task = em.create(TaskEntity, {
      jurisdictionCode: item.jurisdictionCode,
      responsibilityItemId: item.id,
      directiveId: input.directiveId ?? null,
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

/** 更新进度: a planned task moves to in progress, a closed one is refused. */
export async function updateTaskProgress(context: Context, id: string, progress: number, expectedVersion?: number): Promise<TaskEntity> {
  assertProgress(progress);
  return changeTask(context, id, 'update', (locked) => {
    // Checked on the locked row: a change based on another version is a CONFLICT, not an overwrite.
    assertExpectedVersion(locked, expectedVersion, 'expectedVersion');
    locked.status = statusAfterProgress(locked.status);
    locked.progress = progress;
  });
}

export function startTask(context: Context, id: string): Promise<TaskEntity> {
  return changeTask(context, id, 'transition', (locked) => {
    locked.status = assertTransition(locked.status, 'IN_PROGRESS');
  });
}

export function completeTask(context: Context, id: string): Promise<TaskEntity> {
  return changeTask(context, id, 'transition', (locked) => {
    locked.status = assertTransition(locked.status, 'COMPLETED');
    locked.progress = 100;
    locked.completedAt = new Date();
  });
}

export async function cancelTask(context: Context, id: string, reason: string): Promise<TaskEntity> {
  const trimmed = cancelReasonOf(reason);
  return changeTask(context, id, 'transition', (locked) => {
    locked.status = assertTransition(locked.status, 'CANCELLED');
    locked.cancelReason = trimmed;
  });
}

/** 新增任务节点: a milestone at the end of an open task's list. */
export async function addTaskMilestone(context: Context, taskId: string, input: TaskMilestoneInput): Promise<TaskEntity> {
  const { principal, task } = await taskForWrite(context, taskId, 'taskId');
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const locked = await lockTask(em, task.id);
    assertTaskOpen(locked.status);
    assertMilestoneDue(input, locked.dueDate, today(), 'input.dueDate');
    const position = await em.count(MilestoneEntity, { taskId: locked.id });
    const milestone = em.create(MilestoneEntity, { taskId: locked.id, title: input.title.trim(), dueDate: input.dueDate, position });
    await audit({ action: 'create', entityType: 'TaskMilestone', entityId: milestone.id, ownerCode: locked.jurisdictionCode, after: milestone });
    return locked;
  });
}

/** 完成任务节点: a milestone of an open task is done once. */
export async function completeTaskMilestone(context: Context, id: string): Promise<TaskEntity> {
  const principal = requirePrincipal(context);
  const milestone = await context.em.findOne(MilestoneEntity, { id: assertUuid(id, 'id') });
  if (!milestone) throw notFound('milestone', id);
  const { task } = await taskForWrite(context, milestone.taskId);
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const locked = await lockTask(em, task.id);
    assertTaskOpen(locked.status);
    const current = await em.findOneOrFail(MilestoneEntity, { id: milestone.id }, { refresh: true });
    if (current.doneAt) throw badUserInput('id', `任务节点 ${current.id} 已完成 / milestone ${current.id} is already done`);
    const before = { ...current };
    current.doneAt = new Date();
    await audit({ action: 'update', entityType: 'TaskMilestone', entityId: current.id, ownerCode: locked.jurisdictionCode, before, after: current });
    return locked;
  });
}

/** A page of a jurisdiction's tasks, filtered and sorted; one statement for every jurisdiction asked with the same arguments. */
export function tasksOfJurisdiction(
  context: Context,
  jurisdictionCode: string,
  where: TaskFilter,
  order: TaskSort,
  page: PageArgs,
  withTotal = true,
): Promise<Connection<TaskEntity>> {
  const now = today();
  // Every `tasks(...)` with the same arguments below one query shares one loader, so one statement.
  const key = JSON.stringify([where, order, page.first, page.after ?? null, now, withTotal]);
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
        withTotal,
      }),
    )
    .load(jurisdictionCode);
}
