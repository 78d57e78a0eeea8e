/** Demo dates are relative to the day of seeding, so a fresh start always shows live work. */
export function daysFromToday(days: number, today = new Date()): string {
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
}

export function timestampDaysAgo(days: number, today = new Date()): Date {
  return new Date(today.getTime() - days * 24 * 60 * 60 * 1000);
}
