import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { containsPattern } from '../db/like-pattern';
import { DUTY_RECORD_KINDS } from '../duty-record/duty-record.entity';
import { badUserInput } from '../errors/graphql-errors';
import { levelOfCode, type Level } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { UNIT_KINDS } from '../org/unit.entity';
import { CHECK_MODES, FINDING_STATUSES } from '../supervision/supervision.entities';
import { TASK_STATUSES } from '../task/task.entity';
import { scopeCondition } from './citywide-scope';
import { decodeCursor, type CitywideKey, type Direction } from './keyset';

/**
 * 全市列表 The city-wide lists: for each, which levels keep such records, the column that places a
 * record in a jurisdiction, the orders it can be read in and its filters — as SQL on one level's
 * own tables. Every level runs the same definition on its own database; the merge
 * (`citywide-merge.ts`) only ever sees keys.
 */
export const CITYWIDE_LIST_NAMES = ['tasks', 'dutyRecords', 'cadres', 'units', 'findings', 'checks', 'interviews'] as const;
export type CitywideListName = (typeof CITYWIDE_LIST_NAMES)[number];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().min(1).max(200);

/** The filters as they travel between levels; the public inputs (citywide.inputs.ts) have the same shape. */
const FILTERS = {
  tasks: z.object({
    status: z.array(z.enum(TASK_STATUSES)).optional(),
    overdue: z.boolean().optional(),
    minDaysOverdue: z.number().int().min(1).optional(),
    categoryCode: text.optional(),
    dueFrom: date.optional(),
    dueTo: date.optional(),
    text: text.optional(),
  }),
  dutyRecords: z.object({ kind: z.enum(DUTY_RECORD_KINDS).optional(), from: date.optional(), to: date.optional(), text: text.optional() }),
  cadres: z.object({
    text: text.optional(),
    principal: z.boolean().optional(),
    noDutyRecordFrom: date.optional(),
    noDutyRecordTo: date.optional(),
  }),
  units: z.object({ kind: z.enum(UNIT_KINDS).optional(), text: text.optional(), noResponsibilityListYear: z.number().int().min(2000).max(2100).optional() }),
  findings: z.object({
    status: z.array(z.enum(FINDING_STATUSES)).optional(),
    notRectified: z.boolean().optional(),
    overdue: z.boolean().optional(),
    checkedButNotFixed: z.boolean().optional(),
    deadlineFrom: date.optional(),
    deadlineTo: date.optional(),
  }),
  checks: z.object({ mode: z.enum(CHECK_MODES).optional(), from: date.optional(), to: date.optional() }),
  interviews: z.object({ followUpStatus: z.enum(['AWAITING_FOLLOW_UP', 'COMMITMENTS_OPEN', 'CONFIRMED']).optional() }),
} satisfies Record<CitywideListName, z.ZodType>;

export type CitywideFilter<N extends CitywideListName> = z.infer<(typeof FILTERS)[N]>;

type SortKind = 'int' | 'date' | 'text';
interface SortSpec {
  /** SQL of the sort value; `?` placeholders take `today`. */
  sql: string;
  kind: SortKind;
}

interface ListSpec {
  /** The type's concept; the level's type is `District` + concept, and so on. */
  concept: string;
  levels: readonly Level[];
  table: string;
  /** The column that places a record in a jurisdiction for the scope. */
  scopeColumn: string;
  /** True when a level's rows name jurisdictions one level down (a district's findings about its streets' units). */
  reachesBelow?: boolean;
  sorts: Record<string, SortSpec>;
  /** Days overdue on `today` (`?` placeholders), or null where a list has no deadline. */
  daysOverdue: string | null;
  where(knex: Knex, query: Knex.QueryBuilder, filter: Record<string, unknown>, today: string): void;
}

const TASK_OPEN = `"t"."status" in ('PLANNED', 'IN_PROGRESS')`;
const TASK_DAYS_OVERDUE = `(case when ${TASK_OPEN} and "t"."due_date" < ?::date then ?::date - "t"."due_date" else 0 end)`;
const FINDING_OPEN = `"t"."status" in ('OPEN', 'SENT_BACK', 'REOPENED')`;
const FINDING_DAYS_OVERDUE = `(case when ${FINDING_OPEN} and "t"."deadline" < ?::date then ?::date - "t"."deadline" else 0 end)`;
/** A duty record version is the latest while no later version of the same record exists. */
const LATEST = (alias: string) =>
  `not exists (select 1 from "duty_record" as "newer" where "newer"."record_id" = "${alias}"."record_id" and "newer"."version" > "${alias}"."version")`;

function ilike(query: Knex.QueryBuilder, columns: string[], value: string): void {
  const pattern = containsPattern(value);
  query.where((inner) => {
    for (const column of columns) inner.orWhereRaw(`${column} ilike ? escape '\\'`, [pattern]);
  });
}

export const CITYWIDE_LISTS: Record<CitywideListName, ListSpec> = {
  tasks: {
    concept: 'Task',
    levels: ['city', 'district', 'street'],
    table: 'task',
    scopeColumn: '"t"."jurisdiction_code"',
    sorts: {
      DAYS_OVERDUE: { sql: TASK_DAYS_OVERDUE, kind: 'int' },
      DUE_DATE: { sql: `to_char("t"."due_date", 'YYYY-MM-DD')`, kind: 'date' },
      PROGRESS: { sql: `"t"."progress"::int`, kind: 'int' },
      CREATED: { sql: `''`, kind: 'text' },
    },
    daysOverdue: TASK_DAYS_OVERDUE,
    where(knex, query, raw, today) {
      const filter = raw as CitywideFilter<'tasks'>;
      if (filter.status?.length) query.whereIn('t.status', filter.status);
      if (filter.overdue === true) query.whereRaw(`${TASK_OPEN} and "t"."due_date" < ?::date`, [today]);
      if (filter.overdue === false) query.whereRaw(`not (${TASK_OPEN} and "t"."due_date" < ?::date)`, [today]);
      if (filter.minDaysOverdue) query.whereRaw(`${TASK_OPEN} and "t"."due_date" <= ?::date - ?::int`, [today, filter.minDaysOverdue]);
      if (filter.categoryCode) query.whereIn('t.responsibility_item_id', knex('responsibility_item').select('id').where('category_code', filter.categoryCode));
      if (filter.dueFrom) query.where('t.due_date', '>=', filter.dueFrom);
      if (filter.dueTo) query.where('t.due_date', '<=', filter.dueTo);
      if (filter.text) ilike(query, ['"t"."title"', '"t"."description"'], filter.text);
    },
  },
  dutyRecords: {
    concept: 'DutyRecord',
    levels: ['city', 'district', 'street'],
    table: 'duty_record',
    scopeColumn: '"t"."jurisdiction_code"',
    sorts: { OCCURRED_ON: { sql: `to_char("t"."occurred_on", 'YYYY-MM-DD')`, kind: 'date' }, CREATED: { sql: `''`, kind: 'text' } },
    daysOverdue: null,
    where(_knex, query, raw) {
      const filter = raw as CitywideFilter<'dutyRecords'>;
      query.whereRaw(LATEST('t'));
      // Archived records (past their retention period) are not part of the city-wide list.
      query.whereNull('t.archived_at');
      if (filter.kind) query.where('t.kind', filter.kind);
      if (filter.from) query.where('t.occurred_on', '>=', filter.from);
      if (filter.to) query.where('t.occurred_on', '<=', filter.to);
      if (filter.text) ilike(query, ['"t"."summary"'], filter.text);
    },
  },
  cadres: {
    concept: 'Cadre',
    levels: ['city', 'district', 'street'],
    table: 'cadre',
    scopeColumn: '"t"."jurisdiction_code"',
    sorts: { NAME: { sql: `"t"."name" collate "C"`, kind: 'text' }, CREATED: { sql: `''`, kind: 'text' } },
    daysOverdue: null,
    where(_knex, query, raw) {
      const filter = raw as CitywideFilter<'cadres'>;
      if (filter.text) ilike(query, ['"t"."name"', '"t"."position"'], filter.text);
      if (filter.principal !== undefined) query.where('t.principal', filter.principal);
      // 无履职纪实 Anti-join: no latest duty-record version of the cadre dated in the period.
      if (filter.noDutyRecordFrom || filter.noDutyRecordTo) {
        query.whereRaw(
          `not exists (select 1 from "duty_record" as "d" where "d"."cadre_id" = "t"."id"
             and "d"."occurred_on" between coalesce(?::date, '-infinity'::date) and coalesce(?::date, 'infinity'::date) and ${LATEST('d')})`,
          [filter.noDutyRecordFrom ?? null, filter.noDutyRecordTo ?? null],
        );
      }
    },
  },
  units: {
    concept: 'Unit',
    levels: ['city', 'district', 'street'],
    table: 'unit',
    scopeColumn: '"t"."jurisdiction_code"',
    sorts: { NAME: { sql: `"t"."name" collate "C"`, kind: 'text' }, CREATED: { sql: `''`, kind: 'text' } },
    daysOverdue: null,
    where(_knex, query, raw) {
      const filter = raw as CitywideFilter<'units'>;
      if (filter.kind) query.where('t.kind', filter.kind);
      if (filter.text) ilike(query, ['"t"."name"'], filter.text);
      // 无责任清单 Anti-join: no responsibility item of the year on the unit's lists (team's or any cadre's).
      if (filter.noResponsibilityListYear) {
        query.whereRaw(`not exists (select 1 from "responsibility_item" as "r" where "r"."unit_id" = "t"."id" and "r"."year" = ?)`, [
          filter.noResponsibilityListYear,
        ]);
      }
    },
  },
  findings: {
    concept: 'SupervisionFinding',
    levels: ['city', 'district'],
    table: 'supervision_finding',
    // A finding belongs to the supervised unit's jurisdiction: that is whose findings a commission asks for.
    scopeColumn: '"t"."unit_jurisdiction_code"',
    reachesBelow: true,
    sorts: {
      DAYS_OVERDUE: { sql: FINDING_DAYS_OVERDUE, kind: 'int' },
      DEADLINE: { sql: `to_char("t"."deadline", 'YYYY-MM-DD')`, kind: 'date' },
      CREATED: { sql: `''`, kind: 'text' },
    },
    daysOverdue: FINDING_DAYS_OVERDUE,
    where(_knex, query, raw, today) {
      const filter = raw as CitywideFilter<'findings'>;
      if (filter.status?.length) query.whereIn('t.status', filter.status);
      if (filter.notRectified) query.whereNotIn('t.status', ['ACCEPTED', 'CONFIRMED']);
      if (filter.overdue === true) query.whereRaw(`${FINDING_OPEN} and "t"."deadline" < ?::date`, [today]);
      if (filter.overdue === false) query.whereRaw(`not (${FINDING_OPEN} and "t"."deadline" < ?::date)`, [today]);
      if (filter.checkedButNotFixed) query.where('t.reopen_count', '>', 0);
      if (filter.deadlineFrom) query.where('t.deadline', '>=', filter.deadlineFrom);
      if (filter.deadlineTo) query.where('t.deadline', '<=', filter.deadlineTo);
    },
  },
  checks: {
    concept: 'SupervisionCheck',
    levels: ['city', 'district'],
    table: 'supervision_check',
    scopeColumn: '"t"."unit_jurisdiction_code"',
    reachesBelow: true,
    sorts: { CHECKED_ON: { sql: `to_char("t"."checked_on", 'YYYY-MM-DD')`, kind: 'date' }, CREATED: { sql: `''`, kind: 'text' } },
    daysOverdue: null,
    where(_knex, query, raw) {
      const filter = raw as CitywideFilter<'checks'>;
      if (filter.mode) query.where('t.mode', filter.mode);
      if (filter.from) query.where('t.checked_on', '>=', filter.from);
      if (filter.to) query.where('t.checked_on', '<=', filter.to);
    },
  },
  interviews: {
    concept: 'AssessmentInterview',
    levels: ['city', 'district'],
    table: 'assessment_interview',
    // An interview belongs to the assessing level that held it.
    scopeColumn: '"t"."assessor_code"',
    sorts: { HELD_ON: { sql: `to_char("t"."held_on", 'YYYY-MM-DD')`, kind: 'date' }, CREATED: { sql: `''`, kind: 'text' } },
    daysOverdue: null,
    where(_knex, query, raw) {
      const filter = raw as CitywideFilter<'interviews'>;
      if (filter.followUpStatus) query.where('t.follow_up_status', filter.followUpStatus);
    },
  },
};

/** What the merging place asks each level for. */
export interface KeysRequest {
  list: CitywideListName;
  scope: string[];
  filter: Record<string, unknown>;
  sort: string;
  direction: Direction;
  first: number;
  after: string | null;
  /** "Today" in Tianjin as the merging level saw it, so every level counts days overdue alike. */
  today: string;
}

export const keysRequestSchema = z.object({
  list: z.enum(CITYWIDE_LIST_NAMES),
  scope: z.array(z.string().regex(/^\d{6}(\d{3})?$/)).min(1).max(320),
  filter: z.record(z.string(), z.unknown()),
  sort: z.string(),
  direction: z.enum(['asc', 'desc']),
  first: z.number().int().min(1).max(101),
  after: z.string().nullable(),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** Parses a list's filter as it arrives from another level (the public input was checked there already). */
export function parseFilter(list: CitywideListName, filter: unknown): Record<string, unknown> {
  return FILTERS[list].parse(filter) as Record<string, unknown>;
}

/**
 * One level's best `first` keys for the request — ONE statement, `limit first`, ordered by the
 * list's sort value and id, starting after the cursor. With an index on the sort column the
 * database reads about a page, however many rows match.
 */
export async function selectCitywideKeys(em: EntityManager, level: Level, request: KeysRequest, today: string): Promise<CitywideKey[]> {
  const spec = CITYWIDE_LISTS[request.list];
  if (!spec.levels.includes(level)) return [];
  const scope = request.scope;
  const sort = spec.sorts[request.sort];
  if (!sort) throw new Error(`list ${request.list} has no sort ${request.sort}`);
  const sortSql = sort.sql;
  const sortBindings = Array.from({ length: (sortSql.match(/\?/g) ?? []).length }, () => today);
  const knex = em.getKnex();
  const filter = parseFilter(request.list, request.filter);
  const where = scopeCondition(scope, spec.scopeColumn);
  const overdueSql = spec.daysOverdue ?? 'null::int';
  const overdueBindings = Array.from({ length: (overdueSql.match(/\?/g) ?? []).length }, () => today);
  const query = knex(`${spec.table} as t`)
    .select(
      knex.raw(`"t"."id"::text as "id", ${spec.scopeColumn} as "jurisdictionCode", ${sortSql} as "sortValue", ${overdueSql} as "daysOverdue"`, [
        ...sortBindings,
        ...overdueBindings,
      ]),
    )
    .whereRaw(where.sql, where.bindings);
  spec.where(knex, query, filter, today);
  const cursor = decodeCursor(request.after);
  if (cursor) {
    if ((sort.kind === 'int') !== (typeof cursor.sortValue === 'number')) throw badUserInput('after', '游标不属于此排序 / the cursor belongs to another order of the list');
    const op = request.direction === 'asc' ? '>' : '<';
    query.whereRaw(`(${sortSql}, "t"."id") ${op} (?, ?::uuid)`, [...sortBindings, cursor.sortValue, cursor.id]);
  }
  query.orderByRaw(`${sortSql} ${request.direction}, "t"."id" ${request.direction}`, sortBindings).limit(request.first);
  const rows: { id: string; jurisdictionCode: string; sortValue: string | number; daysOverdue: number | null }[] = await em
    .getConnection()
    .execute(query);
  const typename = levelTypeName(level, spec.concept);
  return rows.map((row) => ({ typename, id: row.id, jurisdictionCode: row.jurisdictionCode, sortValue: row.sortValue, daysOverdue: row.daysOverdue }));
}

const DEPTH: Record<Level, number> = { city: 0, district: 1, street: 2 };

/**
 * The levels worth asking for a list in a scope: a level holds records of its own jurisdictions
 * (and, for supervision, of the level below), so a street's scope never reaches the city's
 * database for tasks, but does reach its district's for the district's findings about it.
 */
export function levelsForList(list: CitywideListName, scope: readonly string[]): Level[] {
  const spec = CITYWIDE_LISTS[list];
  const shallowest = Math.min(...scope.map((code) => DEPTH[levelOfCode(code)!]));
  return spec.levels.filter((level) => DEPTH[level] + (spec.reachesBelow ? 1 : 0) >= shallowest);
}
