import type { AnyEntity, EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from '../pagination/connection';
import type { Level } from '../jurisdiction/admin-code';

/**
 * What a per-level subgraph tells the shared domain modules about itself: which level it is and
 * its own jurisdiction type (so modules can add fields such as `District.tasks`). One
 * jurisdiction by code (for fields such as `DistrictTask.district`) comes from the level's
 * `JurisdictionLoaders`, typed in each module's context.
 */
export interface LevelOptions {
  level: Level;
  jurisdictionType: ClassType;
  /** GraphQL field name of the jurisdiction on records: `city`, `district` or `street`. */
  jurisdictionField: Level;
}

/** One domain's share of a subgraph: its tables, resolvers and per-request loaders. */
export interface SubgraphModule<Loaders = object> {
  entities: EntityClass<AnyEntity>[];
  resolvers: Function[];
  orphanedTypes?: Function[];
  referenceResolvers?: Record<string, Record<string, unknown>>;
  createLoaders(em: EntityManager): Loaders;
}

type LoadersOf<M> = M extends SubgraphModule<infer L> ? L : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Merges modules into the parts of a SubgraphDefinition; loader names must not collide. */
export function combineModules<M extends SubgraphModule<object>[]>(...modules: M) {
  type Loaders = UnionToIntersection<LoadersOf<M[number]>>;
  const referenceResolvers: Record<string, Record<string, unknown>> = {};
  for (const module of modules) {
    for (const [typeName, fields] of Object.entries(module.referenceResolvers ?? {})) {
      referenceResolvers[typeName] = { ...referenceResolvers[typeName], ...fields };
    }
  }
  return {
    entities: [...new Set(modules.flatMap((module) => module.entities))],
    resolvers: modules.flatMap((module) => module.resolvers) as [Function, ...Function[]],
    orphanedTypes: modules.flatMap((module) => module.orphanedTypes ?? []),
    referenceResolvers,
    createLoaders: (em: EntityManager): Loaders =>
      Object.assign({}, ...modules.map((module) => module.createLoaders(em))) as Loaders,
  };
}
