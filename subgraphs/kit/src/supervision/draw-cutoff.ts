import { addDays, quarterOfDate, quarterSpan } from '../calendar/date-rules';

/**
 * 名单冻结 When the contact list of a draw is frozen, and when the draw may be made.
 *
 * The seed of a draw is derived from its recorded inputs (`draw-seed.ts`), so the only lever
 * left on the outcome is the contact list (联系监督单位). The draw of quarter Q therefore uses the
 * list **as it stood at the end of the first day of the quarter before Q** (Tianjin), and the
 * draw can be made only after that day has ended and no later than Q's first day:
 *
 *   cutoff(Q) = first day of Q−1        window(Q) = cutoff(Q) + 1 day … first day of Q
 *
 * Why this rule (and not, say, 15 days before Q):
 * - The cutoff lies before the whole draw window: once a quarter can be drawn, nothing anyone does
 *   changes what it will pick, and drawing early or late in the window gives the same picks. A
 *   change made while a draw is open (the moment steering would happen) only counts for later
 *   quarters.
 * - The windows of consecutive quarters touch without overlapping, so on every day exactly one
 *   quarter can be drawn (`quarterOpenForDraw`), and when a quarter opens, the quarter before it
 *   is closed: whether it was drawn is already settled, so its picks are a fixed input too.
 * - A change takes effect for draws at most two quarters later (`firstDrawCounting`), which an
 *   office planning a year of checks can live with.
 *
 * The rule is fixed in code, not configuration: a cutoff an operator could move would itself be
 * a lever on the outcome. Each plan records the day its list was taken at (`contactsAsOf`).
 */

export interface DrawQuarter {
  year: number;
  quarter: number;
}

/** The quarter `steps` quarters after (or before, when negative) `from`. */
export function shiftQuarter(from: DrawQuarter, steps: number): DrawQuarter {
  const index = from.year * 4 + (from.quarter - 1) + steps;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

/** The day whose end freezes the contact list for the draw of `year`/`quarter`: the first day of the quarter before. */
export function contactCutoff(year: number, quarter: number): string {
  const previous = shiftQuarter({ year, quarter }, -1);
  return quarterSpan(previous.year, previous.quarter).first;
}

/** The days on which the quarter can be drawn (and previewed): the day after its cutoff up to its first day. */
export function drawWindow(year: number, quarter: number): { opens: string; closes: string } {
  return { opens: addDays(contactCutoff(year, quarter), 1), closes: quarterSpan(year, quarter).first };
}

/** The one quarter that can be drawn on day `on`: the next quarter to begin, or the quarter itself on its first day. */
export function quarterOpenForDraw(on: string): DrawQuarter {
  return shiftQuarter(quarterOfDate(addDays(on, -1)), 1);
}

/**
 * The first quarter whose draw sees a change of the contact list made on day `on`: the quarter
 * after next, or the next one when the change is made on a quarter's first day (before that
 * day's end, which is the next quarter's cutoff).
 */
export function firstDrawCounting(on: string): DrawQuarter {
  const current = quarterOfDate(on);
  const isFirstDay = quarterSpan(current.year, current.quarter).first === on;
  return shiftQuarter(current, isFirstDay ? 1 : 2);
}

/** A contact's validity: on the list from `addedOn`, off it from `removedOn` (never deleted). */
export interface ContactInterval {
  addedOn: string;
  removedOn: string | null;
}

/** Whether a contact was on the list at the end of day `cutoff`. */
export function onListAtEndOf(contact: ContactInterval, cutoff: string): boolean {
  return contact.addedOn <= cutoff && (contact.removedOn === null || contact.removedOn > cutoff);
}
