import { today } from '../calendar/calendar-date';

/** Overdue: still open and its due day has passed. Derived on every read, never stored. */
export function isOverdue(task: { status: string; dueDate: string }, on: string = today()): boolean {
  return (task.status === 'PLANNED' || task.status === 'IN_PROGRESS') && task.dueDate < on;
}
