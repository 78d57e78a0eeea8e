/**
 * The platform serves Tianjin: "today" is the calendar date there, whatever the server's own
 * time zone, so a meeting held this morning in Tianjin is never "in the future".
 */
export const PLATFORM_TIME_ZONE = 'Asia/Shanghai';

const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: PLATFORM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in the platform's time zone. */
export function platformToday(now: Date = new Date()): string {
  return formatter.format(now);
}

/** A real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
