import { Field, Int, ObjectType, ID } from 'type-graphql';
import { PageInfo, type ClassType } from '../pagination/connection';

/** 辖区 A jurisdiction by code and name, read from the shipped division list. */
@ObjectType('CitywideJurisdiction', { description: '辖区 A jurisdiction by code and name (from the shipped division list).' })
export class CitywideJurisdiction {
  @Field(() => ID, { description: '行政区划代码 Administrative code.' })
  code!: string;

  @Field(() => String, { description: '名称 Name.' })
  name!: string;
}

/** 区合计 One figure of a district with its streets: the parts and their sum. */
@ObjectType('DistrictAndStreetsCount', { description: '区与街道合计 A count of a district\'s own records, its streets\' records, and their sum.' })
export class DistrictAndStreetsCount {
  @Field(() => Int, { description: '区本级 The district\'s own records (for findings: about the district\'s own units).' })
  district!: number;

  @Field(() => Int, { description: '所属街道 Its streets\' records (for findings: about the streets\' units).' })
  streets!: number;

  @Field(() => Int, { description: '合计 district + streets.' })
  total!: number;
}

/** One edge of a city-wide list: where the record sits, how overdue it is, and the record itself. */
export interface CitywideEdgeValue {
  cursor: string;
  level: string;
  jurisdictionCode: string;
  daysOverdue: number | null;
  node: unknown;
}

/** The edge and connection types of one list, named `Citywide<Name>Edge` / `…Connection`. */
export function createCitywideConnection(name: string, label: string, nodeType: unknown, withDaysOverdue: boolean): ClassType {
  @ObjectType(`Citywide${name}Edge`, { description: `${label}：一条 One record of the city-wide list, with where it sits.` })
  class Edge {
    @Field(() => String, { description: '游标 Pass as `after` to continue after this record.' })
    cursor!: string;

    @Field(() => String, { description: '层级 The level that owns the record: city, district or street.' })
    level!: string;

    @Field(() => String, { description: '所属辖区代码 The jurisdiction the record belongs to (for findings and checks: the supervised unit\'s).' })
    jurisdictionCode!: string;

    @Field(() => nodeType as ClassType, { description: '记录 The record, read from the level that owns it under its read rules.' })
    node!: unknown;
  }

  if (withDaysOverdue) {
    Field(() => Int, { description: '逾期天数 Days past the due date while still open, on today in Tianjin; 0 when not overdue.' })(Edge.prototype, 'daysOverdue');
  }

  @ObjectType(`Citywide${name}Connection`, { description: `${label} One page of the list across the levels, in one order with one cursor.` })
  class Connection {
    @Field(() => [Edge], { description: '本页记录 The records of this page.' })
    edges!: CitywideEdgeValue[];

    @Field(() => PageInfo, { description: '分页信息 Whether more follow, and the cursor to get them.' })
    pageInfo!: PageInfo;
  }
  return Connection;
}
