import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '../authz/guards';
import { badUserInput } from '../errors/graphql-errors';
import { levelTypeName } from '../level/level-names';
import { levelAbove } from '../level/level-relations';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import type { ResponsibilityItemEntity } from './responsibility-item.entity';
import type { ResponsibilityLoaders } from './responsibility.loaders';
import { mayReadResponsibilityList } from './responsibility.service';

type Context = SubgraphContext<ResponsibilityLoaders>;

/** How many breakdown items one `breakdownItems` answers at most (a city item: some per district). */
export const MAX_BREAKDOWN_ITEMS = 200;

/**
 * 分解 An item of this level names the item of the level above it breaks down (`parentItem`), and
 * the upper item lists the items below that name it (`breakdownItems`). Both live here, in the lower
 * level's subgraph: `parentItem` hands the gateway the upper item's key, and `breakdownItems` is
 * this subgraph's field on the upper level's entity (`CityResponsibilityItem.breakdownItems` comes
 * from the district subgraph), so the upper level never stores who broke its items down. Both are
 * nullable: a level that is down answers null on its own fields only.
 */
export function createItemBreakdownModule(options: LevelOptions, ResponsibilityItemType: ClassType): SubgraphModule {
  const { level } = options;
  const above = levelAbove(level);
  if (!above) return { entities: [], resolvers: [], createLoaders: () => ({}) };
  const upperTypeName = levelTypeName(above, 'ResponsibilityItem');

  /** The upper level's item as this subgraph sees it: its key, to which it adds `breakdownItems`. */
  @Directive('@key(fields: "id")')
  @ObjectType(upperTypeName)
  class UpperItemRef {
    @Field(() => ID)
    id!: string;
  }

  @Resolver(() => UpperItemRef)
  class BreakdownItemsResolver {
    @FieldResolver(() => [ResponsibilityItemType], {
      nullable: true,
      description:
        `分解条目 The ${level} items that break this item down, by jurisdiction code and then oldest first; ` +
        'each reader sees only those of the jurisdictions it may read. Null when that level does not answer.',
    })
    async breakdownItems(
      @Root() item: { id: string },
      @Ctx() context: Context,
      @Arg('first', () => Int, { defaultValue: 50, description: `条数 At most this many items (0–${MAX_BREAKDOWN_ITEMS}).` }) first: number,
    ): Promise<ResponsibilityItemEntity[]> {
      if (!Number.isInteger(first) || first < 0 || first > MAX_BREAKDOWN_ITEMS) {
        throw badUserInput('first', `条数须在 0 到 ${MAX_BREAKDOWN_ITEMS} 之间 / first must be between 0 and ${MAX_BREAKDOWN_ITEMS}, got ${first}`);
      }
      const principal = requirePrincipal(context);
      const items = await context.loaders.responsibilityItemsByParent.load(item.id);
      return items.filter((candidate) => mayReadResponsibilityList(principal, candidate.jurisdictionCode)).slice(0, first);
    }
  }

  @Resolver(() => ResponsibilityItemType)
  class ParentItemResolver {
    @FieldResolver(() => UpperItemRef, {
      nullable: true,
      description: `分解自 The ${above} item this item breaks down, resolved by the ${above} subgraph; null when it breaks nothing down (or that level does not answer).`,
    })
    parentItem(@Root() item: ResponsibilityItemEntity): { id: string } | null {
      return item.parentItemId ? { id: item.parentItemId } : null;
    }
  }

  return {
    entities: [],
    resolvers: [BreakdownItemsResolver, ParentItemResolver],
    // The gateway names only the upper item's key; the owner's subgraph resolves (and guards) the rest.
    referenceResolvers: { [upperTypeName]: { __resolveReference: (reference: { id: string }) => reference } },
    createLoaders: () => ({}),
  };
}
