import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Level } from '../jurisdiction/admin-code';

export const FIGURE_METRICS = ['overdueTasks', 'findingsNotRectified', 'dutyRecords'] as const;
export type FigureMetric = (typeof FIGURE_METRICS)[number];
/** Whether a count comes from the district's own records or from its streets'. */
export type FigurePart = 'district' | 'streets';

export interface FigureRow {
  district: string;
  metric: FigureMetric;
  part: FigurePart;
  count: number;
}

export interface FiguresRequest {
  districts: string[];
  from: string;
  to: string;
  today: string;
}

function textArray(knex: Knex, values: readonly string[]): Knex.Raw {
  return knex.raw(`array[${values.map(() => '?').join(', ')}]::text[]`, [...values]);
}

const NOT_RECTIFIED = `"f"."status" not in ('ACCEPTED', 'CONFIRMED')`;

/**
 * 区合计 One level's share of the per-district figures, ONE statement per level whatever the
 * number of districts: the city's findings about districts' units; a district's own overdue
 * tasks, duty records of the period and findings about its own and its streets' units; the
 * streets' overdue tasks and duty records, grouped by their district (`left(code, 6)`).
 */
export async function selectDistrictFigures(em: EntityManager, level: Level, request: FiguresRequest): Promise<FigureRow[]> {
  const knex = em.getKnex();
  const districts = textArray(knex, request.districts);
  const parts: { sql: string; bindings: unknown[] }[] = [];
  if (level === 'city') {
    parts.push({
      sql: `select "f"."unit_jurisdiction_code" as "district", 'findingsNotRectified' as "metric", 'district' as "part", count(*)::int as "count"
            from "supervision_finding" as "f" where "f"."unit_jurisdiction_code" = any(?) and ${NOT_RECTIFIED} group by 1`,
      bindings: [districts],
    });
  }
  if (level === 'district' || level === 'street') {
    const part = level === 'district' ? 'district' : 'streets';
    parts.push(
      {
        sql: `select left("t"."jurisdiction_code", 6) as "district", 'overdueTasks' as "metric", '${part}' as "part", count(*)::int as "count"
              from "task" as "t" where left("t"."jurisdiction_code", 6) = any(?)
                and "t"."status" in ('PLANNED', 'IN_PROGRESS') and "t"."due_date" < ?::date group by 1`,
        bindings: [districts, request.today],
      },
      {
        // From the counts kept per jurisdiction and day (latest versions only): the period's
        // days of each jurisdiction, never its records.
        sql: `select left("d"."jurisdiction_code", 6) as "district", 'dutyRecords' as "metric", '${part}' as "part", sum("d"."count")::int as "count"
              from "duty_record_count" as "d" where left("d"."jurisdiction_code", 6) = any(?)
                and "d"."occurred_on" between ?::date and ?::date group by 1 having sum("d"."count") > 0`,
        bindings: [districts, request.from, request.to],
      },
    );
  }
  if (level === 'district') {
    parts.push({
      sql: `select left("f"."unit_jurisdiction_code", 6) as "district", 'findingsNotRectified' as "metric",
                   case when length("f"."unit_jurisdiction_code") = 6 then 'district' else 'streets' end as "part", count(*)::int as "count"
            from "supervision_finding" as "f" where left("f"."unit_jurisdiction_code", 6) = any(?) and ${NOT_RECTIFIED} group by 1, 3`,
      bindings: [districts],
    });
  }
  if (parts.length === 0) return [];
  const rows: FigureRow[] = await em.getConnection().execute(
    knex.raw(
      parts.map((part) => `(${part.sql})`).join(' union all '),
      parts.flatMap((part) => part.bindings) as Knex.RawBinding[],
    ),
  );
  return rows;
}
