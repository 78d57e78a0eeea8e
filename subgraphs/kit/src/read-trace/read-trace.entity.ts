import { BigIntType, Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import type { DigestAlgorithm } from '../crypto/digest';

/** One protected record a request read. */
export interface ReadRecord {
  type: string;
  id: string;
  /** The jurisdiction that owns the record: who may see that it was read is decided by it. */
  ownerCode: string;
}

/** 访问留痕 The protected records one request read in this level, by whom (append-only, chained). */
@Entity({ tableName: 'read_trace' })
export class ReadTraceEntity {
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  seq!: string & Opt;

  @Property({ type: 'Date' })
  at!: Date;

  @Property({ type: 'string', length: 255 })
  actorSubject!: string;

  @Property({ type: 'string', length: 10 })
  actorLevel!: string;

  @Property({ type: 'string', length: 9 })
  actorCode!: string;

  @Property({ type: 'json' })
  actorRoles!: string[];

  @Property({ type: 'string', length: 200, nullable: true })
  operation!: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  requestId!: string | null;

  @Property({ type: 'json' })
  records!: ReadRecord[];

  @Property({ type: 'string', length: 10 })
  algorithm!: DigestAlgorithm;

  @Property({ type: 'string', length: 64 })
  prevHash!: string;

  @Property({ type: 'string', length: 64 })
  hash!: string;
}
