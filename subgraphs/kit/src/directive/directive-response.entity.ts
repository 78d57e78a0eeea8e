import { Entity, Index, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { newId } from '../ids';

export const DIRECTIVE_RESPONSE_STATUSES = ['ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED'] as const;
export type DirectiveResponseStatusCode = (typeof DIRECTIVE_RESPONSE_STATUSES)[number];

/**
 * 回应 One addressed jurisdiction's response to a directive from the level above: owned by the
 * responding level, stored in its database, shown on the directive through federation.
 */
@Entity({ tableName: 'directive_response' })
@Unique({ properties: ['directiveId', 'responderCode'] })
export class DirectiveResponseEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'id' | 'status' | 'progress' | 'report' | 'acknowledgedAt' | 'completedAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The directive answered; it lives in the issuing level's database. */
  @Index()
  @Property({ type: 'uuid' })
  directiveId!: string;

  @Index()
  @Property({ type: 'string', length: 9 })
  responderCode!: string;

  @Property({ type: 'string', length: 20 })
  status: DirectiveResponseStatusCode = 'ACKNOWLEDGED';

  @Property({ type: 'smallint' })
  progress: number = 0;

  @Property({ type: 'text' })
  report: string = '';

  @Property({ type: 'Date' })
  acknowledgedAt: Date = new Date();

  @Property({ type: 'Date', nullable: true })
  completedAt: Date | null = null;

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
