import type { JurisdictionRecord, JurisdictionsUnderLoaders } from '../jurisdiction/jurisdiction-loaders';
import { Arg, Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { assertCanRead, requirePrincipal } from '../authz/guards';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import { TaskEntity } from '../task/task.entity';
import { assertDateRange, StatisticsPeriod } from './period';
import { rankByCompletion } from './ranking';
import type { DistrictTaskTotals, PeriodCount } from './statistics.sql';
import { createStatisticsLoaders, type StatisticsLoaders } from './statistics.loaders';
import { DutyRecordPeriodCountType, StreetTaskTotalsType, TaskStatsType } from './statistics.types';
import { addTaskCounts, NO_TASKS, TASK_COUNT_FIELDS, taskStatsOf, type TaskCounts } from './task-counts';

/**
 * One text for the street subgraph's field and the district's `@external` copy: Apollo's and The
 * Guild's composers keep different copies' descriptions, so they agree only when both are the same.
 */
const STREET_TOTALS_DESCRIPTION =
  '街道任务按区汇总 The tasks of all streets, summed per district (districts with street tasks only). Needs a city-level token.';

type Context = SubgraphContext<StatisticsLoaders & Partial<JurisdictionsUnderLoaders>>;
type TaskStats = ReturnType<typeof taskStatsOf>;

export interface StatisticsOptions extends LevelOptions {
  /** This subgraph's stub of `City` (district and street level): gets the city-wide figures. */
  cityType?: ClassType;
  /** This subgraph's stub of `District` (street level): gets the per-street figures. */
  districtType?: ClassType;
}

/**
 * 逐级汇总 Roll-up statistics. Every level counts the rows it owns in one SQL statement per
 * batch and exposes the result on its own jurisdiction type (`District.taskStats`); the level
 * below contributes its per-child figures to the type above (`District.streetTaskStats` from
 * the street subgraph), so the gateway assembles a city-wide picture from per-level aggregates.
 */
export function createStatisticsModule(options: StatisticsOptions) {
  const { level } = options;
  const resolvers: Function[] = [createOwnStatsResolver(options)];
  if (level === 'district') resolvers.push(createDistrictRankingResolver(options));
  if (level === 'street') resolvers.push(...createStreetRollUpResolvers(options));

  const module: SubgraphModule<StatisticsLoaders> = {
    entities: [TaskEntity, DutyRecordEntity],
    resolvers,
    // The street subgraph's City stub is reachable only through `_entities`, which type-graphql
    // cannot see; without this it would be left out of the schema.
    orphanedTypes: [options.cityType, options.districtType].filter((type): type is ClassType => type !== undefined),
    createLoaders: createStatisticsLoaders,
  };
  return module;
}

/**
 * The jurisdictions directly below a parent (district level: the districts of a city; street
 * level: the streets of a district), so that those without any task still get a row of zeros.
 */
function jurisdictionsUnder(context: Context) {
  return required(context.loaders.jurisdictionsUnder, 'the jurisdictionsUnder loader');
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`statistics module: ${what} is required at this level`);
  return value;
}

/** `taskStats` and `dutyRecordStats` of a jurisdiction: its own rows, at every level. */
function createOwnStatsResolver(options: StatisticsOptions): Function {
  @Resolver(() => options.jurisdictionType)
  class OwnStatisticsResolver {
    @FieldResolver(() => TaskStatsType, {
      description: '任务统计 Statistics of the tasks this jurisdiction itself owns (not those of the levels below). Needs a token that may read it.',
    })
    async taskStats(@Root() jurisdiction: JurisdictionRecord, @Ctx() context: Context): Promise<TaskStats> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return taskStatsOf(await context.loaders.statsTaskCounts.load(jurisdiction.code));
    }

    @FieldResolver(() => [DutyRecordPeriodCountType], {
      description:
        '履职纪实统计 Duty records this jurisdiction itself owns, counted per period from `from` to `to` (inclusive dates, YYYY-MM-DD); ' +
        'every period of the range is listed, zeros included; a corrected record counts once, in the period of its latest version.',
    })
    async dutyRecordStats(
      @Root() jurisdiction: JurisdictionRecord,
      @Arg('period', () => StatisticsPeriod) period: StatisticsPeriod,
      @Arg('from', () => String, { description: '起始日期 First day, YYYY-MM-DD.' }) from: string,
      @Arg('to', () => String, { description: '截止日期 Last day (inclusive), YYYY-MM-DD.' }) to: string,
      @Ctx() context: Context,
    ): Promise<PeriodCount[]> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return context.loaders.statsDutyRecordCounts(period, assertDateRange(from, to)).load(jurisdiction.code);
    }
  }
  return OwnStatisticsResolver;
}

/**
 * Street level: per-street figures for a district, and street totals per district for the city
 * (which the district subgraph folds into its ranking).
 */
function createStreetRollUpResolvers(options: StatisticsOptions): Function[] {
  const districtType = required(options.districtType, 'districtType');
  const cityType = required(options.cityType, 'cityType');

  @ObjectType('StreetTaskStats', { description: '街道任务统计 Task statistics of one street.' })
  class StreetTaskStatsType {
    @Field(() => options.jurisdictionType, { description: '街道(乡镇) The street.' })
    street!: JurisdictionRecord;

    @Field(() => TaskStatsType)
    stats!: TaskStats;
  }

  @Resolver(() => districtType)
  class DistrictStreetStatisticsResolver {
    @FieldResolver(() => [StreetTaskStatsType], {
      nullable: true,
      description: '各街道任务统计 Task statistics of each street of this district, by street code (streets without tasks included).',
    })
    async streetTaskStats(@Root() district: { code: string }, @Ctx() context: Context): Promise<StreetTaskStatsType[]> {
      assertCanRead(requirePrincipal(context), district.code);
      const [streets, counts] = await Promise.all([
        jurisdictionsUnder(context).load(district.code),
        context.loaders.statsStreetTaskCountsByDistrict.load(district.code),
      ]);
      return streets.map((street) => ({ street, stats: taskStatsOf(counts.get(street.code) ?? NO_TASKS) }));
    }
  }

  @Resolver(() => cityType)
  class CityStreetTotalsResolver {
    @FieldResolver(() => [StreetTaskTotalsType], {
      nullable: true,
      description: STREET_TOTALS_DESCRIPTION,
    })
    streetTaskTotalsByDistrict(@Root() city: { code: string }, @Ctx() context: Context): Promise<DistrictTaskTotals[]> {
      assertCanRead(requirePrincipal(context), city.code);
      return context.loaders.statsStreetTotalsByCity.load(city.code);
    }
  }

  return [DistrictStreetStatisticsResolver, CityStreetTotalsResolver];
}

/** The field set the ranking needs from the street subgraph. */
export const STREET_TOTALS_SELECTION = `streetTaskTotalsByDistrict { districtCode ${TASK_COUNT_FIELDS.join(' ')} }`;

/**
 * District level: the city-wide ranking of districts. A district's figure is its own tasks
 * plus all its streets' tasks; the street part arrives from the street subgraph through
 * `@requires`, so each level still counts its rows in one statement and nothing crosses
 * databases.
 */
function createDistrictRankingResolver(options: StatisticsOptions): Function {
  const cityType = required(options.cityType, 'cityType');

  @ObjectType('DistrictRanking', { description: '区排名 One district\'s place in the city-wide ranking.' })
  class DistrictRankingType {
    @Field(() => Int, {
      description:
        '名次 Rank by completion rate (highest first), then fewer overdue tasks; districts equal in both share a rank ' +
        'and the next rank skips accordingly (1, 1, 3). Ties are listed by district code.',
    })
    rank!: number;

    @Field(() => options.jurisdictionType, { description: '区 The district.' })
    district!: JurisdictionRecord;

    @Field(() => TaskStatsType, { description: '合计 The district\'s own tasks and all its streets\' tasks together.' })
    stats!: TaskStats;

    @Field(() => TaskStatsType, { description: '区本级 The district\'s own (district-level) tasks.' })
    ownStats!: TaskStats;

    @Field(() => TaskStatsType, { description: '所辖街道 All its streets\' tasks together.' })
    streetStats!: TaskStats;
  }

  type CityWithStreetTotals = { code: string; streetTaskTotalsByDistrict?: DistrictTaskTotals[] };

  @Resolver(() => cityType)
  class CityDistrictRankingResolver {
    /** Resolved by the street subgraph; declared here only so that `@requires` can name it. */
    @Directive('@external')
    @FieldResolver(() => [StreetTaskTotalsType], { nullable: true, description: STREET_TOTALS_DESCRIPTION })
    streetTaskTotalsByDistrict(@Root() city: CityWithStreetTotals): DistrictTaskTotals[] {
      return city.streetTaskTotalsByDistrict ?? [];
    }

    @Directive(`@requires(fields: "${STREET_TOTALS_SELECTION}")`)
    @FieldResolver(() => [DistrictRankingType], {
      nullable: true,
      description: '区排名 Districts ranked by the completion rate of their own and their streets\' tasks. Needs a city-level token.',
    })
    async districtRanking(@Root() city: CityWithStreetTotals, @Ctx() context: Context): Promise<DistrictRankingType[]> {
      assertCanRead(requirePrincipal(context), city.code);
      if (!city.streetTaskTotalsByDistrict) throw new Error('the gateway sent no street totals for the district ranking');
      const streetTotals = new Map(city.streetTaskTotalsByDistrict.map(({ districtCode, ...counts }) => [districtCode, counts as TaskCounts]));
      const districts = await jurisdictionsUnder(context).load(city.code);
      const own = await context.loaders.statsTaskCounts.loadMany(districts.map((district) => district.code));
      const entries = districts.map((district, index) => {
        const ownCounts = own[index];
        if (ownCounts instanceof Error) throw ownCounts;
        const streetCounts = streetTotals.get(district.code) ?? NO_TASKS;
        return { code: district.code, item: { district, ownCounts, streetCounts }, counts: addTaskCounts(ownCounts, streetCounts) };
      });
      return rankByCompletion(entries).map(({ rank, item, counts }) => ({
        rank,
        district: item.district,
        stats: taskStatsOf(counts),
        ownStats: taskStatsOf(item.ownCounts),
        streetStats: taskStatsOf(item.streetCounts),
      }));
    }
  }
  return CityDistrictRankingResolver;
}
