import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** The same value type in every subgraph, each computing it for the rows it owns. */
@Directive('@shareable')
@ObjectType('TaskStats', { description: '任务统计 Counts of tasks by status, overdue tasks and the completion rate.' })
export class TaskStatsType {
  @Field(() => Int, { description: '任务总数 All tasks, cancelled ones included.' })
  total!: number;

  @Field(() => Int, { description: '未开始 Planned.' })
  planned!: number;

  @Field(() => Int, { description: '进行中 In progress.' })
  inProgress!: number;

  @Field(() => Int, { description: '已完成 Completed.' })
  completed!: number;

  @Field(() => Int, { description: '已取消 Cancelled.' })
  cancelled!: number;

  @Field(() => Int, { description: '逾期 Still planned or in progress with a due date before today.' })
  overdue!: number;

  @Field(() => Float, { description: '完成率 completed / (total − cancelled), 0..1; 0 when no task counts.' })
  completionRate!: number;
}

@Directive('@shareable')
@ObjectType('DutyRecordPeriodCount', { description: '履职纪实统计 Duty records of one period (latest version of each record only).' })
export class DutyRecordPeriodCountType {
  @Field(() => String, { description: '周期 The period: 2026-11 (month), 2026-Q4 (quarter) or 2026 (year).' })
  period!: string;

  @Field(() => Int, { description: '条数 Number of records.' })
  count!: number;
}

/**
 * Street tasks summed per district. The street subgraph computes it; the district subgraph
 * reads it (through `@requires`) to rank districts by their own and their streets' tasks.
 */
@Directive('@shareable')
@ObjectType('StreetTaskTotals', { description: '街道任务按区汇总 Counts of the tasks of all streets of one district.' })
export class StreetTaskTotalsType {
  @Field(() => ID, { description: '区代码 The district\'s code.' })
  districtCode!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  planned!: number;

  @Field(() => Int)
  inProgress!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Int)
  cancelled!: number;

  @Field(() => Int)
  overdue!: number;
}
