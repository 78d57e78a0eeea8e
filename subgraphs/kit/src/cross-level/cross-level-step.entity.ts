import { Entity, Index, OptionalProps, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** What is known of a remote step: in flight (`PENDING`), or known to need undoing (`COMPENSATE`). */
export type CrossLevelStepState = 'PENDING' | 'COMPENSATE';

/**
 * 跨级步骤 One step this level asked another level's database to take on behalf of a local
 * record (keyed by that record's id). The row is committed on its own before the remote call
 * and deleted in the transaction that stores the local record, so a row that outlives its
 * request means the local side never committed: the relay (`cross-level-relay.ts`) then undoes
 * the remote step, retrying until the other level answers. See docs/consistency.md.
 */
@Entity({ tableName: 'cross_level_step' })
@Index({ properties: ['state', 'createdAt'] })
export class CrossLevelStepEntity {
  [OptionalProps]?: 'lastError' | 'nextAttemptAt';

  /** The local record's id (e.g. the rectification report's): the remote side's idempotency key too. */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Which flow (`CROSS_LEVEL_FLOWS`) knows how to check and undo it. */
  @Property({ type: 'string', length: 40 })
  flow!: string;

  @Property({ type: 'string', length: 10 })
  targetLevel!: string;

  @Property({ type: 'json' })
  payload!: Record<string, string>;

  @Property({ type: 'string', length: 12 })
  state: CrossLevelStepState & Opt = 'PENDING';

  @Property({ type: 'integer' })
  attempts: number & Opt = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'Date' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'Date', nullable: true })
  nextAttemptAt: Date | null = null;

  /**
   * The jurisdiction whose request took the step: filled in by the database from the request's
   * scope (row-level security, `row-level-policies.ts`), never by the application.
   */
  @Property({ type: 'string', length: 9, defaultRaw: 'app_scope_code()' })
  ownerCode!: string & Opt;
}
