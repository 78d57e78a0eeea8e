/**
 * Due dates are calendar dates (YYYY-MM-DD), not instants: a task is due on a day in Tianjin,
 * whatever the server's clock zone. "Today" is therefore taken in China Standard Time, and the
 * same value is handed to SQL so that a filter and a field can never disagree about it.
 */
const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: PLATFORM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function today(now: Date = new Date()): string {
  return formatter.format(now);
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day in YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Overdue: still open and its due day has passed. Derived on every read, never stored. */
export function isOverdue(task: { status: string; dueDate: string }, on: string = today()): boolean {
  return (task.status === 'PLANNED' || task.status === 'IN_PROGRESS') && task.dueDate < on;
}
