import { quarterOfDate, quarterSpan } from '../calendar/date-rules';
import { today as tianjinDay } from '../calendar/calendar-date';
import { readDivisions } from '../jurisdiction/divisions';
import { contactCutoff, drawWindow, onListAtEndOf, quarterOpenForDraw } from '../supervision/draw-cutoff';
import { recomputePlan } from '../supervision/plan.service';
import { demoSupervision } from './demo-supervision';

/*
 * The demo's draws hold on whatever day it is seeded: the README's draw and check examples rely on
 * it (the quarter open for drawing is undrawn, today's quarter has a plan unless today is its
 * first day), and every plan must be what the platform would have drawn.
 */
const divisions = readDivisions();

describe('the demo supervision story on any day', () => {
  // Noon in Tianjin and late evening UTC (the next day in Tianjin), every 4th day for two years, and each quarter's first day.
  const days: Date[] = [];
  for (let at = Date.UTC(2026, 0, 1, 4); at < Date.UTC(2028, 0, 1); at += 4 * 86_400_000) days.push(new Date(at), new Date(at + 13 * 3_600_000));
  for (const year of [2026, 2027]) for (const month of [0, 3, 6, 9]) days.push(new Date(Date.UTC(year, month, 1, 2)), new Date(Date.UTC(year, month, 1, 17)));

  it('draws as the platform would, leaves the open quarter undrawn and has a plan for a check of today', () => {
    const problems = days.flatMap((now) => problemsOn(now).map((problem) => `${now.toISOString()}: ${problem}`));
    expect(problems).toEqual([]);
  });
});

function problemsOn(now: Date): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string) => (ok ? undefined : problems.push(problem));
  const on = tianjinDay(now);
  const story = demoSupervision(divisions, now);
  const open = quarterOpenForDraw(on);
  const current = quarterOfDate(on);
  for (const office of story.offices) {
    const plans = story.plans.filter((plan) => plan.officeId === office.id);
    const contacts = story.contacts.filter((contact) => contact.officeId === office.id).map((contact) => ({ ...contact, removedOn: null }));
    expect(!plans.some((plan) => plan.year === open.year && plan.quarter === open.quarter), `${office.name}: the open quarter is drawn`);
    const hasCurrent = plans.some((plan) => plan.year === current.year && plan.quarter === current.quarter);
    expect(hasCurrent === (quarterSpan(current.year, current.quarter).first !== on), `${office.name}: today's quarter plan ${hasCurrent ? 'present' : 'missing'}`);
    for (const plan of plans) {
      const window = drawWindow(plan.year, plan.quarter);
      const drawnOn = tianjinDay(plan.drawnAt);
      expect(drawnOn >= window.opens && drawnOn <= window.closes && drawnOn <= on, `Q${plan.quarter} ${plan.year} drawn on ${drawnOn}`);
      expect(plan.contactsAsOf === contactCutoff(plan.year, plan.quarter), `Q${plan.quarter} ${plan.year} list as of ${plan.contactsAsOf}`);
      const listed = contacts.filter((contact) => onListAtEndOf(contact, plan.contactsAsOf)).map((contact) => contact.unitId).sort();
      expect(listed.join() === plan.contactUnitIds.join(), `Q${plan.quarter} ${plan.year}: the list at the cutoff differs from the plan's`);
      expect(recomputePlan(plan).unitIds.join() === plan.unitIds.join(), `Q${plan.quarter} ${plan.year}: the record does not reproduce the picks`);
    }
    // Planned checks follow a plan, dated within its quarter and not after today.
    for (const check of story.checks.filter((candidate) => candidate.planId && candidate.officeId === office.id)) {
      const plan = plans.find((candidate) => candidate.id === check.planId)!;
      const span = quarterSpan(plan.year, plan.quarter);
      expect(check.checkedOn >= span.first && check.checkedOn <= span.last && check.checkedOn <= on, `check on ${check.checkedOn} under Q${plan.quarter} ${plan.year}`);
      expect(plan.unitIds.includes(check.unitId), `check of a unit not drawn in Q${plan.quarter} ${plan.year}`);
    }
  }
  return problems;
}
