import { LockMode } from '@mikro-orm/core';
import { assertExpectedVersion } from '../mutation/record-version';
import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { operationsAt } from '../level/operation-table';
import { RESPONSIBILITY_OPERATIONS } from './responsibility.operations';
import type { Knex } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { hasRole } from '../auth/principal';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { containsPattern } from '../db/like-pattern';
import { badUserInput, forbidden, notFound } from '../errors/graphql-errors';
import { levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { runInTransaction, type MutationScope } from '../mutation/run-in-transaction';
import type { OrgLoaders } from '../org/org.loaders';
import { CadreEntity } from '../org/cadre.entity';
import type { UnitEntity } from '../org/unit.entity';
import { createConnectionType, PageArgs, type ClassType, type Connection } from '../pagination/connection';
import { pagedLoader } from '../pagination/paged-loader';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { ResponsibilityCategoryEntity } from './category.entity';
import { ResponsibilityItemEntity } from './responsibility-item.entity';
import {
  AddResponsibilityCategoryInput,
  CreateResponsibilityItemInput,
  ResponsibilityItemFilter,
  UpdateResponsibilityItemInput,
} from './responsibility.inputs';
import { createResponsibilityLoaders, type ResponsibilityLoaders } from './responsibility.loaders';
import { ResponsibilityCategoryType, ResponsibilityItemInterface } from './responsibility.types';

type Context = SubgraphContext<JurisdictionLoaders & OrgLoaders & ResponsibilityLoaders>;

/** The org module's per-level types, so items point at `DistrictUnit`, not just `Unit`. */
export interface OrgTypes {
  UnitType: ClassType;
  CadreType: ClassType;
}

/**
 * Responsibility lists (主体责任清单) for one level: `DistrictResponsibilityItem` in the district
 * subgraph, and so on. An item belongs to a unit's list, either the leadership team's (no cadre)
 * or one cadre's, and is owned by the unit's jurisdiction.
 */
export function createResponsibilityModule(options: LevelOptions, org: OrgTypes) {
  const { level } = options;
  const operations = operationsAt(RESPONSIBILITY_OPERATIONS, level, 'responsibility');
  const { UnitType, CadreType } = org;
  const typeName = levelTypeName(level, 'ResponsibilityItem');

  @Directive('@key(fields: "id")')
  @ObjectType(typeName, { implements: ResponsibilityItemInterface, description: `主体责任清单条目 A responsibility item owned by a ${level}.` })
  class ResponsibilityItemType extends ResponsibilityItemInterface {}

  const ResponsibilityItemConnection = createConnectionType(ResponsibilityItemType, typeName);

  async function loadItem(context: Context, id: string, field: string): Promise<ResponsibilityItemEntity> {
    const item = await context.loaders.responsibilityItemById.load(assertUuid(id, field));
    if (!item) throw notFound('responsibility item', id);
    return item;
  }

  async function assertCategory(context: Context, code: string, field: string): Promise<void> {
    if (!(await context.loaders.responsibilityCategoryByCode.load(code))) {
      throw badUserInput(field, `no responsibility category "${code}"`);
    }
  }

  /** A cadre's item sits on the cadre's own unit's list. */
  async function assertCadreOfUnit(context: Context, cadreId: string, unit: Pick<UnitEntity, 'id'>, field: string): Promise<CadreEntity> {
    const cadre = await context.loaders.cadreById.load(assertUuid(cadreId, field));
    if (!cadre) throw notFound('cadre', cadreId);
    if (cadre.unitId !== unit.id) throw badUserInput(field, `cadre ${cadreId} is not a cadre of unit ${unit.id}`);
    return cadre;
  }

  @Resolver(() => ResponsibilityItemType)
  class ResponsibilityItemResolver {
    @Query(() => ResponsibilityItemType, { name: operations.responsibilityItem, nullable: true, description: '主体责任清单条目 One item by id.' })
    async item(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<ResponsibilityItemEntity | null> {
      const principal = requirePrincipal(context);
      const item = await context.loaders.responsibilityItemById.load(assertUuid(id, 'id'));
      if (item) assertCanRead(principal, item.jurisdictionCode);
      return item;
    }

    @FieldResolver(() => ResponsibilityCategoryType, { description: '责任类别 Category.' })
    category(@Root() item: ResponsibilityItemEntity, @Ctx() context: Context): Promise<ResponsibilityCategoryEntity | null> {
      return context.loaders.responsibilityCategoryByCode.load(item.categoryCode);
    }

    @FieldResolver(() => UnitType, { description: '责任单位 The unit whose list this item is on.' })
    unit(@Root() item: ResponsibilityItemEntity, @Ctx() context: Context): Promise<UnitEntity | null> {
      return context.loaders.unitById.load(item.unitId);
    }

    @FieldResolver(() => CadreType, { nullable: true, description: '责任人 The cadre; null for an item of the leadership team (领导班子) as a whole.' })
    cadre(@Root() item: ResponsibilityItemEntity, @Ctx() context: Context): Promise<CadreEntity | null> | null {
      return item.cadreId ? context.loaders.cadreById.load(item.cadreId) : null;
    }

    @FieldResolver(() => options.jurisdictionType, { name: options.jurisdictionField, nullable: true, description: '所属辖区 The jurisdiction that owns the item.' })
    jurisdiction(@Root() item: ResponsibilityItemEntity, @Ctx() context: Context): Promise<JurisdictionRecord | null> {
      return context.loaders.jurisdictionByCode.load(item.jurisdictionCode);
    }

    @Mutation(() => ResponsibilityItemType, {
      name: operations.createResponsibilityItem,
      description: '新增责任清单条目 Add an item to a unit\'s (or one of its cadres\') responsibility list.',
    })
    async create(
      @Arg('input', () => CreateResponsibilityItemInput) input: CreateResponsibilityItemInput,
      @Ctx() context: Context,
    ): Promise<ResponsibilityItemEntity> {
      const principal = requirePrincipal(context);
      const unit = await context.loaders.unitById.load(input.unitId);
      if (!unit) throw notFound('unit', input.unitId);
      assertCanWrite(principal, unit.jurisdictionCode);
      await assertCategory(context, input.categoryCode, 'input.categoryCode');
      if (input.cadreId) await assertCadreOfUnit(context, input.cadreId, unit, 'input.cadreId');
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const item = em.create(ResponsibilityItemEntity, {
          jurisdictionCode: unit.jurisdictionCode,
          unitId: unit.id,
          cadreId: input.cadreId ?? null,
          categoryCode: input.categoryCode,
          year: input.year,
          content: input.content.trim(),
          basis: input.basis.trim(),
        });
        await audit({ action: 'create', entityType: 'ResponsibilityItem', entityId: item.id, ownerCode: item.jurisdictionCode, after: item });
        return item;
      });
    }

    @Mutation(() => ResponsibilityItemType, {
      name: operations.updateResponsibilityItem,
      description: '修改责任清单条目 Change an item; only the fields given change.',
    })
    async update(
      @Arg('id', () => ID) id: string,
      @Arg('input', () => UpdateResponsibilityItemInput) input: UpdateResponsibilityItemInput,
      @Ctx() context: Context,
    ): Promise<ResponsibilityItemEntity> {
      const principal = requirePrincipal(context);
      const existing = await loadItem(context, id, 'id');
      assertCanWrite(principal, existing.jurisdictionCode);
      if (input.categoryCode !== undefined) await assertCategory(context, input.categoryCode, 'input.categoryCode');
      if (input.cadreId) await assertCadreOfUnit(context, input.cadreId, { id: existing.unitId }, 'input.cadreId');
      return runInTransaction(context, principal, async ({ em, audit }) => {
        const item = await em.findOneOrFail(ResponsibilityItemEntity, { id: existing.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        assertExpectedVersion(item, input.expectedVersion);
        const before = { ...item };
        if (input.cadreId !== undefined) item.cadreId = input.cadreId;
        if (input.categoryCode !== undefined) item.categoryCode = input.categoryCode;
        if (input.year !== undefined) item.year = input.year;
        if (input.content !== undefined) item.content = input.content.trim();
        if (input.basis !== undefined) item.basis = input.basis.trim();
        await audit({ action: 'update', entityType: 'ResponsibilityItem', entityId: item.id, ownerCode: item.jurisdictionCode, before, after: item });
        return item;
      });
    }
  }

  @Resolver(() => ResponsibilityCategoryType)
  class ResponsibilityCategoryResolver {
    @Query(() => [ResponsibilityCategoryType], {
      name: operations.responsibilityCategories,
      description: '责任类别 The categories this level\'s lists use, in list order.',
    })
    categories(@Ctx() context: Context): Promise<ResponsibilityCategoryEntity[]> {
      requirePrincipal(context);
      return context.em.find(ResponsibilityCategoryEntity, {}, { orderBy: { sortOrder: 'asc', code: 'asc' } });
    }

    /**
     * The categories table is shared by every jurisdiction of this level, so it belongs to no one
     * jurisdiction: commission staff of this level maintain it.
     */
    @Mutation(() => ResponsibilityCategoryType, {
      name: operations.addResponsibilityCategory,
      description: '新增责任类别 Add a category to this level (commission staff of this level).',
    })
    async add(
      @Arg('input', () => AddResponsibilityCategoryInput) input: AddResponsibilityCategoryInput,
      @Ctx() context: Context,
    ): Promise<ResponsibilityCategoryEntity> {
      const principal = requirePrincipal(context);
      if (principal.level !== level || !hasRole(principal, 'commission')) {
        throw forbidden(`adding a ${level} responsibility category needs the commission role at ${level} level`);
      }
      const name = input.name.trim();
      return runInTransaction(context, principal, async ({ em, audit }: MutationScope) => {
        if (await em.findOne(ResponsibilityCategoryEntity, { code: input.code })) {
          throw badUserInput('input.code', `category ${input.code} already exists`);
        }
        if (await em.findOne(ResponsibilityCategoryEntity, { name })) {
          throw badUserInput('input.name', `a category named ${name} already exists`);
        }
        const category = em.create(ResponsibilityCategoryEntity, { code: input.code, name, sortOrder: input.sortOrder });
        await audit({ action: 'create', entityType: 'ResponsibilityCategory', entityId: category.code, ownerCode: principal.code, after: category });
        return category;
      });
    }
  }

  @Resolver(() => UnitType)
  class UnitResponsibilityItemsResolver {
    @FieldResolver(() => [ResponsibilityItemType], { description: '主体责任清单 The unit\'s responsibility list (team and cadres), newest year first.' })
    responsibilityItems(@Root() unit: UnitEntity, @Ctx() context: Context): Promise<ResponsibilityItemEntity[]> {
      return context.loaders.responsibilityItemsByUnit.load(unit.id);
    }
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionResponsibilityItemsResolver {
    @FieldResolver(() => ResponsibilityItemConnection, {
      description: '主体责任清单 Responsibility items this jurisdiction owns, oldest first, a page at a time.',
    })
    responsibilityItems(
      @Root() jurisdiction: JurisdictionRecord,
      @Arg('filter', () => ResponsibilityItemFilter, { nullable: true }) filter: ResponsibilityItemFilter | undefined,
      @Args(() => PageArgs) page: PageArgs,
      @Ctx() context: Context,
    ): Promise<Connection<ResponsibilityItemEntity>> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      const where = filter ?? {};
      const key = JSON.stringify([where, page.first, page.after ?? null]);
      return context.loaders.responsibilityItemPages
        .get(key, () =>
          pagedLoader(context.em, {
            entity: ResponsibilityItemEntity,
            partitionColumn: 'jurisdiction_code',
            sort: { column: 'created_at', property: 'createdAt', direction: 'asc' },
            where: (query) => applyItemFilter(query, where),
            first: page.first,
            after: page.after,
          }),
        )
        .load(jurisdiction.code);
    }
  }

  const module: SubgraphModule<ResponsibilityLoaders> = {
    entities: [ResponsibilityCategoryEntity, ResponsibilityItemEntity],
    resolvers: [ResponsibilityItemResolver, ResponsibilityCategoryResolver, UnitResponsibilityItemsResolver, JurisdictionResponsibilityItemsResolver],
    referenceResolvers: {
      [typeName]: {
        __resolveReference: (reference: { id: string }, context: Context) => context.loaders.responsibilityItemById.load(reference.id),
      },
    },
    createLoaders: createResponsibilityLoaders,
  };
  return { ...module, ResponsibilityItemType };
}

function applyItemFilter(query: Knex.QueryBuilder, filter: ResponsibilityItemFilter): void {
  if (filter.year !== undefined && filter.year !== null) query.where('year', filter.year);
  if (filter.categoryCode) query.where('category_code', filter.categoryCode);
  if (filter.cadreId) query.where('cadre_id', filter.cadreId);
  if (filter.unitId) query.where('unit_id', filter.unitId);
  if (filter.text) {
    const pattern = containsPattern(filter.text);
    query.where((text) => {
      text.whereRaw(`"content" ilike ? escape '\\'`, [pattern]).orWhereRaw(`"basis" ilike ? escape '\\'`, [pattern]);
    });
  }
}
