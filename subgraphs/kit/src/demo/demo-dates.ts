/** Demo dates are relative to the day of seeding, so a fresh start always shows live work. */
export function daysFromToday(days: number, today = new Date()): string {
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
}

export function timestampDaysAgo(days: number, today = new Date()): Date {
  return new Date(today.getTime() - days * 24 * 60 * 60 * 1000);
}

/**
 * The moment the demo story is told from: the start of the current UTC day. Every level seeds its
 * own part of the story in its own process; with one moment for all of them, a record one level
 * keeps and another cites (a rectification report, a task) carries the same timestamps on both
 * sides, to the millisecond, so what a case kept of it when citing matches the record.
 */
export function demoToday(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
