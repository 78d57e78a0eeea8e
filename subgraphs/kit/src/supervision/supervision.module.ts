import { entityStub } from '../citywide/entity-stub';
import { levelBelow } from '../level/level-relations';
import {
  Arg,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { notFound } from '../errors/graphql-errors';
import { assertAdminCode, levelOfCode } from '../jurisdiction/admin-code';
import { levelFieldName, levelTypeName, TYPE_PREFIX } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { runInTransaction } from '../mutation/run-in-transaction';
import { UnitEntity } from '../org/unit.entity';
import { createConnectionType, type ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { createCheckHistoryResolvers } from './check-history';
import { createFindingResolvers } from './finding-resolvers';
import { planQuarterDraw, type PlannedDraw } from './plan.service';
import { assertCanSee, assertSupervisable, createCheck, createFollowUp, officeForWrite, type SupervisingLevel } from './check.service';
import { createFindingRepairResolver } from './finding-repair.resolvers';
import {
  AddSupervisionContactInput,
  CreateFollowUpCheckInput,
  CreateSupervisionCheckInput,
  CreateSupervisionOfficeInput,
  DrawSupervisionPlanInput,
} from './supervision.inputs';
import {
  SupervisionCheckEntity,
  SupervisionContactEntity,
  SupervisionOfficeEntity,
  SupervisionPlanEntity,
  SUPERVISION_CHECK_ENTITIES,
} from './supervision.entities';
import { createSupervisionLoaders, type SupervisionLoaders } from './supervision.loaders';
import {
  SupervisionCheckInterface,
  SupervisionFindingInterface,
  SupervisionOfficeInterface,
  SupervisionPlanInterface,
  SupervisionDrawPreviewType,
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

  @ObjectType(name('SupervisionContact'), { description: '联系单位 A contact unit of a supervision office.' })
  class ContactType {
    @Field(() => ID)
    unitId!: string;

    @Field(() => ID)
    unitJurisdictionCode!: string;
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

  /** `CityUnit` for the level's own units, a `DistrictUnit` stub for the level below's. */
  function unitFieldsResolver(target: ClassType) {
    @Resolver(() => target)
    class UnitFields {
      @FieldResolver(() => unitType, { name: `${level}Unit`, nullable: true, description: `单位 The unit, when it is a ${level} unit.` })
      async ownUnit(@Root() record: { unitId: string; unitJurisdictionCode: string }, @Ctx() context: Context): Promise<UnitEntity | null> {
        if (levelOfCode(record.unitJurisdictionCode) !== level) return null;
        return context.em.findOne(UnitEntity, { id: record.unitId });
      }

      @FieldResolver(() => LowerUnitRef, { name: `${below}Unit`, nullable: true, description: `单位 The unit, when it is a ${below} unit.` })
      lowerUnit(@Root() record: { unitId: string; unitJurisdictionCode: string }): { id: string } | null {
        return levelOfCode(record.unitJurisdictionCode) === below ? { id: record.unitId } : null;
      }
    }
    return UnitFields;
  }


  @Resolver(() => OfficeType)
  class OfficeResolver {
    @Query(() => OfficeType, { name: levelFieldName(level, 'SupervisionOffice'), nullable: true, description: '监督检查室 One office by id.' })
    async office(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<SupervisionOfficeEntity | null> {
      const principal = requirePrincipal(context);
      const office = await context.loaders.supervisionOfficeById.load(assertUuid(id, 'id'));
      if (office) assertCanRead(principal, office.jurisdictionCode);
      return office;
    }

    @FieldResolver(() => [ContactType], { description: '联系单位 The office\'s contact units.' })
    contacts(@Root() office: SupervisionOfficeEntity, @Ctx() context: Context): Promise<SupervisionContactEntity[]> {
      return context.loaders.supervisionContactsByOffice.load(office.id);
    }

    @FieldResolver(() => [PlanType], { description: '季度抽查计划 The office\'s quarterly draws, oldest first.' })
    plans(@Root() office: SupervisionOfficeEntity, @Ctx() context: Context): Promise<SupervisionPlanEntity[]> {
      return context.loaders.supervisionPlansByOffice.load(office.id);
    }

    @Mutation(() => OfficeType, { name: levelFieldName(level, 'SupervisionOffice', 'create'), description: '新建监督检查室 Create a supervision office.' })
    async createOffice(@Arg('input', () => CreateSupervisionOfficeInput) input: CreateSupervisionOfficeInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      assertAdminCode(level, input.jurisdictionCode, 'input.jurisdictionCode');
      assertCanWrite(principal, input.jurisdictionCode, ['commission']);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const office = em.create(SupervisionOfficeEntity, { jurisdictionCode: input.jurisdictionCode, name: input.name.trim() });
        await audit({ action: 'create', entityType: 'SupervisionOffice', entityId: office.id, ownerCode: office.jurisdictionCode, after: office });
        return office;
      });
    }

    @Mutation(() => OfficeType, { name: levelFieldName(level, 'SupervisionContact', 'add'), description: '新增联系单位 Add a contact unit to an office.' })
    async addContact(@Arg('input', () => AddSupervisionContactInput) input: AddSupervisionContactInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const office = await officeForWrite(context, principal, input.officeId, 'input.officeId');
      await assertSupervisable(context, levels, office.jurisdictionCode, input.unitId, input.unitJurisdictionCode, 'input');
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const contact = em.create(SupervisionContactEntity, {
          officeId: office.id,
          unitId: input.unitId,
          unitJurisdictionCode: input.unitJurisdictionCode,
        });
        await audit({ action: 'create', entityType: 'SupervisionContact', entityId: contact.id, ownerCode: office.jurisdictionCode, after: contact });
        return office;
      });
    }
  }

  @Resolver(() => PlanType)
  class PlanResolver {
    @Query(() => SupervisionDrawPreviewType, {
      name: levelFieldName(level, 'SupervisionPlan', 'preview'),
      description: '抽查预演 Exactly what the draw of this quarter would pick now, with its seed and the seed\'s source, without recording it.',
    })
    async preview(@Arg('input', () => DrawSupervisionPlanInput) input: DrawSupervisionPlanInput, @Ctx() context: Context): Promise<PlannedDraw> {
      const principal = requirePrincipal(context);
      const office = await context.loaders.supervisionOfficeById.load(assertUuid(input.officeId, 'input.officeId'));
      if (!office) throw notFound('supervision office', input.officeId);
      assertCanRead(principal, office.jurisdictionCode);
      return planQuarterDraw(context.em, office, input.year, input.quarter);
    }

    @FieldResolver(() => OfficeType)
    office(@Root() plan: SupervisionPlanEntity, @Ctx() context: Context) {
      return context.loaders.supervisionOfficeById.load(plan.officeId);
    }

    @Mutation(() => PlanType, {
      name: levelFieldName(level, 'SupervisionPlan', 'draw'),
      description: '季度抽查 Draw a quarter (ceil(n/4)) of the office\'s contact units for on-site checks, before or on the quarter\'s first day, once; units drawn earlier this year wait until all were drawn. The seed is the SHA-256 of the recorded inputs (never chosen); the plan records them so anyone can recompute the picks.',
    })
    async draw(@Arg('input', () => DrawSupervisionPlanInput) input: DrawSupervisionPlanInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const office = await officeForWrite(context, principal, input.officeId, 'input.officeId');
      const drawn = await planQuarterDraw(context.em, office, input.year, input.quarter);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const plan = em.create(SupervisionPlanEntity, {
          officeId: office.id,
          jurisdictionCode: office.jurisdictionCode,
          year: input.year,
          quarter: input.quarter,
          ...drawn,
          drawnBy: principal.subject,
        });
        await audit({ action: 'draw', entityType: 'SupervisionPlan', entityId: plan.id, ownerCode: plan.jurisdictionCode, after: plan });
        return plan;
      });
    }
  }

  @Resolver(() => CheckType)
  class CheckResolver {
    @Query(() => CheckType, { name: levelFieldName(level, 'SupervisionCheck'), nullable: true, description: '监督检查 One check by id.' })
    async check(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const check = await context.loaders.supervisionCheckById.load(assertUuid(id, 'id'));
      if (check) assertCanSee(principal, check);
      return check;
    }

    @FieldResolver(() => [FindingType], { description: '问题 Findings raised by this check.' })
    findings(@Root() check: SupervisionCheckEntity, @Ctx() context: Context) {
      return context.loaders.supervisionFindingsByCheck.load(check.id);
    }

    @Mutation(() => CheckType, {
      name: levelFieldName(level, 'SupervisionCheck', 'create'),
      description: '监督检查 Record a check of a unit, with spot-checked items and the findings it raised.',
    })
    createCheck(@Arg('input', () => CreateSupervisionCheckInput) input: CreateSupervisionCheckInput, @Ctx() context: Context) {
      return createCheck(context, levels, requirePrincipal(context), input);
    }

    @Mutation(() => CheckType, {
      name: levelFieldName(level, 'SupervisionFollowUp', 'create'),
      description: '回头看 A follow-up check of closed findings of one unit: each stayed fixed (CONFIRMED) or is re-opened (REOPENED, 查而不改).',
    })
    createFollowUp(@Arg('input', () => CreateFollowUpCheckInput) input: CreateFollowUpCheckInput, @Ctx() context: Context) {
      return createFollowUp(context, levels, requirePrincipal(context), input);
    }
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionOffices {
    @FieldResolver(() => [OfficeType], { name: 'supervisionOffices', description: '监督检查室 Supervision offices of this jurisdiction.' })
    offices(@Root() jurisdiction: { code: string }, @Ctx() context: Context) {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return context.loaders.supervisionOfficesByJurisdiction.load(jurisdiction.code);
    }
  }

  const byId = <T>(loader: (context: Context) => { load(id: string): Promise<T> }) => ({
    __resolveReference: (reference: { id: string }, context: Context) => loader(context).load(reference.id),
  });

  const module: SubgraphModule<SupervisionLoaders> = {
    entities: [...SUPERVISION_CHECK_ENTITIES],
    resolvers: [
      OfficeResolver,
      PlanResolver,
      CheckResolver,
      ...findingResolvers,
      unitFieldsResolver(ContactType),
      unitFieldsResolver(CheckType),
      unitFieldsResolver(FindingType),
      JurisdictionOffices,
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
