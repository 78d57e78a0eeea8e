import type { EntityClass, EntityMetadata, EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/*
 * 只读列表 Rows of a read-only list as entity instances without the unit of work.
 *
 * `em.map` makes every row a managed entity: it registers it in the identity map, takes a
 * snapshot for change tracking and, through the setters MikroORM puts on the entity's prototype,
 * defines an accessor per property on every instance. In the profile of the city-scale benchmark
 * that was the street subgraph's largest cost after GC (and much of the GC), for pages and
 * loader results that nothing in the request ever changes or flushes. Here the row goes through
 * MikroORM's own compiled result mapper (column names to properties) and each property's type
 * conversion (`date` to its string, `bigint`, JSON…), into an instance whose prototype chain still
 * holds the entity class (`instanceof`, methods and getters work) but whose properties are plain
 * data. Only for what a query reads: a mutation loads what it changes through the entity manager.
 */

interface Shape {
  prototype: object;
  converted: EntityProperty[];
}

const shapes = new WeakMap<EntityMetadata, Shape>();

function shapeOf(meta: EntityMetadata): Shape {
  const known = shapes.get(meta);
  if (known) return known;
  // Plain writable data properties in front of the entity's prototype shadow its tracking setters.
  const prototype = Object.create(meta.prototype as object) as object;
  for (const prop of meta.props) {
    Object.defineProperty(prototype, prop.name, { value: undefined, writable: true, enumerable: false, configurable: true });
  }
  const shape = { prototype, converted: meta.props.filter((prop) => prop.customType) };
  shapes.set(meta, shape);
  return shape;
}

/** The rows (`select "table".*`) as unmanaged instances of `entity`, typed as `em.map` would type them. */
export function readOnlyEntities<T extends object>(em: EntityManager, entity: EntityClass<T>, rows: readonly Record<string, unknown>[]): T[] {
  const meta = em.getMetadata().get(entity.name) as EntityMetadata;
  const { prototype, converted } = shapeOf(meta);
  const driver = em.getDriver();
  const platform = em.getPlatform();
  return rows.map((row) => {
    const data = driver.mapResult(row, meta as never) as Record<string, unknown>;
    for (const prop of converted) {
      const value = data[prop.name];
      if (value !== null && value !== undefined) data[prop.name] = prop.customType!.convertToJSValue(value, platform);
    }
    return Object.assign(Object.create(prototype) as T, data);
  });
}
