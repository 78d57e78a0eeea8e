import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { newId } from '../ids';

export const TASK_STATUSES = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type TaskStatusCode = (typeof TASK_STATUSES)[number];

/**
 * 任务 A task that carries a responsibility item out. "Overdue" is not stored: it is derived
 * from the due date and status whenever it is read, so it can never be stale.
 */
@Entity({ tableName: 'task' })
@Index({ properties: ['jurisdictionCode', 'status'] })
export class TaskEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'id' | 'directiveId' | 'description' | 'progress' | 'status' | 'cancelReason' | 'completedAt' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Index()
  @Property({ type: 'uuid' })
  responsibilityItemId!: string;

  /**
   * 落实的指令 The directive the task answers: one of the own jurisdiction's, or one of the level
   * above addressed to it. A directive of the level above lives in that level's database, so a plain
   * id checked with that level's subgraph when written. null: no directive.
   */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  directiveId: string | null = null;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  description: string = '';

  @Index()
  @Property({ type: 'uuid' })
  cadreId!: string;

  /** A calendar date (YYYY-MM-DD), compared with the current date in SQL. */
  @Property({ type: 'date' })
  dueDate!: string;

  @Property({ type: 'smallint' })
  progress: number = 0;

  @Property({ type: 'string', length: 20 })
  status: TaskStatusCode = 'PLANNED';

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  @Property({ type: 'Date', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** 版本 Raised by every change (MikroORM optimistic lock); an edit naming an older one is a CONFLICT. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
