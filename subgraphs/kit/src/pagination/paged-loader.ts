import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { readOnlyEntities } from '../db/read-only-rows';
import type { Connection } from './connection';
import { decodeCursor, encodeCursor, type CursorValueKind } from './cursor';

export interface PageRequest<T> {
  entity: EntityClass<T>;
  /** Column the pages are per (e.g. `jurisdiction_code`): one page for each loaded key. */
  partitionColumn: string;
  /** Sort column and the entity property holding the same value (for cursors). */
  sort: { column: string; property: keyof T & string; direction: 'asc' | 'desc' };
  /** Narrows the rows (filters) with knex; applied before counting. */
  where?: (query: Knex.QueryBuilder) => void;
  first: number;
  after?: string;
  /**
   * Count the filtered total too (default). Counting reads every matching row of the parent; a
   * query that does not ask for `totalCount` need not pay for it (`selectsTotalCount`).
   */
  withTotal?: boolean;
}

/** Whether the field being resolved asks for `totalCount` (a fragment counts as asking, to be safe). */
export function selectsTotalCount(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node) =>
    (node.selectionSet?.selections ?? []).some((selection) => selection.kind !== Kind.FIELD || selection.name.value === 'totalCount'),
  );
}

/**
 * Pages of a list for many parents in ONE statement: a list field below a list
 * (`city { districts { tasks(first: 10) } }`) costs one query, not one per district. Each parent
 * key gets its own LATERAL subquery, an index range that stops after `first + 1` rows (the page
 * and whether there is a next one), and a second one counting the filtered total; keyset cursors
 * (sort value + id) keep pages stable while rows are added. Reading a page thus costs a page, not
 * the parent's whole list (as numbering every row with window functions did).
 */
export function pagedLoader<T extends { id: string }>(em: EntityManager, request: PageRequest<T>): DataLoader<string, Connection<T>> {
  return new DataLoader<string, Connection<T>>(async (keys) => {
    const knex = em.getKnex();
    const meta = em.getMetadata().get(request.entity.name);
    const { column, property, direction } = request.sort;
    const comparison = direction === 'asc' ? '>' : '<';
    // The keys are cast to the partition column's own type, so its index serves the equality.
    const keyProperty = Object.values(meta.properties).find((prop) => prop.fieldNames?.[0] === request.partitionColumn);
    const keyType = keyProperty?.columnTypes?.[0] ?? 'text';
    const ofKey = (query: Knex.QueryBuilder) => {
      query.whereRaw('?? = "__keys"."key"', [`${meta.tableName}.${request.partitionColumn}`]);
      request.where?.(query);
      return query;
    };

    const page = ofKey(knex(meta.tableName).select(`${meta.tableName}.*`));
    if (request.after) {
      const [value, id] = decodeCursor(request.after, 'after', cursorKind(meta.properties[property]?.runtimeType, meta.properties[property]?.type));
      page.whereRaw(`(??, ??) ${comparison} (?, ?)`, [`${meta.tableName}.${column}`, `${meta.tableName}.id`, value as Knex.Value, id]);
    }
    page.orderBy([{ column: `${meta.tableName}.${column}`, order: direction }, { column: `${meta.tableName}.id`, order: direction }]).limit(request.first + 1);
    const total = request.withTotal === false
      ? knex.select(knex.raw('null::int as "__total"'))
      : ofKey(knex(meta.tableName).select(knex.raw('count(*)::int as "__total"')));

    const rows: Record<string, unknown>[] = await em.getConnection().execute(
      knex.raw(
        `select "__keys"."key" as "__key", "__total"."__total", "__page".*
         from unnest(?::${keyType}[]) with ordinality as "__keys"("key", "__order")
         cross join lateral (${total.toQuery()}) as "__total"
         left join lateral (${page.toQuery()}) as "__page" on true
         order by "__keys"."__order", "__page".?? ${direction}, "__page"."id" ${direction}`,
        [knex.raw(`array[${keys.map(() => '?').join(', ')}]`, [...keys]), column],
      ),
    );

    const byKey = new Map<string, { rows: Record<string, unknown>[]; total: number }>();
    for (const row of rows) {
      const key = String(row.__key);
      const group = byKey.get(key) ?? { rows: [], total: Number(row.__total) };
      // A key whose page is empty still has its row (the left join), with no record in it.
      if (row.id !== null && row.id !== undefined) group.rows.push(row);
      byKey.set(key, group);
    }
    return keys.map((key) => {
      const group = byKey.get(key);
      const pageRows = (group?.rows ?? []).slice(0, request.first).map(({ __key, __total, ...data }) => data);
      // A page is read, never changed: unmanaged instances spare the unit of work (read-only-rows.ts).
      const nodes = readOnlyEntities(em, request.entity, pageRows);
      const edges = nodes.map((node) => ({ node, cursor: encodeCursor(serialise(node[property]), node.id) }));
      return {
        edges,
        pageInfo: {
          hasNextPage: (group?.rows.length ?? 0) > request.first,
          hasPreviousPage: request.after !== undefined,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges[edges.length - 1]?.cursor ?? null,
        },
        // The total ignores the cursor; a partition with no rows after the cursor still has one.
        // Not counted (not asked for): the field is not selected, so the value is never read.
        totalCount: group?.total ?? 0,
      };
    });
  });
}

function cursorKind(runtimeType: string | undefined, columnType: unknown): CursorValueKind | undefined {
  if (runtimeType === 'Date' || columnType === 'date') return 'date';
  if (runtimeType === 'number') return 'number';
  if (runtimeType === 'string') return 'string';
  return undefined;
}

function serialise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Per-request family of loaders, one per distinct argument set: all the `tasks(first: 10)`
 * under one query share a loader and so a statement, while `tasks(first: 5)` elsewhere gets its own.
 */
export class LoaderFamily {
  // Each key was created with its own K and V; `get` hands it back with the caller's.
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    const known = this.loaders.get(key);
    if (known) return known as DataLoader<K, V>;
    const loader = create();
    this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    return loader;
  }
}
