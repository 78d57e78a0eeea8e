import { overdueCondition } from '../calendar/overdue-rule';
import { TASK_OVERDUE } from '../task/overdue';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { PERIOD_SQL, type DateRange, type StatisticsPeriod } from './period';
import type { TaskCounts } from './task-counts';

/**
 * The aggregates, each ONE statement for a whole batch of jurisdictions. Counting happens in
 * PostgreSQL; Node only reads one row per group.
 */

/** The task counts' columns; overdue as of `on`, the same day the `overdue` field and filter use. */
function taskCountColumns(knex: Knex, on: string): Knex.Raw {
  return knex.raw(
    `count(*)::int as "total",
  count(*) filter (where "status" = 'PLANNED')::int as "planned",
  count(*) filter (where "status" = 'IN_PROGRESS')::int as "inProgress",
  count(*) filter (where "status" = 'COMPLETED')::int as "completed",
  count(*) filter (where "status" = 'CANCELLED')::int as "cancelled",
  count(*) filter (where ?)::int as "overdue"`,
    [overdueCondition(knex, TASK_OVERDUE, on)],
  );
}

/**
 * Counts of the jurisdictions whose `task_count` rows `where` picks (a few rows per
 * jurisdiction, kept by trigger in the writing transaction), each with its overdue tasks as of
 * `on` counted from `task_open_due_index` (an index-only range: that jurisdiction's open tasks
 * due before the day). Neither grows with the closed tasks, so the figures cost the same with a
 * thousand tasks or a million. `having` leaves jurisdictions whose tasks are all gone absent, as
 * if never counted.
 */
function keptTaskCounts(knex: Knex, where: Knex.Raw, on: string): Knex.Raw {
  return knex.raw(
    `with "counts" as (
      select "jurisdiction_code" as "key",
        sum("count")::int as "total",
        coalesce(sum("count") filter (where "status" = 'PLANNED'), 0)::int as "planned",
        coalesce(sum("count") filter (where "status" = 'IN_PROGRESS'), 0)::int as "inProgress",
        coalesce(sum("count") filter (where "status" = 'COMPLETED'), 0)::int as "completed",
        coalesce(sum("count") filter (where "status" = 'CANCELLED'), 0)::int as "cancelled"
      from "task_count" where ?
      group by "jurisdiction_code" having sum("count") > 0
    )
    select "counts".*, "open"."overdue" from "counts" cross join lateral (
      select count(*)::int as "overdue" from "task" where "task"."jurisdiction_code" = "counts"."key" and ?
    ) as "open"`,
    [where, overdueCondition(knex, TASK_OVERDUE, on, 'task')],
  );
}

type CountRow = TaskCounts & { key: string };

/** A text[] parameter: knex would otherwise spread an array into a list of parameters. */
function textArray(knex: Knex, values: readonly string[]): Knex.Raw {
  return knex.raw(`array[${values.map(() => '?').join(', ')}]::text[]`, [...values]);
}

function countsOf(row: CountRow): TaskCounts {
  const { key: _key, ...counts } = row;
  return counts;
}

/** Task counts of each jurisdiction's own tasks, keyed by jurisdiction code (absent: no tasks). */
export async function taskCountsByJurisdiction(em: EntityManager, codes: readonly string[], on: string): Promise<Map<string, TaskCounts>> {
  const knex = em.getKnex();
  const rows: CountRow[] = await em.getConnection().execute(
    keptTaskCounts(knex, knex.raw('"jurisdiction_code" = any(?)', [textArray(knex, codes)]), on),
  );
  return new Map(rows.map((row) => [row.key, countsOf(row)]));
}

/**
 * Task counts of each unit's own tasks (those carrying out items on the unit's lists), keyed by
 * unit id (absent: no tasks). For the units of one level, which share their jurisdiction's figure.
 */
export async function taskCountsByUnit(em: EntityManager, unitIds: readonly string[], on: string): Promise<Map<string, TaskCounts>> {
  const knex = em.getKnex();
  const rows: CountRow[] = await em.getConnection().execute(
    knex.raw(
      `select "items"."unit_id"::text as "key", ?
       from "task"
       join (select "id" as "item_id", "unit_id" from "responsibility_item" where "unit_id" = any(?::uuid[])) as "items"
         on "items"."item_id" = "task"."responsibility_item_id"
       group by "items"."unit_id"`,
      [taskCountColumns(knex, on), textArray(knex, unitIds)],
    ),
  );
  return new Map(rows.map((row) => [row.key, countsOf(row)]));
}

/**
 * Task counts of every street below the given districts, keyed by street code. The prefix test
 * runs over `task_count` (a few rows per jurisdiction), never over the task table.
 */
export async function streetTaskCountsOfDistricts(em: EntityManager, districtCodes: readonly string[], on: string): Promise<Map<string, TaskCounts>> {
  const knex = em.getKnex();
  const rows: CountRow[] = await em.getConnection().execute(
    keptTaskCounts(knex, knex.raw('left("jurisdiction_code", 6) = any(?) and length("jurisdiction_code") = 9', [textArray(knex, districtCodes)]), on),
  );
  return new Map(rows.map((row) => [row.key, countsOf(row)]));
}

export interface DistrictTaskTotals extends TaskCounts {
  districtCode: string;
}

/**
 * Street tasks summed per district (the first six digits of a street code are its district's),
 * for the districts of the given cities (a city code's first two digits are its province's).
 */
export async function streetTaskTotalsByDistrict(em: EntityManager, cityCodes: readonly string[], on: string): Promise<Map<string, DistrictTaskTotals[]>> {
  const knex = em.getKnex();
  const streets = keptTaskCounts(
    knex,
    knex.raw(`left("jurisdiction_code", 2) || '0000' = any(?) and length("jurisdiction_code") = 9`, [textArray(knex, cityCodes)]),
    on,
  );
  const rows: (DistrictTaskTotals & { cityCode: string })[] = await em.getConnection().execute(
    knex.raw(
      `select left("key", 2) || '0000' as "cityCode", left("key", 6) as "districtCode",
         sum("total")::int as "total", sum("planned")::int as "planned", sum("inProgress")::int as "inProgress",
         sum("completed")::int as "completed", sum("cancelled")::int as "cancelled", sum("overdue")::int as "overdue"
       from (?) as "streets"
       group by 1, 2 order by 2`,
      [streets],
    ),
  );
  return groupBy(rows, (row) => row.cityCode, ({ cityCode: _cityCode, ...totals }) => totals);
}

export interface PeriodCount {
  period: string;
  count: number;
}

/**
 * Duty records per period for each jurisdiction, every period of the range included (zeros
 * too). A corrected record has several versions; only the latest one counts, and its date
 * decides the period, so the range is applied after picking the latest version.
 */
export async function dutyRecordCountsByPeriod(
  em: EntityManager,
  codes: readonly string[],
  period: StatisticsPeriod,
  range: DateRange,
): Promise<Map<string, PeriodCount[]>> {
  const knex = em.getKnex();
  const { unit, step, label } = PERIOD_SQL[period];
  const rows: { code: string; period: string; count: number }[] = await em.getConnection().execute(
    knex.raw(
      `with "latest" as (
         select distinct on ("record_id") "jurisdiction_code", "occurred_on"
         from "duty_record" where "jurisdiction_code" = any(:codes)
         order by "record_id", "version" desc
       ), "counted" as (
         select "jurisdiction_code", date_trunc(:unit, "occurred_on"::timestamp) as "start", count(*)::int as "count"
         from "latest" where "occurred_on" between :from::date and :to::date
         group by 1, 2
       )
       select "k"."code", to_char("p"."start", :label) as "period", coalesce("c"."count", 0)::int as "count"
       from unnest(:codes) as "k"("code")
       cross join generate_series(date_trunc(:unit, :from::timestamp), :to::timestamp, :step::interval) as "p"("start")
       left join "counted" as "c" on "c"."jurisdiction_code" = "k"."code" and "c"."start" = "p"."start"
       order by "k"."code", "p"."start"`,
      { codes: textArray(knex, codes), unit, step, label, from: range.from, to: range.to },
    ),
  );
  return groupBy(rows, (row) => row.code, (row) => ({ period: row.period, count: row.count }));
}

function groupBy<R, V>(rows: readonly R[], keyOf: (row: R) => string, valueOf: (row: R) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row)) ?? [];
    group.push(valueOf(row));
    groups.set(keyOf(row), group);
  }
  return groups;
}
