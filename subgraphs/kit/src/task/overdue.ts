import { isOverdueUnder, type OverdueRule } from '../calendar/overdue-rule';
import { today } from '../calendar/calendar-date';
import type { TaskStatusCode } from './task.entity';

/** A task still waiting for work. */
export const OPEN_TASK_STATUSES = ['PLANNED', 'IN_PROGRESS'] as const satisfies readonly TaskStatusCode[];

export const TASK_OVERDUE: OverdueRule = { openStatuses: OPEN_TASK_STATUSES, statusColumn: 'status', dueColumn: 'due_date' };

/** Overdue: still open and its due day has passed. Derived on every read, never stored. */
export function isOverdue(task: { status: string; dueDate: string }, on: string = today()): boolean {
  return isOverdueUnder(TASK_OVERDUE, task.status, task.dueDate, on);
}
