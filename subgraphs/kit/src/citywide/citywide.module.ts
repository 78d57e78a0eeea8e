import type { EntityClass } from '@mikro-orm/core';
import { Arg, Args, Ctx, Field, ID, Int, ObjectType, Query, Resolver, createUnionType } from 'type-graphql';
import { requirePrincipal } from '../authz/guards';
import { today } from '../calendar/calendar-date';
import { assertCalendarDate } from '../calendar/date-rules';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import { DirectiveEntity } from '../directive/directive.entity';
import { badUserInput } from '../errors/graphql-errors';
import { CITY_CODE, levelOfCode, type Level } from '../jurisdiction/admin-code';
import { childDivisions, readDivisions } from '../jurisdiction/divisions';
import { levelTypeName } from '../level/level-names';
import type { SubgraphModule } from '../module/subgraph-module';
import { CadreEntity } from '../org/cadre.entity';
import { UnitEntity } from '../org/unit.entity';
import { PageInfo, type ClassType } from '../pagination/connection';
import { SortDirection } from '../pagination/sort-direction';
import type { SubgraphContext } from '../server/context';
import { SupervisionCheckEntity, SupervisionFindingEntity } from '../supervision/supervision.entities';
import { AssessmentInterviewEntity } from '../assessment/assessment.entity';
import { TaskEntity } from '../task/task.entity';
import { resolveScope } from './citywide-scope';
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
import { citywidePage, districtFigureRows, overdueDirectivesPage } from './citywide-merge';
import { CITYWIDE_LISTS, type CitywideListName } from './citywide-lists';
import { CitywideJurisdiction, createCitywideConnection, DistrictAndStreetsCount, type CitywideEdgeValue } from './citywide.types';
import { entityStub, type StubValue } from './entity-stub';
import { FIGURE_METRICS, type FigureMetric } from './district-figures.sql';
import { encodeCursor } from './keyset';
import { createCitywideKeysModule } from './citywide-keys.module';

type Context = SubgraphContext<unknown>;

/** The merging level's own types of the records the lists return (the others are stubs). */
export interface CitywideOwnTypes {
  TaskType: ClassType;
  DutyRecordType: ClassType;
  CadreType: ClassType;
  UnitType: ClassType;
  FindingType: ClassType;
  CheckType: ClassType;
  InterviewType: ClassType;
  DirectiveType: ClassType;
  /** The merging level's stub of the District entity, for the figures. */
  DistrictType: ClassType;
}

interface ListBinding {
  list: CitywideListName;
  name: string;
  label: string;
  entity: EntityClass<object>;
  own: keyof CitywideOwnTypes;
  defaultSort: string;
  defaultDirection: 'asc' | 'desc';
}

const BINDINGS: ListBinding[] = [
  { list: 'tasks', name: 'Task', label: '全市任务 City-wide tasks', entity: TaskEntity, own: 'TaskType', defaultSort: 'DAYS_OVERDUE', defaultDirection: 'desc' },
  { list: 'dutyRecords', name: 'DutyRecord', label: '全市履职纪实 City-wide duty records', entity: DutyRecordEntity, own: 'DutyRecordType', defaultSort: 'OCCURRED_ON', defaultDirection: 'desc' },
  { list: 'cadres', name: 'Cadre', label: '全市干部 City-wide cadres', entity: CadreEntity, own: 'CadreType', defaultSort: 'NAME', defaultDirection: 'asc' },
  { list: 'units', name: 'Unit', label: '全市单位 City-wide units', entity: UnitEntity, own: 'UnitType', defaultSort: 'NAME', defaultDirection: 'asc' },
  { list: 'findings', name: 'Finding', label: '全市问题 City-wide supervision findings', entity: SupervisionFindingEntity, own: 'FindingType', defaultSort: 'DAYS_OVERDUE', defaultDirection: 'desc' },
  { list: 'checks', name: 'Check', label: '全市监督检查 City-wide supervision checks', entity: SupervisionCheckEntity, own: 'CheckType', defaultSort: 'CHECKED_ON', defaultDirection: 'desc' },
  { list: 'interviews', name: 'Interview', label: '全市约谈 City-wide assessment interviews', entity: AssessmentInterviewEntity, own: 'InterviewType', defaultSort: 'HELD_ON', defaultDirection: 'asc' },
];

const divisionNames = new Map<string, string>();
function divisionName(code: string): string {
  if (divisionNames.size === 0) for (const division of readDivisions()) divisionNames.set(division.code, division.name);
  return divisionNames.get(code) ?? code;
}

/** The current quarter in Tianjin: the default period of the figures. */
export function currentQuarter(on: string = today()): { from: string; to: string } {
  const year = Number(on.slice(0, 4));
  const quarter = Math.floor((Number(on.slice(5, 7)) - 1) / 3);
  const from = `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const end = new Date(Date.UTC(year, quarter * 3 + 3, 0));
  return { from, to: end.toISOString().slice(0, 10) };
}

/**
 * 全市列表 The city-wide lists, their roll-ups and the overdue directives, answered by the merging
 * level (the city): each level returns its best keys for the filter, this module merges them and
 * returns entity references that the gateway has the owners resolve. `createCitywideKeysModule`
 * is the part every level has; this part exists once.
 */
export function createCitywideModule(level: Level, own: CitywideOwnTypes): SubgraphModule[] {
  const resolveTypeOf = (binding: ListBinding) => (value: object) =>
    '__typename' in value ? (value as StubValue).__typename : levelTypeName(level, CITYWIDE_LISTS[binding.list].concept);
  const unionFor = (binding: ListBinding) => {
    const spec = CITYWIDE_LISTS[binding.list];
    const members = spec.levels.map((memberLevel) => (memberLevel === level ? own[binding.own] : entityStub(levelTypeName(memberLevel, spec.concept))));
    return createUnionType({
      name: `Citywide${binding.name}Record`,
      description: `${binding.label}：记录 A record of the list, from the level that owns it.`,
      types: () => members as unknown as [ClassType, ...ClassType[]] as never,
      resolveType: resolveTypeOf(binding),
    });
  };
  const connections = new Map(BINDINGS.map((binding) => [binding.list, createCitywideConnection(binding.name, binding.label, unionFor(binding), CITYWIDE_LISTS[binding.list].daysOverdue !== null)]));

  /** One page: keys merged across the levels, this level's records loaded here (one statement), the others as stubs. */
  async function page(context: Context, binding: ListBinding, args: CitywideListArgs, sort: string | undefined, filter: object | undefined) {
    const principal = requirePrincipal(context);
    const scope = resolveScope(principal, args.scope);
    const direction = args.direction === SortDirection.ASC ? 'asc' : args.direction === SortDirection.DESC ? 'desc' : binding.defaultDirection;
    const result = await citywidePage(context, {
      list: binding.list,
      scope,
      filter: { ...(filter ?? {}) },
      sort: sort ?? binding.defaultSort,
      direction,
      first: args.first,
      after: args.after ?? null,
      today: today(),
    });
    const ownName = levelTypeName(level, CITYWIDE_LISTS[binding.list].concept);
    const ownIds = result.keys.filter((key) => key.typename === ownName).map((key) => key.id);
    const records = ownIds.length > 0 ? await context.em.find(binding.entity, { id: { $in: ownIds } } as never) : [];
    const byId = new Map(records.map((record) => [(record as { id: string }).id, record]));
    const edges: CitywideEdgeValue[] = result.keys.map((key) => ({
      cursor: encodeCursor(key),
      level: levelOfCode(key.jurisdictionCode) ?? '',
      jurisdictionCode: key.jurisdictionCode,
      daysOverdue: key.daysOverdue,
      node: key.typename === ownName ? byId.get(key.id) : { __typename: key.typename, id: key.id },
    }));
    // The owner of a finding or check is the supervising level, not the unit's jurisdiction.
    for (const [index, key] of result.keys.entries()) {
      edges[index].level = key.typename.startsWith('City') ? 'city' : key.typename.startsWith('District') ? 'district' : 'street';
    }
    return {
      edges: edges.filter((edge) => edge.node !== undefined),
      pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: !!args.after, endCursor: result.endCursor, startCursor: edges[0]?.cursor ?? null },
    };
  }

  const binding = (list: CitywideListName) => BINDINGS.find((candidate) => candidate.list === list)!;

  @ObjectType('DistrictFigures', { description: '区合计 A district\'s figures with its streets\' included, where one figure is expected.' })
  class DistrictFigures {
    @Field(() => own.DistrictType, { description: '区 The district.' })
    district!: { code: string };

    @Field(() => ID, { description: '区代码 District code.' })
    code!: string;

    @Field(() => String, { description: '区名称 District name.' })
    name!: string;

    @Field(() => DistrictAndStreetsCount, { description: '逾期任务 Overdue tasks (open, due date passed) of the district and of its streets.' })
    overdueTasks!: DistrictAndStreetsCount;

    @Field(() => DistrictAndStreetsCount, {
      description: '未整改问题 Findings not rectified (neither accepted nor confirmed) about the district\'s units (raised by the city or the district) and its streets\' units.',
    })
    findingsNotRectified!: DistrictAndStreetsCount;

    @Field(() => DistrictAndStreetsCount, { description: '履职纪实 Duty records (latest versions) dated in the period, of the district and of its streets.' })
    dutyRecords!: DistrictAndStreetsCount;
  }

  const directiveMembers = [own.DirectiveType, entityStub(levelTypeName('district', 'Directive'))];
  const DirectiveRecord = createUnionType({
    name: 'CitywideDirectiveRecord',
    description: '指令 A directive, from the level that issued it.',
    types: () => directiveMembers as unknown as [ClassType, ...ClassType[]] as never,
    resolveType: (value: object) => ('__typename' in value ? (value as StubValue).__typename : levelTypeName(level, 'Directive')),
  });

  @ObjectType('CitywideOverdueDirective', { description: '逾期未完成指令 A directive past its deadline that some addressee has not completed.' })
  class OverdueDirectiveType {
    @Field(() => String, { description: '游标 Pass as `after` to continue after this directive.' })
    cursor!: string;

    @Field(() => DirectiveRecord, { description: '指令 The directive, read from its issuer.' })
    directive!: unknown;

    @Field(() => ID, { description: '下达单位代码 The issuing jurisdiction.' })
    issuerCode!: string;

    @Field(() => String, { description: '截止日期 Deadline (YYYY-MM-DD).' })
    deadline!: string;

    @Field(() => Int, { description: '逾期天数 Days past the deadline, on today in Tianjin.' })
    daysOverdue!: number;

    @Field(() => [CitywideJurisdiction], { description: '未完成的受文单位 Addressees that have not completed it (no answer, acknowledged or in progress).' })
    pendingAddressees!: CitywideJurisdiction[];
  }

  @ObjectType('CitywideOverdueDirectiveConnection', { description: '逾期未完成指令 One page of directives past their deadline that some addressee has not completed, oldest deadline first.' })
  class OverdueDirectiveConnection {
    @Field(() => [OverdueDirectiveType], { description: '本页指令 The directives of this page.' })
    nodes!: OverdueDirectiveType[];

    @Field(() => PageInfo, { description: '分页信息 Whether more follow, and the cursor to get them.' })
    pageInfo!: PageInfo;
  }

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
      return page(context, binding('tasks'), args, sort, filter);
    }

    @Query(() => connections.get('dutyRecords')!, { name: 'citywideDutyRecords', description: '全市履职纪实 Duty records (latest versions) of any set of jurisdictions across the levels; default order: newest first.' })
    citywideDutyRecords(
      @Args(() => CitywideListArgs) args: CitywideListArgs,
      @Arg('filter', () => CitywideDutyRecordFilter, { nullable: true, description: '筛选 Conditions, all of which hold.' }) filter: CitywideDutyRecordFilter | undefined,
      @Arg('sort', () => CitywideDutyRecordSort, { nullable: true, description: '排序 Order (default OCCURRED_ON, descending).' }) sort: CitywideDutyRecordSort | undefined,
      @Ctx() context: Context,
    ) {
      return page(context, binding('dutyRecords'), args, sort, filter);
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
      return page(context, binding('cadres'), args, sort, filter);
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
      return page(context, binding('units'), args, sort, filter);
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
      return page(context, binding('findings'), args, sort, filter);
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
      return page(context, binding('checks'), args, sort, filter);
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
      return page(context, binding('interviews'), args, sort, filter);
    }

    @Query(() => [DistrictFigures], { name: 'districtFigures',
      description:
        '区合计 Per district, its own and its streets\' figures summed: overdue tasks, findings not rectified, duty records of the period (default: this quarter). Scope: the city (every district) or districts.',
    })
    async districtFigures(
      @Arg('scope', () => [String], { nullable: true, description: '范围 ["120000"] every district (default for the city), or district codes; default: the caller\'s jurisdiction.' })
      scopeCodes: string[] | undefined,
      @Arg('from', () => String, { nullable: true, description: '起 Period start for duty records (YYYY-MM-DD); default: the first day of this quarter.' }) from: string | undefined,
      @Arg('to', () => String, { nullable: true, description: '止 Period end (YYYY-MM-DD); default: the last day of this quarter.' }) to: string | undefined,
      @Ctx() context: Context,
    ): Promise<DistrictFigures[]> {
      const principal = requirePrincipal(context);
      const scope = resolveScope(principal, scopeCodes);
      const quarter = currentQuarter();
      const period = { from: from ?? quarter.from, to: to ?? quarter.to };
      checkPeriod(period.from, period.to, 'from', 'to');
      const districts = new Set<string>();
      scope.forEach((code, index) => {
        const codeLevel = levelOfCode(code);
        if (codeLevel === 'street') throw badUserInput(`scope.${index}`, `区合计按区计 / figures are per district; "${code}" is a street`);
        for (const district of codeLevel === 'city' ? childDivisions(CITY_CODE).map((division) => division.code) : [code]) districts.add(district);
      });
      const rows = await districtFigureRows(context, { districts: [...districts].sort(), ...period, today: today() });
      const zero = () => ({ district: 0, streets: 0, total: 0 });
      const figures = new Map([...districts].sort().map((code) => [code, { code, name: divisionName(code), district: { code }, overdueTasks: zero(), findingsNotRectified: zero(), dutyRecords: zero() }]));
      for (const row of rows) {
        const figure = figures.get(row.district);
        if (!figure || !FIGURE_METRICS.includes(row.metric)) continue;
        const count = figure[row.metric as FigureMetric];
        count[row.part] += row.count;
        count.total += row.count;
      }
      return [...figures.values()];
    }

    @Query(() => OverdueDirectiveConnection, { name: 'citywideOverdueDirectives',
      description: '逾期未完成指令 Directives issued in the scope whose deadline has passed and that some addressee has not completed, with those addressees; oldest deadline first.',
    })
    async citywideOverdueDirectives(@Args(() => CitywideListArgs) args: CitywideListArgs, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const scope = resolveScope(principal, args.scope);
      const issuing: Level[] = scope.some((code) => code === CITY_CODE) ? ['city', 'district'] : scope.some((code) => levelOfCode(code) === 'district') ? ['district'] : [];
      const result = await overdueDirectivesPage(context, { scope, first: args.first, after: args.after ?? null, today: today() }, issuing);
      const ownIds = result.directives.filter((directive) => directive.typename === levelTypeName(level, 'Directive')).map((directive) => directive.id);
      const records = ownIds.length > 0 ? await context.em.find(DirectiveEntity, { id: { $in: ownIds } }) : [];
      const byId = new Map(records.map((record) => [record.id, record]));
      return {
        nodes: result.directives.map((directive) => ({
          cursor: encodeCursor({ sortValue: directive.deadline, id: directive.id }),
          directive: byId.get(directive.id) ?? { __typename: directive.typename, id: directive.id },
          issuerCode: directive.issuerCode,
          deadline: directive.deadline,
          daysOverdue: directive.daysOverdue,
          pendingAddressees: directive.pendingCodes.map((code) => ({ code, name: divisionName(code) })),
        })),
        pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: !!args.after, endCursor: result.endCursor, startCursor: null },
      };
    }
  }

  return [
    createCitywideKeysModule(level),
    { entities: [], resolvers: [CitywideListsResolver], orphanedTypes: [], createLoaders: () => ({}) },
  ];
}

function checkPeriod(from: string | undefined, to: string | undefined, fromField: string, toField: string): void {
  if (from !== undefined) assertCalendarDate(fromField, from);
  if (to !== undefined) assertCalendarDate(toField, to);
  if (from && to && from > to) throw badUserInput(toField, `${to} is before ${from}`);
}

