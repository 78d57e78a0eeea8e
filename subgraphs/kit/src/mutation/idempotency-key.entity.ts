import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 幂等键 One mutation's result under a client's Idempotency-Key (read and written with SQL in
 * `idempotency.ts`; mapped here so the schema check knows the table).
 */
@Entity({ tableName: 'idempotency_key' })
export class IdempotencyKeyEntity {
  @PrimaryKey({ type: 'string', length: 255 })
  subject!: string;

  @PrimaryKey({ type: 'string', length: 100 })
  key!: string;

  @PrimaryKey({ type: 'integer' })
  ordinal!: number;

  @Property({ type: 'character', length: 64 })
  fingerprint!: string;

  @Property({ type: 'string', length: 100, nullable: true })
  resultType!: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  resultId!: string | null;

  @Property({ type: 'json', nullable: true })
  resultJson!: unknown;

  @Property({ type: 'Date', index: 'idempotency_key_created_at_index' })
  createdAt!: Date;
}
