import { Entity, Index, PrimaryKey, Property, Unique, OptionalProps } from '@mikro-orm/core';
import { newId } from '../ids';

export const DUTY_RECORD_KINDS = ['MEETING', 'TALK', 'INSPECTION', 'REPORT', 'INSTRUCTION', 'OTHER'] as const;
export type DutyRecordKindCode = (typeof DUTY_RECORD_KINDS)[number];

/**
 * 履职纪实 One version of a duty record. Records are never overwritten: a correction is a new
 * row with the same `recordId` and the next `version`, so every earlier statement stays readable.
 */
@Entity({ tableName: 'duty_record' })
@Unique({ properties: ['recordId', 'version'] })
@Index({ properties: ['jurisdictionCode', 'occurredOn'] })
export class DutyRecordEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'id' | 'version' | 'taskId' | 'responsibilityItemId' | 'correctionReason' | 'createdAt' | 'archivedAt' | 'archivedBy';

  /** Identifies this version. */
  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** Identifies the record across its versions. */
  @Property({ type: 'uuid' })
  recordId!: string;

  @Property({ type: 'integer' })
  version: number = 1;

  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Property({ type: 'string', length: 20 })
  kind!: DutyRecordKindCode;

  @Property({ type: 'date' })
  occurredOn!: string;

  @Index()
  @Property({ type: 'uuid' })
  cadreId!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  taskId: string | null = null;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  responsibilityItemId: string | null = null;

  @Property({ type: 'text' })
  summary!: string;

  /** Why this version replaced the one before (null on version 1). */
  @Property({ type: 'text', nullable: true })
  correctionReason: string | null = null;

  @Property({ type: 'string' })
  recordedBy!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  /** 归档时间 Set once the record is past its retention period (retention/); archived rows are never dropped. */
  @Property({ type: 'Date', nullable: true })
  archivedAt: Date | null = null;

  /** Who archived it (token subject). */
  @Property({ type: 'string', nullable: true })
  archivedBy: string | null = null;
}
