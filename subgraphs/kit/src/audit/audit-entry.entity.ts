import { BigIntType, Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import type { DigestAlgorithm } from '../crypto/digest';

/**
 * One committed change. Rows are only ever inserted (a database trigger refuses UPDATE and
 * DELETE), and each carries the hash of the one before it, so a row edited behind the
 * platform's back breaks the chain where it was edited.
 */
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditEntryEntity {
  /** Position in the chain; bigint arrives as a string to keep all 64 bits. */
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  seq!: string & Opt;

  @Property({ type: 'Date' })
  at!: Date;

  @Property({ type: 'string' })
  actorSubject!: string;

  @Property({ type: 'string' })
  actorCode!: string;

  /** The jurisdiction that owns the changed record; reads of the trail are authorised by it. */
  @Property({ type: 'string' })
  ownerCode!: string;

  @Property({ type: 'string' })
  action!: string;

  @Property({ type: 'string' })
  entityType!: string;

  @Property({ type: 'string' })
  entityId!: string;

  @Property({ type: 'json', nullable: true })
  before!: Record<string, unknown> | null;

  @Property({ type: 'json', nullable: true })
  after!: Record<string, unknown> | null;

  /**
   * The chain the entry belongs to: its owner's code (one chain per jurisdiction), or null for
   * the single chain of the entries written before chains were split.
   */
  @Property({ type: 'string', length: 9, nullable: true })
  chain?: string | null;

  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Property({ type: 'string', length: 64 })
  hash!: string;

  /** The hash function this entry was chained with; rows from before the choice existed are SHA-256. */
  @Property({ type: 'string', length: 10 })
  algorithm: DigestAlgorithm & Opt = 'sha256';
}
