import type { EntityManager } from '@mikro-orm/postgresql';
import { today } from '../calendar/calendar-date';
import { quarterSpan } from '../calendar/date-rules';
import { badUserInput } from '../errors/graphql-errors';
import { drawSeedSource, seedFromSource } from './draw-seed';
import { drawQuarter } from './plan-draw';
import { SupervisionContactEntity, SupervisionPlanEntity, type SupervisionOfficeEntity } from './supervision.entities';

/** What a draw records: the picks and every input needed to recompute them. */
export interface PlannedDraw {
  seed: number;
  seedSource: string;
  contactUnitIds: string[];
  drawnEarlierUnitIds: string[];
  unitIds: string[];
}

/**
 * The draw of one quarter for an office, as it would be recorded now. Refuses a quarter already
 * drawn (no re-roll), one whose first day has passed (a draw after the fact), and one whose
 * previous quarter of the year is not drawn (each quarter leaves out the units drawn before).
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
  if (contacts.length === 0) {
    throw badUserInput('input.officeId', `${office.name}没有联系单位可供抽取 / the office ${office.name} has no contact units to draw from`);
  }
  if (plans.some((plan) => plan.quarter === quarter)) {
    throw badUserInput('input.quarter', `${office.name}${year}年第${quarter}季度已抽取，不能重抽 / Q${quarter} ${year} is already drawn for ${office.name}; a draw is never repeated`);
  }
  const { first } = quarterSpan(year, quarter);
  if (on > first) {
    throw badUserInput('input.quarter', `${year}年第${quarter}季度已于${first}开始，只能在季度开始之前或当天抽取 / Q${quarter} ${year} began on ${first}; a quarter is drawn before or on its first day`);
  }
  if (quarter > 1 && !plans.some((plan) => plan.quarter === quarter - 1)) {
    throw badUserInput('input.quarter', `请先抽取${year}年第${quarter - 1}季度 / draw Q${quarter - 1} ${year} first: each quarter leaves out the units drawn before it`);
  }
  const contactUnitIds = contacts.map((contact) => contact.unitId).sort();
  const drawnEarlierUnitIds = plans.filter((plan) => plan.quarter < quarter).flatMap((plan) => plan.unitIds).sort();
  const seedSource = drawSeedSource({ officeId: office.id, year, quarter, contactUnitIds, drawnEarlierThisYear: drawnEarlierUnitIds });
  const seed = seedFromSource(seedSource);
  const unitIds = drawQuarter({ contactUnitIds, drawnEarlierThisYear: drawnEarlierUnitIds, seed });
  return { seed, seedSource, contactUnitIds, drawnEarlierUnitIds, unitIds };
}

/** Recomputes a recorded plan's picks from its own record alone (what any reader can do). */
export function recomputePlan(plan: {
  officeId: string;
  year: number;
  quarter: number;
  contactUnitIds: readonly string[];
  drawnEarlierUnitIds: readonly string[];
}): PlannedDraw {
  const seedSource = drawSeedSource({
    officeId: plan.officeId,
    year: plan.year,
    quarter: plan.quarter,
    contactUnitIds: plan.contactUnitIds,
    drawnEarlierThisYear: plan.drawnEarlierUnitIds,
  });
  const seed = seedFromSource(seedSource);
  const unitIds = drawQuarter({ contactUnitIds: plan.contactUnitIds, drawnEarlierThisYear: plan.drawnEarlierUnitIds, seed });
  return { seed, seedSource, contactUnitIds: [...plan.contactUnitIds].sort(), drawnEarlierUnitIds: [...plan.drawnEarlierUnitIds].sort(), unitIds };
}
