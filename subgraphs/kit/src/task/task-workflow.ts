import { badUserInput } from '../errors/graphql-errors';
import type { TaskStatusCode } from './task.entity';

/**
 * The task workflow, as data: planned → in progress → completed, and planned or in progress →
 * cancelled. Completed and cancelled are final, so a closed task can never be reopened quietly.
 */
const ALLOWED: Record<TaskStatusCode, readonly TaskStatusCode[]> = {
  PLANNED: ['IN_PROGRESS', 'CANCELLED'],
  IN_PROGRESS: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
};

export function canTransition(from: TaskStatusCode, to: TaskStatusCode): boolean {
  return ALLOWED[from].includes(to);
}

/** Throws BAD_USER_INPUT naming `status` unless `from → to` is a step of the workflow. */
export function assertTransition(from: TaskStatusCode, to: TaskStatusCode): TaskStatusCode {
  if (!canTransition(from, to)) {
    throw badUserInput('status', `任务不能从 ${from} 转为 ${to} / a task cannot go from ${from} to ${to}`);
  }
  return to;
}

export function isClosed(status: TaskStatusCode): boolean {
  return ALLOWED[status].length === 0;
}

/**
 * The status after progress is reported: reporting progress on a planned task means work has
 * started; a closed task takes no more progress.
 */
export function statusAfterProgress(from: TaskStatusCode): TaskStatusCode {
  if (from === 'PLANNED') return assertTransition(from, 'IN_PROGRESS');
  if (from === 'IN_PROGRESS') return from;
  throw badUserInput('status', `状态为 ${from} 的任务不能报送进展 / a task cannot take progress in status ${from}`);
}
