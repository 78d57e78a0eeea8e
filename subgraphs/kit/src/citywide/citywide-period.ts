import { today } from '../calendar/calendar-date';
import { assertCalendarDate, quarterOfDate, quarterSpan } from '../calendar/date-rules';
import { badUserInput } from '../errors/graphql-errors';

/** A period of calendar days, both ends included. */
export interface Period {
  from: string;
  to: string;
}

/** The current quarter in Tianjin: the default period of the figures. */
export function currentQuarter(on: string = today()): Period {
  const { year, quarter } = quarterOfDate(on);
  const span = quarterSpan(year, quarter);
  return { from: span.first, to: span.last };
}

/** Each end given is a calendar day, and the period does not end before it starts. */
export function checkPeriod(from: string | undefined, to: string | undefined, fromField: string, toField: string): void {
  if (from !== undefined) assertCalendarDate(fromField, from);
  if (to !== undefined) assertCalendarDate(toField, to);
  if (from && to && from > to) throw badUserInput(toField, `${to} 早于 ${from} / ${to} is before ${from}`);
}
