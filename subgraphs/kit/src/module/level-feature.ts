import type { AnyEntity, EntityClass, MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditedType } from '../accountability/record-audit-trail.module';
import type { ClassType } from '../pagination/connection';
import { orderMigrations } from '../migrations/migration-order';
import { guardReferenceResolvers } from '../authz/guard-references';
import { combineModules, type LevelOptions, type SubgraphModule } from './subgraph-module';

/**
 * The GraphQL types one feature of a level builds and another points at (a task's cadre is the
 * level's Cadre type, a case cites the level's findings …). Features are built in the order the
 * level lists them; a feature asks for what it needs and gets a clear start-up error when no
 * earlier feature provides it.
 */
export interface LevelTypes {
  UnitType: ClassType;
  CadreType: ClassType;
  ResponsibilityItemType: ClassType;
  TaskType: ClassType;
  DutyRecordType: ClassType;
  AuditEntryType: ClassType;
  DirectiveType: ClassType;
  IssuedDirectiveRef: ClassType;
  DirectiveResponseType: ClassType;
  FindingType: ClassType;
  CheckType: ClassType;
  LowerUnitRef: ClassType;
  RectificationReportType: ClassType;
  AssessmentSheetType: ClassType;
  InterviewType: ClassType;
}

/** What a feature is built with: the level, the types earlier features provided, the audited records. */
export class LevelBuild {
  private readonly types: Partial<LevelTypes> = {};
  /** Records whose audit trail the level exposes (问责依据在线倒查), collected from every feature. */
  readonly audited: AuditedType[] = [];

  constructor(readonly level: LevelOptions) {}

  provide(types: Partial<LevelTypes>): void {
    Object.assign(this.types, types);
  }

  /** A type an earlier feature provides; `by` names the asking feature for the error. */
  need<K extends keyof LevelTypes>(name: K, by: string): LevelTypes[K] {
    const type = this.types[name];
    if (!type) throw new Error(`feature ${by} needs ${name}, which no feature listed before it at the ${this.level.level} level provides`);
    return type;
  }

  /** The type if an earlier feature provides it (a street's rectification has no local finding type). */
  find<K extends keyof LevelTypes>(name: K): LevelTypes[K] | undefined {
    return this.types[name];
  }
}

/**
 * 功能声明 One feature of a level, declared once: the tables it brings (migrations and their
 * entities), the loaders it reads that other features create, and how it builds its GraphQL
 * modules for a level. A level lists its features; its entity list, migration list, resolvers,
 * loaders and typed context all follow from that list (`defineLevelFeatures`).
 */
export interface LevelFeature<Loaders extends object = object> {
  /** Unique within a level: used in error messages and the checks. */
  name: string;
  /** Migrations that create or change this feature's tables (shared ones come from the kit). */
  migrations: readonly MigrationObject[];
  /** The ORM entities of those tables. */
  entities: readonly EntityClass<AnyEntity>[];
  /** Loaders its resolvers read that another feature of the level must create. */
  needsLoaders?: readonly string[];
  build(build: LevelBuild): readonly SubgraphModule<Loaders>[];
}

/** Keeps `Loaders` inferred from `build`, so the level's context type follows from its features. */
export function defineFeature<Loaders extends object>(feature: LevelFeature<Loaders>): LevelFeature<Loaders> {
  return feature;
}

/**
 * A level's own jurisdiction backbone (City / District / Street: its table, loaders, resolvers
 * and the stubs of the other levels) as the first feature of its list.
 */
export function jurisdictionFeature<Loaders extends object>(name: string, migration: MigrationObject, module: SubgraphModule<Loaders>): LevelFeature<Loaders> {
  return { name, migrations: [migration], entities: module.entities, build: () => [module] };
}

type LoadersOfFeature<F> = F extends LevelFeature<infer L> ? L : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
/** Every loader a level's features create, as one type: the level's request context is built on it. */
export type FeatureLoaders<F extends readonly LevelFeature<object>[]> = UnionToIntersection<LoadersOfFeature<F[number]>>;

/** Problems with a level's feature list; empty when the features fit together. */
export function checkFeatures(features: readonly LevelFeature<object>[], providedLoaders: readonly string[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const migrationOwner = new Map<string, string>();
  for (const feature of features) {
    if (names.has(feature.name)) problems.push(`feature ${feature.name} is listed twice`);
    names.add(feature.name);
    for (const migration of feature.migrations) {
      const owner = migrationOwner.get(migration.name);
      if (owner) problems.push(`migration ${migration.name} is declared by both ${owner} and ${feature.name}`);
      migrationOwner.set(migration.name, feature.name);
    }
  }
  const provided = new Set(providedLoaders);
  for (const feature of features) {
    for (const loader of feature.needsLoaders ?? []) {
      if (!provided.has(loader)) problems.push(`feature ${feature.name} needs the loader ${loader}, which no feature of the level creates`);
    }
  }
  return problems;
}

/**
 * Builds a level from its feature list: the features' modules merged, every entity the level's
 * migrations create, and the migrations in the platform's one order. Throws at start-up when
 * two features declare one migration or a feature needs a loader nobody creates.
 */
export function defineLevelFeatures<const F extends readonly LevelFeature<object>[]>(level: LevelOptions, features: F) {
  const build = new LevelBuild(level);
  const modules = features.flatMap((feature) => feature.build(build));
  const combined = combineModules(...modules);
  // Loader factories only create DataLoaders; no query runs until one is used.
  const providedLoaders = Object.keys(combined.createLoaders({} as EntityManager));
  const problems = checkFeatures(features, providedLoaders);
  if (problems.length > 0) throw new Error(`the ${level.level} level's features do not fit together:\n- ${problems.join('\n- ')}`);
  return {
    ...combined,
    // The owner's read rule on every reference resolver, from the access table (one place per subgraph).
    referenceResolvers: guardReferenceResolvers(level.level, combined.referenceResolvers),
    entities: [...new Set([...features.flatMap((feature) => feature.entities), ...combined.entities])],
    migrations: orderMigrations(features.flatMap((feature) => feature.migrations)),
    createLoaders: combined.createLoaders as (em: EntityManager) => FeatureLoaders<F>,
  };
}
