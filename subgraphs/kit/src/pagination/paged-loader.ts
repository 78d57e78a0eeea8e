import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
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
}

/**
 * Pages of a list for many parents in ONE statement: a list field below a list
 * (`city { districts { tasks(first: 10) } }`) costs one query, not one per district. Window
 * functions number the rows of each partition after the cursor and count the filtered total;
 * keyset cursors (sort value + id) keep pages stable while rows are added.
 */
export function pagedLoader<T extends { id: string }>(em: EntityManager, request: PageRequest<T>): DataLoader<string, Connection<T>> {
  return new DataLoader<string, Connection<T>>(async (keys) => {
    const knex = em.getKnex();
    const meta = em.getMetadata().get(request.entity.name);
    const { column, property, direction } = request.sort;
    const comparison = direction === 'asc' ? '>' : '<';

    const filtered = knex(meta.tableName)
      .select('*', knex.raw('count(*) over (partition by ??) as "__total"', [request.partitionColumn]))
      .whereIn(request.partitionColumn, [...keys]);
    request.where?.(filtered);

    const ranked = knex
      .from(filtered.as('filtered'))
      .select('*', knex.raw(`row_number() over (partition by ?? order by ?? ${direction}, "id" ${direction}) as "__rank"`, [request.partitionColumn, column]));
    if (request.after) {
      const [value, id] = decodeCursor(request.after, 'after', cursorKind(meta.properties[property]?.runtimeType, meta.properties[property]?.type));
      ranked.whereRaw(`(??, "id") ${comparison} (?, ?)`, [column, value as Knex.Value, id]);
    }
    const rows: Record<string, unknown>[] = await em
      .getConnection()
      .execute(knex.from(ranked.as('ranked')).where('__rank', '<=', request.first + 1).orderBy([request.partitionColumn, '__rank']));

    const byKey = new Map<string, { rows: Record<string, unknown>[]; total: number }>();
    for (const row of rows) {
      const key = String(row[request.partitionColumn]);
      const group = byKey.get(key) ?? { rows: [], total: Number(row.__total) };
      group.rows.push(row);
      byKey.set(key, group);
    }
    return keys.map((key) => {
      const group = byKey.get(key);
      const pageRows = (group?.rows ?? []).slice(0, request.first);
      const nodes = pageRows.map((row) => {
        const { __total, __rank, ...data } = row;
        return em.map(request.entity, data as never) as T;
      });
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
