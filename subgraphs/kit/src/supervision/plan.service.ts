import type { EntityManager } from '@mikro-orm/postgresql';
import { today } from '../calendar/calendar-date';
import { badUserInput } from '../errors/graphql-errors';
import { contactCutoff, drawWindow, onListAtEndOf } from './draw-cutoff';
import { drawSeedSource, seedFromSource } from './draw-seed';
import { drawQuarter } from './plan-draw';
import { SupervisionContactEntity, SupervisionPlanEntity, type SupervisionOfficeEntity } from './supervision.entities';

/** What a plan records of its draw: every input, and the seed and picks they give. */
export interface RecordedDraw {
  officeId: string;
  year: number;
  quarter: number;
  /** The day at whose end the contact list was taken (`draw-cutoff.ts`). */
  contactsAsOf: string;
  contactUnitIds: readonly string[];
  drawnEarlierUnitIds: readonly string[];
}

/** What a draw records: the picks and every input needed to recompute them. */
export interface PlannedDraw {
  seed: number;
  seedSource: string;
  contactsAsOf: string;
  contactUnitIds: string[];
  drawnEarlierUnitIds: string[];
  unitIds: string[];
}

/**
 * The seed and picks of a draw from its recorded inputs alone: the one place the picks are
 * computed, for the draw, its preview and anyone re-checking a plan (or the demo's plans).
 */
export function recomputePlan(plan: RecordedDraw): PlannedDraw {
  const contactUnitIds = [...new Set(plan.contactUnitIds)].sort();
  const drawnEarlierUnitIds = [...new Set(plan.drawnEarlierUnitIds)].sort();
  const seedSource = drawSeedSource({ officeId: plan.officeId, year: plan.year, quarter: plan.quarter, contactUnitIds, drawnEarlierThisYear: drawnEarlierUnitIds });
  const seed = seedFromSource(seedSource);
  const unitIds = drawQuarter({ contactUnitIds, drawnEarlierThisYear: drawnEarlierUnitIds, seed });
  return { seed, seedSource, contactsAsOf: plan.contactsAsOf, contactUnitIds, drawnEarlierUnitIds, unitIds };
}

/**
 * The draw of one quarter for an office, as it would be recorded on day `on`; the preview shows
 * exactly this. Refuses a quarter already drawn (no re-roll), and one outside its window: before
 * its contact list is frozen (the end of the first day of the quarter before) or after its first
 * day (a draw after the fact). The list is the office's contacts as they stood at the cutoff, so
 * a contact added or removed since then changes nothing.
 */
export async function planQuarterDraw(
  em: EntityManager,
  office: SupervisionOfficeEntity,
  year: number,
  quarter: number,
  on: string = today(),
): Promise<PlannedDraw> {
  const [contacts, plans] = await Promise.all([
    em.find(SupervisionContactEntity, { officeId: office.id }),
    em.find(SupervisionPlanEntity, { officeId: office.id, year }),
  ]);
  if (plans.some((plan) => plan.quarter === quarter)) {
    throw badUserInput('input.quarter', `${office.name}${year}年第${quarter}季度已抽取，不能重抽 / Q${quarter} ${year} is already drawn for ${office.name}; a draw is never repeated`);
  }
  const window = drawWindow(year, quarter);
  if (on > window.closes) {
    throw badUserInput('input.quarter', `${year}年第${quarter}季度已于${window.closes}开始，只能在季度开始之前或当天抽取 / Q${quarter} ${year} began on ${window.closes}; a quarter is drawn before or on its first day`);
  }
  const contactsAsOf = contactCutoff(year, quarter);
  if (on < window.opens) {
    throw badUserInput(
      'input.quarter',
      `${year}年第${quarter}季度的联系单位名单于${contactsAsOf}日终冻结，${window.opens}起方可预演和抽取 / the contact list of Q${quarter} ${year} is frozen at the end of ${contactsAsOf}; it can be previewed and drawn from ${window.opens}`,
    );
  }
  const contactUnitIds = contacts.filter((contact) => onListAtEndOf(contact, contactsAsOf)).map((contact) => contact.unitId);
  if (contactUnitIds.length === 0) {
    throw badUserInput('input.officeId', `${office.name}在${contactsAsOf}日终没有联系单位可供抽取 / the office ${office.name} had no contact units at the end of ${contactsAsOf}, the cutoff of Q${quarter} ${year}`);
  }
  // The quarters before are closed once this one opens: their picks are settled inputs.
  const drawnEarlierUnitIds = plans.filter((plan) => plan.quarter < quarter).flatMap((plan) => plan.unitIds);
  return recomputePlan({ officeId: office.id, year, quarter, contactsAsOf, contactUnitIds, drawnEarlierUnitIds });
}
