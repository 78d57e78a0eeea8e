import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { operationsAt } from '../level/operation-table';
import { RESPONSIBILITY_OPERATIONS } from './responsibility.operations';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '../authz/guards';
import { levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import type { OrgLoaders } from '../org/org.loaders';
import type { CadreEntity } from '../org/cadre.entity';
import type { UnitEntity } from '../org/unit.entity';
import { createConnectionType, PageArgs, type ClassType, type Connection } from '../pagination/connection';
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
import {
  addResponsibilityCategory,
  assertCanReadResponsibilityList,
  createResponsibilityItem,
  responsibilityItemsOfJurisdiction,
  updateResponsibilityItem,
} from './responsibility.service';
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

  @Resolver(() => ResponsibilityItemType)
  class ResponsibilityItemResolver {
    @Query(() => ResponsibilityItemType, { name: operations.responsibilityItem, nullable: true, description: '主体责任清单条目 One item by id.' })
    async item(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<ResponsibilityItemEntity | null> {
      const principal = requirePrincipal(context);
      const item = await context.loaders.responsibilityItemById.load(assertUuid(id, 'id'));
      if (item) assertCanReadResponsibilityList(principal, item.jurisdictionCode);
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
    create(
      @Arg('input', () => CreateResponsibilityItemInput) input: CreateResponsibilityItemInput,
      @Ctx() context: Context,
    ): Promise<ResponsibilityItemEntity> {
      return createResponsibilityItem(context, input);
    }

    @Mutation(() => ResponsibilityItemType, {
      name: operations.updateResponsibilityItem,
      description: '修改责任清单条目 Change an item; only the fields given change.',
    })
    update(
      @Arg('id', () => ID) id: string,
      @Arg('input', () => UpdateResponsibilityItemInput) input: UpdateResponsibilityItemInput,
      @Ctx() context: Context,
    ): Promise<ResponsibilityItemEntity> {
      return updateResponsibilityItem(context, id, input);
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

    /** Commission staff of this level maintain the categories (`assertMaintainsCategories`). */
    @Mutation(() => ResponsibilityCategoryType, {
      name: operations.addResponsibilityCategory,
      description: '新增责任类别 Add a category to this level (commission staff of this level).',
    })
    add(
      @Arg('input', () => AddResponsibilityCategoryInput) input: AddResponsibilityCategoryInput,
      @Ctx() context: Context,
    ): Promise<ResponsibilityCategoryEntity> {
      return addResponsibilityCategory(context, level, input);
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
      assertCanReadResponsibilityList(requirePrincipal(context), jurisdiction.code);
      return responsibilityItemsOfJurisdiction(context, jurisdiction.code, filter, page);
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
