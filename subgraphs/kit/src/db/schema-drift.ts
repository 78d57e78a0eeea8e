import { ReferenceKind } from '@mikro-orm/core';
import type { Orm } from './database';

/**
 * Where a level's entities and the tables its migrations created disagree: a table or column
 * one side has and the other lacks, or a column nullable on one side only. Empty when they
 * agree.
 *
 * Why not MikroORM's own schema diff: the migrations deliberately add what the entities do not
 * model (check constraints, foreign keys, partial indexes, triggers), so that diff is never
 * empty; tables, columns and nullability are what an entity and its table must share.
 */
export async function entitySchemaDrift(orm: Orm): Promise<string[]> {
  const rows: { table: string; column: string; nullable: 'YES' | 'NO' }[] = await orm.em.getConnection().execute(
    `select "table_name" as "table", "column_name" as "column", "is_nullable" as "nullable"
       from information_schema.columns where "table_schema" = current_schema()`,
  );
  const database = new Map<string, Map<string, boolean>>();
  for (const row of rows) {
    if (row.table === 'mikro_orm_migrations') continue;
    const columns = database.get(row.table) ?? new Map<string, boolean>();
    columns.set(row.column, row.nullable === 'YES');
    database.set(row.table, columns);
  }

  const problems: string[] = [];
  const mapped = new Set<string>();
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (meta.embeddable || meta.virtual || meta.abstract) continue;
    mapped.add(meta.tableName);
    const columns = database.get(meta.tableName);
    if (!columns) {
      problems.push(`entity ${meta.className}: table ${meta.tableName} does not exist`);
      continue;
    }
    const entityColumns = new Set<string>();
    for (const property of Object.values(meta.properties)) {
      if (property.persist === false || property.kind === ReferenceKind.ONE_TO_MANY || property.kind === ReferenceKind.MANY_TO_MANY) continue;
      for (const column of property.fieldNames ?? []) {
        entityColumns.add(column);
        if (!columns.has(column)) {
          problems.push(`${meta.tableName}.${column} (${meta.className}.${property.name}) has no column`);
        } else if (Boolean(property.nullable) !== columns.get(column)) {
          problems.push(`${meta.tableName}.${column}: nullable ${columns.get(column)} in the database, ${Boolean(property.nullable)} in ${meta.className}`);
        }
      }
    }
    for (const column of columns.keys()) {
      if (!entityColumns.has(column)) problems.push(`${meta.tableName}.${column} is not mapped by ${meta.className}`);
    }
  }
  for (const table of database.keys()) {
    if (!mapped.has(table)) problems.push(`table ${table} has no entity`);
  }
  return problems.sort();
}
