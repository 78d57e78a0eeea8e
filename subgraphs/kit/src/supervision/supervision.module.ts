import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { entityStub } from '../citywide/entity-stub';
import { levelBelow } from '../level/level-relations';
import { levelTypeName, TYPE_PREFIX } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { createConnectionType, type ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import { createCheckHistoryResolvers } from './check-history';
import { createCheckResolver } from './check.resolvers';
import type { SupervisingLevel } from './check.service';
import { createFindingRepairResolver } from './finding-repair.resolvers';
import { createFindingResolvers } from './finding-resolvers';
import { createOfficeAndPlanResolvers } from './office-plan.resolvers';
import { createSupervisedUnitFields } from './supervised-unit-fields';
import { SUPERVISION_CHECK_ENTITIES } from './supervision.entities';
import { createSupervisionLoaders, type SupervisionLoaders } from './supervision.loaders';
import {
  SupervisionCheckInterface,
  SupervisionFindingInterface,
  SupervisionOfficeInterface,
  SupervisionPlanInterface,
} from './supervision.types';

type Context = SubgraphContext<SupervisionLoaders>;

/**
 * 监督检查 Supervision by one supervising level (the city, or a district): offices and their contact
 * units, quarterly draws, checks, findings and the review of rectification reports. The supervised
 * units are the level's own units and those of the level directly below; their rectification
 * reports live in their own level (see `createRectificationModule`).
 *
 * `unitType` is this level's own unit type (from the org module); units of the level below are
 * referenced through a key-only stub that the gateway completes. `lowerJurisdictionType` is the
 * subgraph's own stub of the level below's jurisdiction type
 * (`District` in the city subgraph), shared with the other modules that add fields to it, since
 * one schema can hold only one class of that name.
 */
export function createSupervisionModule(
  options: LevelOptions,
  unitType: ClassType,
  lowerJurisdictionType: ClassType,
) {
  const { level } = options;
  const below = levelBelow(level);
  if (!below) throw new Error(`the ${level} level supervises no level below it`);
  const levels: SupervisingLevel = { level, below };
  const P = TYPE_PREFIX[level];
  const name = (concept: string) => levelTypeName(level, concept);

  const LowerUnitRef = entityStub(levelTypeName(below, 'Unit'));

  @ObjectType(name('SupervisionContact'), { description: '联系单位 A contact unit of a supervision office, for an interval of days (never deleted).' })
  class ContactType {
    @Field(() => ID)
    unitId!: string;

    @Field(() => ID)
    unitJurisdictionCode!: string;

    @Field(() => String, { description: '列入日 The day (Tianjin) it was put on the list.' })
    addedOn!: string;

    @Field(() => String, { nullable: true, description: '移出日 The day (Tianjin) it was taken off the list; null while it is on it.' })
    removedOn!: string | null;
  }

  @Directive('@key(fields: "id")')
  @ObjectType(name('SupervisionOffice'), { implements: SupervisionOfficeInterface, description: `监督检查室 A supervision office of a ${level}.` })
  class OfficeType extends SupervisionOfficeInterface {}

  @Directive('@key(fields: "id")')
  @ObjectType(name('SupervisionPlan'), { implements: SupervisionPlanInterface })
  class PlanType extends SupervisionPlanInterface {}

  @Directive('@key(fields: "id")')
  @ObjectType(name('SupervisionCheck'), { implements: SupervisionCheckInterface })
  class CheckType extends SupervisionCheckInterface {}

  @Directive('@key(fields: "id")')
  @ObjectType(name('SupervisionFinding'), { implements: SupervisionFindingInterface })
  class FindingType extends SupervisionFindingInterface {}

  const FindingConnection = createConnectionType(FindingType, name('SupervisionFinding'));
  const CheckConnection = createConnectionType(CheckType, name('SupervisionCheck'));
  const findingResolvers = createFindingResolvers({ level, below, FindingType, CheckType, FindingConnection }, [options.jurisdictionType, lowerJurisdictionType]);

  const unitFieldsResolver = createSupervisedUnitFields(level, below, unitType, LowerUnitRef);

  const byId = <T>(loader: (context: Context) => { load(id: string): Promise<T> }) => ({
    __resolveReference: (reference: { id: string }, context: Context) => loader(context).load(reference.id),
  });

  const module: SubgraphModule<SupervisionLoaders> = {
    entities: [...SUPERVISION_CHECK_ENTITIES],
    resolvers: [
      ...createOfficeAndPlanResolvers(levels, { OfficeType, ContactType, PlanType, jurisdictionType: options.jurisdictionType }),
      createCheckResolver(levels, CheckType, FindingType),
      ...findingResolvers,
      unitFieldsResolver(ContactType),
      unitFieldsResolver(CheckType),
      unitFieldsResolver(FindingType),
      createFindingRepairResolver(level, FindingType),
      ...createCheckHistoryResolvers(level, CheckType, OfficeType, CheckConnection),
    ],
    // Nothing here returns the level below's jurisdiction; it is in the schema for the fields added to it.
    orphanedTypes: [lowerJurisdictionType],
    referenceResolvers: {
      [name('SupervisionOffice')]: byId((context) => context.loaders.supervisionOfficeById),
      [name('SupervisionPlan')]: byId((context) => context.loaders.supervisionPlanById),
      [name('SupervisionCheck')]: byId((context) => context.loaders.supervisionCheckById),
      [name('SupervisionFinding')]: byId((context) => context.loaders.supervisionFindingById),
    },
    createLoaders: createSupervisionLoaders,
  };
  return { ...module, FindingType, CheckType, LowerUnitRef, prefix: P };
}
