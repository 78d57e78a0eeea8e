import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Level } from '../jurisdiction/admin-code';
import type { SubgraphModule } from '../module/subgraph-module';
import type { SubgraphContext } from '../server/context';
import { CITYWIDE_BINDINGS, bindingOf, type CitywideOwnTypes } from './citywide-bindings';
import { createCitywideKeysModule } from './citywide-keys.module';
import { readCitywidePage } from './citywide-page.service';
import { checkPeriod } from './citywide-period';
import { createCitywideRecordUnion, createDistrictFiguresType, createOverdueDirectiveConnection } from './citywide-record.types';
import {
  CitywideCadreFilter,
  CitywideCheckFilter,
  CitywideCheckSort,
  CitywideInterviewFilter,
  CitywideInterviewSort,
  CitywideDutyRecordFilter,
  CitywideDutyRecordSort,
  CitywideFindingFilter,
  CitywideFindingSort,
  CitywideListArgs,
  CitywideNameSort,
  CitywideTaskFilter,
  CitywideTaskSort,
  CitywideUnitFilter,
} from './citywide.inputs';
import { CITYWIDE_LISTS } from './citywide-lists';
import { createCitywideConnection } from './citywide.types';
import { readDistrictFigures } from './district-figures.service';
import { readOverdueDirectives } from './overdue-directives.service';

type Context = SubgraphContext<unknown>;

/**
 * 全市列表 The city-wide lists, their roll-ups and the overdue directives, answered by the merging
 * level (the city): each level returns its best keys for the filter, the services merge them
 * (`citywide-page.service.ts`, `district-figures.service.ts`, `overdue-directives.service.ts`)
 * and return entity references that the gateway has the owners resolve. This module wires the
 * GraphQL types and root fields; `createCitywideKeysModule` is the part every level has, this part exists once.
 */
export function createCitywideModule(level: Level, own: CitywideOwnTypes): SubgraphModule[] {
  const connections = new Map(
    CITYWIDE_BINDINGS.map((binding) => [
      binding.list,
      createCitywideConnection(binding.name, binding.label, createCitywideRecordUnion(level, binding, own), CITYWIDE_LISTS[binding.list].daysOverdue !== null),
    ]),
  );
  const DistrictFigures = createDistrictFiguresType(own.DistrictType);
  const OverdueDirectiveConnection = createOverdueDirectiveConnection(level, own.DirectiveType);

  @Resolver()
  class CitywideListsResolver {
    @Query(() => connections.get('tasks')!, { name: 'citywideTasks',
      description:
        '全市任务清单 Tasks of any set of jurisdictions across the levels, in one order with one cursor; default order: most days overdue first. 最逾期的任务: filter { overdue: true }, first: 10.',
    })
    citywideTasks(
      @Args(() => CitywideListArgs) args: CitywideListArgs,
      @Arg('filter', () => CitywideTaskFilter, { nullable: true, description: '筛选 Conditions, all of which hold.' }) filter: CitywideTaskFilter | undefined,
      @Arg('sort', () => CitywideTaskSort, { nullable: true, description: '排序 Order (default DAYS_OVERDUE, descending).' }) sort: CitywideTaskSort | undefined,
      @Ctx() context: Context,
    ) {
      return readCitywidePage(context, level, bindingOf('tasks'), args, sort, filter);
    }

    @Query(() => connections.get('dutyRecords')!, { name: 'citywideDutyRecords', description: '全市履职纪实 Duty records (latest versions) of any set of jurisdictions across the levels; default order: newest first.' })
    citywideDutyRecords(
      @Args(() => CitywideListArgs) args: CitywideListArgs,
      @Arg('filter', () => CitywideDutyRecordFilter, { nullable: true, description: '筛选 Conditions, all of which hold.' }) filter: CitywideDutyRecordFilter | undefined,
      @Arg('sort', () => CitywideDutyRecordSort, { nullable: true, description: '排序 Order (default OCCURRED_ON, descending).' }) sort: CitywideDutyRecordSort | undefined,
      @Ctx() context: Context,
    ) {
      return readCitywidePage(context, level, bindingOf('dutyRecords'), args, sort, filter);
    }

    @Query(() => connections.get('cadres')!, { name: 'citywideCadres',
      description: '全市干部 Cadres of any set of jurisdictions across the levels; with noDutyRecordFrom/To: cadres with no duty record in the period (无履职纪实).',
    })
    citywideCadres(
      @Args(() => CitywideListArgs) args: CitywideListArgs,
      @Arg('filter', () => CitywideCadreFilter, { nullable: true, description: '筛选 Conditions, all of which hold.' }) filter: CitywideCadreFilter | undefined,
      @Arg('sort', () => CitywideNameSort, { nullable: true, description: '排序 Order (default NAME, ascending).' }) sort: CitywideNameSort | undefined,
      @Ctx() context: Context,
    ) {
      checkPeriod(filter?.noDutyRecordFrom, filter?.noDutyRecordTo, 'filter.noDutyRecordFrom', 'filter.noDutyRecordTo');
      return readCitywidePage(context, level, bindingOf('cadres'), args, sort, filter);
    }

    @Query(() => connections.get('units')!, { name: 'citywideUnits',
      description: '全市单位 Units of any set of jurisdictions across the levels; with noResponsibilityListYear: units without a responsibility list for that year.',
    })
    citywideUnits(
      @Args(() => CitywideListArgs) args: CitywideListArgs,
      @Arg('filter', () => CitywideUnitFilter, { nullable: true, description: '筛选 Conditions, all of which hold.' }) filter: CitywideUnitFilter | undefined,
      @Arg('sort', () => CitywideNameSort, { nullable: true, description: '排序 Order (default NAME, ascending).' }) sort: CitywideNameSort | undefined,
      @Ctx() context: Context,
    ) {
      return readCitywidePage(context, level, bindingOf('units'), args, sort, filter);
    }

    @Query(() => connections.get('findings')!, { name: 'citywideFindings',
      description: '全市问题清单 Supervision findings about units of any set of jurisdictions, raised by the city or a district; default order: most days overdue first.',
    })
    citywideFindings(
      @Args(() => CitywideListArgs) args: CitywideListArgs,
      @Arg('filter', () => CitywideFindingFilter, { nullable: true, description: '筛选 Conditions, all of which hold.' }) filter: CitywideFindingFilter | undefined,
      @Arg('sort', () => CitywideFindingSort, { nullable: true, description: '排序 Order (default DAYS_OVERDUE, descending).' }) sort: CitywideFindingSort | undefined,
      @Ctx() context: Context,
    ) {
      return readCitywidePage(context, level, bindingOf('findings'), args, sort, filter);
    }

    @Query(() => connections.get('checks')!, { name: 'citywideChecks',
      description: '全市监督检查 Supervision checks of units of any set of jurisdictions, by the city or a district; default order: newest first.',
    })
    citywideChecks(
      @Args(() => CitywideListArgs) args: CitywideListArgs,
      @Arg('filter', () => CitywideCheckFilter, { nullable: true, description: '筛选 Conditions, all of which hold.' }) filter: CitywideCheckFilter | undefined,
      @Arg('sort', () => CitywideCheckSort, { nullable: true, description: '排序 Order (default CHECKED_ON, descending).' }) sort: CitywideCheckSort | undefined,
      @Ctx() context: Context,
    ) {
      return readCitywidePage(context, level, bindingOf('checks'), args, sort, filter);
    }

    @Query(() => connections.get('interviews')!, { name: 'citywideInterviews',
      description:
        '全市约谈 Assessment interviews held by the city or districts in the scope; filter { followUpStatus: AWAITING_FOLLOW_UP }: interviews never followed up (一谈了之).',
    })
    citywideInterviews(
      @Args(() => CitywideListArgs) args: CitywideListArgs,
      @Arg('filter', () => CitywideInterviewFilter, { nullable: true, description: '筛选 Conditions, all of which hold.' }) filter: CitywideInterviewFilter | undefined,
      @Arg('sort', () => CitywideInterviewSort, { nullable: true, description: '排序 Order (default HELD_ON, ascending).' }) sort: CitywideInterviewSort | undefined,
      @Ctx() context: Context,
    ) {
      return readCitywidePage(context, level, bindingOf('interviews'), args, sort, filter);
    }

    @Query(() => [DistrictFigures], { name: 'districtFigures',
      description:
        '区合计 Per district, its own and its streets\' figures summed: overdue tasks, findings not rectified, duty records of the period (default: this quarter). Scope: the city (every district) or districts.',
    })
    districtFigures(
      @Arg('scope', () => [String], { nullable: true, description: '范围 ["120000"] every district (default for the city), or district codes; default: the caller\'s jurisdiction.' })
      scopeCodes: string[] | undefined,
      @Arg('from', () => String, { nullable: true, description: '起 Period start for duty records (YYYY-MM-DD); default: the first day of this quarter.' }) from: string | undefined,
      @Arg('to', () => String, { nullable: true, description: '止 Period end (YYYY-MM-DD); default: the last day of this quarter.' }) to: string | undefined,
      @Ctx() context: Context,
    ) {
      return readDistrictFigures(context, scopeCodes, from, to);
    }

    @Query(() => OverdueDirectiveConnection, { name: 'citywideOverdueDirectives',
      description: '逾期未完成指令 Directives issued in the scope whose deadline has passed and that some addressee has not completed, with those addressees; oldest deadline first.',
    })
    citywideOverdueDirectives(@Args(() => CitywideListArgs) args: CitywideListArgs, @Ctx() context: Context) {
      return readOverdueDirectives(context, level, args);
    }
  }

  return [
    createCitywideKeysModule(level),
    { entities: [], resolvers: [CitywideListsResolver], orphanedTypes: [], createLoaders: () => ({}) },
  ];
}
