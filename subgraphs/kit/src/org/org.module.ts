import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { assertExpectedVersion } from '../mutation/record-version';
import { operationsAt } from '../level/operation-table';
import { ORG_OPERATIONS } from './org.operations';
import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { notFound } from '../errors/graphql-errors';
import { assertAdminCode } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { CadreEntity } from './cadre.entity';
import { AddCadreInput, CreateUnitInput, UpdateCadreInput } from './org.inputs';
import { CadreInterface, UnitInterface } from './org.interfaces';
import { createOrgLoaders, type OrgLoaders } from './org.loaders';
import { UnitEntity } from './unit.entity';

type Context = SubgraphContext<JurisdictionLoaders & OrgLoaders>;

/**
 * Units and leading cadres for one level: `DistrictUnit` / `DistrictCadre` in the district
 * subgraph, and so on. The logic is the same at every level; only names and owner differ.
 */
export function createOrgModule(options: LevelOptions) {
  const { level } = options;
  const operations = operationsAt(ORG_OPERATIONS, level, 'org');

  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(level, 'Unit'), { implements: UnitInterface, description: `单位 A unit owned by a ${level}.` })
  class UnitType extends UnitInterface {}

  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(level, 'Cadre'), { implements: CadreInterface, description: `领导干部 A cadre managed by a ${level}.` })
  class CadreType extends CadreInterface {}

  async function loadUnitForWrite(context: Context, id: string, field: string): Promise<UnitEntity> {
    const unit = await context.loaders.unitById.load(assertUuid(id, field));
    if (!unit) throw notFound('unit', id);
    return unit;
  }

  @Resolver(() => UnitType)
  class UnitResolver {
    @Query(() => UnitType, { name: operations.unit, nullable: true, description: '单位 One unit by id.' })
    async unit(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<UnitEntity | null> {
      const principal = requirePrincipal(context);
      const unit = await context.loaders.unitById.load(assertUuid(id, 'id'));
      if (unit) assertCanRead(principal, unit.jurisdictionCode);
      return unit;
    }

    @FieldResolver(() => [CadreType], { description: '领导干部 The unit\'s cadres, principal leader first.' })
    cadres(@Root() unit: UnitEntity, @Ctx() context: Context): Promise<CadreEntity[]> {
      return context.loaders.cadresByUnit.load(unit.id);
    }

    @FieldResolver(() => CadreType, { nullable: true, description: '主要负责人 The principal leader (一把手).' })
    async principalLeader(@Root() unit: UnitEntity, @Ctx() context: Context): Promise<CadreEntity | null> {
      const cadres = await context.loaders.cadresByUnit.load(unit.id);
      return cadres.find((cadre) => cadre.principal) ?? null;
    }

    @FieldResolver(() => options.jurisdictionType, { name: options.jurisdictionField, nullable: true })
    jurisdiction(@Root() unit: UnitEntity, @Ctx() context: Context): Promise<JurisdictionRecord | null> {
      return context.loaders.jurisdictionByCode.load(unit.jurisdictionCode);
    }

    @Mutation(() => UnitType, { name: operations.createUnit, description: '新增单位 Create a unit.' })
    async createUnit(@Arg('input', () => CreateUnitInput) input: CreateUnitInput, @Ctx() context: Context): Promise<UnitEntity> {
      const principal = requirePrincipal(context);
      assertAdminCode(level, input.jurisdictionCode, 'input.jurisdictionCode');
      assertCanWrite(principal, input.jurisdictionCode);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const unit = em.create(UnitEntity, { jurisdictionCode: input.jurisdictionCode, name: input.name.trim(), kind: input.kind });
        await audit({ action: 'create', entityType: 'Unit', entityId: unit.id, ownerCode: unit.jurisdictionCode, after: unit });
        return unit;
      });
    }
  }

  @Resolver(() => CadreType)
  class CadreResolver {
    @Query(() => CadreType, { name: operations.cadre, nullable: true, description: '领导干部 One cadre by id.' })
    async cadre(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<CadreEntity | null> {
      const principal = requirePrincipal(context);
      const cadre = await context.loaders.cadreById.load(assertUuid(id, 'id'));
      if (cadre) assertCanRead(principal, cadre.jurisdictionCode);
      return cadre;
    }

    @FieldResolver(() => UnitType, { description: '所在单位 The cadre\'s unit.' })
    unit(@Root() cadre: CadreEntity, @Ctx() context: Context): Promise<UnitEntity | null> {
      return context.loaders.unitById.load(cadre.unitId);
    }

    @Mutation(() => CadreType, { name: operations.addCadre, description: '新增领导干部 Add a cadre to a unit.' })
    async addCadre(@Arg('input', () => AddCadreInput) input: AddCadreInput, @Ctx() context: Context): Promise<CadreEntity> {
      const principal = requirePrincipal(context);
      const unit = await loadUnitForWrite(context, input.unitId, 'input.unitId');
      assertCanWrite(principal, unit.jurisdictionCode);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        if (input.principal) await stepDownPrincipal(em, unit.id, audit);
        const cadre = em.create(CadreEntity, {
          unitId: unit.id,
          jurisdictionCode: unit.jurisdictionCode,
          name: input.name.trim(),
          position: input.position.trim(),
          teamMember: input.teamMember,
          principal: input.principal,
        });
        await audit({ action: 'create', entityType: 'Cadre', entityId: cadre.id, ownerCode: cadre.jurisdictionCode, after: cadre });
        return cadre;
      });
    }

    @Mutation(() => CadreType, { name: operations.updateCadre, description: '修改领导干部 Change a cadre\'s position or roles.' })
    async updateCadre(
      @Arg('id', () => ID) id: string,
      @Arg('input', () => UpdateCadreInput) input: UpdateCadreInput,
      @Ctx() context: Context,
    ): Promise<CadreEntity> {
      const principal = requirePrincipal(context);
      const existing = await context.loaders.cadreById.load(assertUuid(id, 'id'));
      if (!existing) throw notFound('cadre', id);
      assertCanWrite(principal, existing.jurisdictionCode);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const cadre = await em.findOneOrFail(CadreEntity, { id: existing.id });
        assertExpectedVersion(cadre, input.expectedVersion);
        const before = { ...cadre };
        if (input.principal && !cadre.principal) await stepDownPrincipal(em, cadre.unitId, audit);
        if (input.position !== undefined) cadre.position = input.position.trim();
        if (input.teamMember !== undefined) cadre.teamMember = input.teamMember;
        if (input.principal !== undefined) cadre.principal = input.principal;
        await audit({ action: 'update', entityType: 'Cadre', entityId: cadre.id, ownerCode: cadre.jurisdictionCode, before, after: cadre });
        return cadre;
      });
    }
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionUnitsResolver {
    @FieldResolver(() => [UnitType], { description: '单位 Units this jurisdiction owns, by name. Needs a token that may read it.' })
    units(@Root() jurisdiction: JurisdictionRecord, @Ctx() context: Context): Promise<UnitEntity[]> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return context.loaders.unitsByJurisdiction.load(jurisdiction.code);
    }
  }

  const module: SubgraphModule<OrgLoaders> = {
    entities: [UnitEntity, CadreEntity],
    resolvers: [UnitResolver, CadreResolver, JurisdictionUnitsResolver],
    referenceResolvers: {
      [levelTypeName(level, 'Unit')]: {
        __resolveReference: (reference: { id: string }, context: Context) => context.loaders.unitById.load(reference.id),
      },
      [levelTypeName(level, 'Cadre')]: {
        __resolveReference: (reference: { id: string }, context: Context) => context.loaders.cadreById.load(reference.id),
      },
    },
    createLoaders: createOrgLoaders,
  };
  return { ...module, UnitType, CadreType };
}

/** A unit has one principal leader: naming a new one makes the previous one step down. */
async function stepDownPrincipal(
  em: import('@mikro-orm/postgresql').EntityManager,
  unitId: string,
  audit: (change: import('../audit/audit-trail').AuditChange) => Promise<void>,
): Promise<void> {
  const current = await em.findOne(CadreEntity, { unitId, principal: true });
  if (!current) return;
  const before = { ...current };
  current.principal = false;
  await audit({ action: 'update', entityType: 'Cadre', entityId: current.id, ownerCode: current.jurisdictionCode, before, after: current });
}
