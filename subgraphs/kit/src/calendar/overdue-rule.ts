import type { Knex } from '@mikro-orm/postgresql';
import { today } from './calendar-date';

/**
 * "Overdue" means the same thing everywhere: the record is still open and its due day is
 * before today (Tianjin's day, `today()`). The TypeScript check and the SQL condition are built
 * from the same rule and are handed the same `on` date, so a derived `overdue` flag, an
 * `overdue` filter and an overdue count can never disagree — not even around midnight, when
 * the database's `current_date` and the service's clock might.
 */
export interface OverdueRule {
  /** Statuses in which the record still waits for work. */
  openStatuses: readonly string[];
  statusColumn: string;
  dueColumn: string;
}

/** TypeScript side: is a record with this status and due day overdue on `on`? */
export function isOverdueUnder(rule: OverdueRule, status: string, due: string, on: string = today()): boolean {
  return rule.openStatuses.includes(status) && due < on;
}

/** SQL side: the same condition as a knex fragment (`alias` qualifies the columns). */
export function overdueCondition(knex: Knex, rule: OverdueRule, on: string, alias?: string): Knex.Raw {
  const column = (name: string) => (alias ? `"${alias}"."${name}"` : `"${name}"`);
  return knex.raw(`${column(rule.statusColumn)} in (${rule.openStatuses.map(() => '?').join(', ')}) and ${column(rule.dueColumn)} < ?::date`, [
    ...rule.openStatuses,
    on,
  ]);
}

/** The SQL side's negation, for "not overdue" filters (`status` and due day never null). */
export function notOverdueCondition(knex: Knex, rule: OverdueRule, on: string, alias?: string): Knex.Raw {
  return knex.raw('not (?)', [overdueCondition(knex, rule, on, alias)]);
}
