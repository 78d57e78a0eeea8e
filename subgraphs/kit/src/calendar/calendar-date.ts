/**
 * Dates of the platform (due dates, deadlines, when a meeting was held) are calendar days
 * (YYYY-MM-DD), not instants, and the platform serves Tianjin: "today" is the date there,
 * whatever the server's own time zone. The same value is handed to SQL, so a filter and a
 * derived field can never disagree about what is overdue.
 */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: PLATFORM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date (YYYY-MM-DD) in the platform's time zone. */
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
