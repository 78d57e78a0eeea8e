import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ClassType } from '../pagination/connection';
import type { SubgraphModule } from '../module/subgraph-module';
import type { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import type { ResponsibilityLoaders } from '../responsibility/responsibility.loaders';
import type { SubgraphContext } from '../server/context';
import type { TaskEntity } from '../task/task.entity';
import type { TaskLoaders } from '../task/task.loaders';
import type { DutyRecordEntity } from './duty-record.entity';
import type { DutyRecordLoaders } from './duty-record.loaders';

type Context = SubgraphContext<DutyRecordLoaders & TaskLoaders & ResponsibilityLoaders>;

/**
 * Joins the record of what was done (履职纪实) to what it was done for: a task's and an item's
 * duty records, and a record's task and item as objects. Kept apart from the three modules so
 * that each of them stands on its own; the links are the only place that knows all three.
 */
export function createDutyRecordLinksModule(types: {
  TaskType: ClassType;
  ResponsibilityItemType: ClassType;
  DutyRecordType: ClassType;
}): SubgraphModule<object> {
  @Resolver(() => types.TaskType)
  class TaskDutyRecordsResolver {
    @FieldResolver(() => [types.DutyRecordType], { description: '履职纪实 Duty records done for this task (latest versions), newest first.' })
    dutyRecords(@Root() task: TaskEntity, @Ctx() context: Context): Promise<DutyRecordEntity[]> {
      return context.loaders.latestDutyRecordsByTask.load(task.id);
    }
  }

  @Resolver(() => types.ResponsibilityItemType)
  class ItemDutyRecordsResolver {
    @FieldResolver(() => [types.DutyRecordType], { description: '履职纪实 Duty records done for this item (latest versions), newest first.' })
    dutyRecords(@Root() item: ResponsibilityItemEntity, @Ctx() context: Context): Promise<DutyRecordEntity[]> {
      return context.loaders.latestDutyRecordsByResponsibilityItem.load(item.id);
    }
  }

  @Resolver(() => types.DutyRecordType)
  class DutyRecordLinksResolver {
    @FieldResolver(() => types.TaskType, { nullable: true, description: '任务 The task this record serves.' })
    task(@Root() record: DutyRecordEntity, @Ctx() context: Context): Promise<TaskEntity | null> | null {
      return record.taskId ? context.loaders.taskById.load(record.taskId) : null;
    }

    @FieldResolver(() => types.ResponsibilityItemType, { nullable: true, description: '责任清单条目 The responsibility item this record serves.' })
    responsibilityItem(@Root() record: DutyRecordEntity, @Ctx() context: Context): Promise<ResponsibilityItemEntity | null> | null {
      return record.responsibilityItemId ? context.loaders.responsibilityItemById.load(record.responsibilityItemId) : null;
    }
  }

  return {
    entities: [],
    resolvers: [TaskDutyRecordsResolver, ItemDutyRecordsResolver, DutyRecordLinksResolver],
    createLoaders: () => ({}),
  };
}
