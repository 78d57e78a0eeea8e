import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { newId } from '../ids';

/** 节点 A milestone of a task. */
@Entity({ tableName: 'task_milestone' })
export class MilestoneEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'id' | 'doneAt' | 'position';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  taskId!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'date' })
  dueDate!: string;

  @Property({ type: 'Date', nullable: true })
  doneAt: Date | null = null;

  @Property({ type: 'integer' })
  position: number = 0;
}
