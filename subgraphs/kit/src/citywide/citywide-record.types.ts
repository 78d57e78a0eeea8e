import { Field, ID, Int, ObjectType, createUnionType } from 'type-graphql';
import type { Level } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { PageInfo, type ClassType } from '../pagination/connection';
import type { CitywideOwnTypes, ListBinding } from './citywide-bindings';
import { CITYWIDE_LISTS } from './citywide-lists';
import { CitywideJurisdiction, DistrictAndStreetsCount } from './citywide.types';
import { entityStub, type StubValue } from './entity-stub';

/**
 * The GraphQL types of the merging level's city-wide answers that hold its own record types:
 * the record union of each list, the district figures and the overdue directives. Factories,
 * because the members are the merging level's types; the fixed types are in `citywide.types.ts`.
 */

/** `Citywide<Name>Record`: this level's own type of the list's records, and a stub of every other level's. */
export function createCitywideRecordUnion(level: Level, binding: ListBinding, own: CitywideOwnTypes) {
  const spec = CITYWIDE_LISTS[binding.list];
  const ownName = levelTypeName(level, spec.concept);
  const members = spec.levels.map((memberLevel) => (memberLevel === level ? own[binding.own] : entityStub(levelTypeName(memberLevel, spec.concept))));
  return createUnionType({
    name: `Citywide${binding.name}Record`,
    description: `${binding.label}：记录 A record of the list, from the level that owns it.`,
    types: () => members as unknown as [ClassType, ...ClassType[]] as never,
    resolveType: (value: object) => ('__typename' in value ? (value as StubValue).__typename : ownName),
  });
}

/** `DistrictFigures`, whose `district` is the merging level's District stub. */
export function createDistrictFiguresType(DistrictType: ClassType): ClassType {
  @ObjectType('DistrictFigures', { description: '区合计 A district\'s figures with its streets\' included, where one figure is expected.' })
  class DistrictFigures {
    @Field(() => DistrictType, { description: '区 The district.' })
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
  return DistrictFigures;
}

/** `CitywideOverdueDirectiveConnection`: a directive is this level's own type or a district directive's stub. */
export function createOverdueDirectiveConnection(level: Level, DirectiveType: ClassType): ClassType {
  const directiveMembers = [DirectiveType, entityStub(levelTypeName('district', 'Directive'))];
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
  return OverdueDirectiveConnection;
}
