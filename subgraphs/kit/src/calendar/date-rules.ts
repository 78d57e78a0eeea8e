import { badUserInput } from '../errors/graphql-errors';
import { isCalendarDate, today } from './calendar-date';

/**
 * 日期规则 One rule for every dated record: what "in the future", "in this quarter" and "not
 * before" mean. Every date is a calendar day (YYYY-MM-DD, compared as text) and "today" is
 * Tianjin's day (`today()`), so a check, an interview and a duty record agree on the same day.
 */

/** A quarter of a year as its first and last calendar days. */
export interface QuarterSpan {
  first: string;
  last: string;
}

const QUARTER_LAST_DAY = ['03-31', '06-30', '09-30', '12-31'];

/** The first and last day of quarter 1–4 of a year. */
export function quarterSpan(year: number, quarter: number): QuarterSpan {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw new RangeError(`quarter must be 1..4, got ${quarter}`);
  const month = String((quarter - 1) * 3 + 1).padStart(2, '0');
  return { first: `${year}-${month}-01`, last: `${year}-${QUARTER_LAST_DAY[quarter - 1]}` };
}

/** The year and quarter a day falls in. */
export function quarterOfDate(date: string): { year: number; quarter: number } {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}

/** The calendar day `days` days after `date` (before it, when negative). */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** Refuses anything but a real calendar day written YYYY-MM-DD (2026-02-30 and 2026-13-99 included). */
export function assertCalendarDate(field: string, value: string): string {
  if (!isCalendarDate(value)) throw badUserInput(field, `"${value}" 不是有效日期 / "${value}" is not a calendar date (YYYY-MM-DD)`);
  return value;
}

/** Refuses a day after today (Tianjin): what is recorded as done cannot have happened yet. */
export function assertNotInFuture(field: string, date: string, on: string = today()): void {
  if (date > on) throw badUserInput(field, `日期 ${date} 晚于今天 ${on}，不能记录尚未发生的事 / ${date} is after today (${on}); a record of what happened cannot be in the future`);
}

/** Refuses a day outside quarter `quarter` of `year`. */
export function assertWithinQuarter(field: string, date: string, year: number, quarter: number): void {
  const span = quarterSpan(year, quarter);
  if (date < span.first || date > span.last) {
    throw badUserInput(field, `日期 ${date} 不在${year}年第${quarter}季度（${span.first}至${span.last}）内 / ${date} is outside Q${quarter} ${year} (${span.first} … ${span.last})`);
  }
}

/** Refuses a day before `earliest` (what the record follows: an interview, a meeting). */
export function assertNotBefore(field: string, date: string, earliest: string, what: { zh: string; en: string }): void {
  if (date < earliest) throw badUserInput(field, `日期 ${date} 早于${what.zh}（${earliest}） / ${date} is before the ${what.en} (${earliest})`);
}
