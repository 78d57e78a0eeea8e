import type { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLError } from 'graphql';
import { badUserInput } from './graphql-errors';

/** What PostgreSQL says about a unique violation (SQLSTATE 23505), as node-postgres hands it over. */
interface UniqueViolationDetail {
  table?: string;
  constraint?: string;
  /** `Key (jurisdiction_code, name)=(120116, 中共天津市滨海新区委员会) already exists.` */
  detail?: string;
}

/**
 * Indexes whose violating column is not the one a form should point at: one principal leader
 * per unit is keyed by the unit, but what the caller asked for is `principal: true`.
 */
const FIELD_OF_CONSTRAINT: Record<string, string> = {
  cadre_one_principal_per_unit: 'principal',
};

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/**
 * The key PostgreSQL reports: its columns and their values. The values are printed joined by
 * ", " without quoting, so a value holding ", " is ambiguous; only the last column (a name, a
 * title) can hold free text in the platform's keys, so the split is taken from the left.
 */
export function parseUniqueKey(detail: string | undefined): { columns: string[]; values: string[] } | undefined {
  const match = /^Key \((.+?)\)=\((.*)\) already exists\.?$/s.exec(detail ?? '');
  if (!match) return undefined;
  const columns = match[1].split(', ').map((column) => column.replace(/^"|"$/g, ''));
  const parts = match[2].split(', ');
  const values = [...parts.slice(0, columns.length - 1), parts.slice(columns.length - 1).join(', ')];
  if (values.length !== columns.length) return undefined;
  return { columns, values };
}

/** The record that already holds the key, read outside the failed transaction. */
async function existingRecordId(em: EntityManager, table: string, constraint: string | undefined, key: { columns: string[]; values: string[] }): Promise<string | undefined> {
  const knex = em.getKnex();
  // A partial unique index (one principal per unit) holds only the rows of its predicate.
  const predicate: { predicate: string | null }[] = constraint
    ? await em.getConnection().execute(
        `select pg_get_expr(i.indpred, i.indrelid) as predicate from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = ?`,
        [constraint],
      )
    : [];
  const query = knex(table).select(knex.raw('id::text as id')).limit(1);
  for (const [index, column] of key.columns.entries()) query.whereRaw('??::text = ?', [column, key.values[index]]);
  if (predicate[0]?.predicate) query.whereRaw(predicate[0].predicate);
  try {
    const rows: { id: string }[] = await em.getConnection().execute(query);
    return rows[0]?.id;
  } catch {
    // A table without an `id` column: the message still names the field and the key.
    return undefined;
  }
}

/** The columns of a unique index or constraint, in key order. */
async function constraintColumns(em: EntityManager, constraint: string): Promise<string[]> {
  const rows: { column: string }[] = await em.getConnection().execute(
    `select a.attname as "column" from pg_index i join pg_class c on c.oid = i.indexrelid
       join lateral unnest(i.indkey) with ordinality as k(attnum, position) on true
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
     where c.relname = ? order by k.position`,
    [constraint],
  );
  return rows.map((row) => row.column);
}

/** The record's kind as the schema names it (`Unit`), not the table: the database stays inside. */
function recordKind(em: EntityManager, table: string): string {
  const meta = Object.values(em.getMetadata().getAll()).find((entity) => entity.tableName === table);
  return meta ? meta.className.replace(/Entity$/, '') : '记录 record';
}

/**
 * 唯一性冲突 A unique violation as the caller's mistake, said once for every mutation: the field to
 * change (`input.name`), the value already taken and the record that holds it, in Chinese and
 * English, with `extensions.existingId` for a form that wants to link to it. The database
 * catches what a prior check would have raced on; the answer must be as good as the check's.
 */
export async function uniqueViolationError(em: EntityManager, error: UniqueConstraintViolationException): Promise<GraphQLError> {
  const violation = error as UniqueConstraintViolationException & UniqueViolationDetail;
  const key = parseUniqueKey(violation.detail);
  if (!key && violation.table && violation.constraint) {
    // Under row-level security PostgreSQL withholds the key's values from the service role (they
    // might be another jurisdiction's): the constraint still names the columns, so the field.
    const columns = await constraintColumns(em, violation.constraint).catch(() => []);
    if (columns.length > 0) {
      const field = `input.${FIELD_OF_CONSTRAINT[violation.constraint] ?? camelCase(columns[columns.length - 1])}`;
      const shown = columns.map(camelCase).join(', ');
      const kind = recordKind(em, violation.table);
      const taken = badUserInput(field, `已有 ${kind} 使用相同的值（${shown}）/ already taken: a ${kind} has the same ${shown}`);
      taken.extensions.existingId = null;
      return taken;
    }
  }
  if (!key || !violation.table) return badUserInput('input', '已存在相同的记录 / a record with these values already exists');
  const column = key.columns[key.columns.length - 1];
  const field = `input.${FIELD_OF_CONSTRAINT[violation.constraint ?? ''] ?? camelCase(column)}`;
  const existingId = await existingRecordId(em, violation.table, violation.constraint, key).catch(() => undefined);
  const shown = key.columns.map((name, index) => `${camelCase(name)} = ${key.values[index]}`).join(', ');
  const kind = recordKind(em, violation.table);
  const record = existingId ? `${kind} ${existingId}` : kind;
  const taken = badUserInput(field, `已有记录 ${record} 使用相同的值（${shown}）/ already taken: ${record} has ${shown}`);
  taken.extensions.existingId = existingId ?? null;
  return taken;
}
