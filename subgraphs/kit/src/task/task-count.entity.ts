import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 任务计数 Tasks per jurisdiction and status, kept current by a trigger in the same transaction as
 * the change (`Migration20261201000000_task_figures`), so the figures never count the task rows.
 * The platform only reads it; the entity makes the ORM's picture of the tables complete.
 */
@Entity({ tableName: 'task_count' })
export class TaskCountEntity {
  @PrimaryKey({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @PrimaryKey({ type: 'string', length: 20 })
  status!: string;

  @Property({ type: 'bigint' })
  count!: string;
}
