import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 履职纪实计数 Latest versions of duty records per jurisdiction and day, kept current by a trigger
 * in the same transaction as the change (`Migration20261202040000_duty_record_figures`), so the
 * figures of a period never read the records. The platform only reads it; the entity makes the
 * ORM's picture of the tables complete.
 */
@Entity({ tableName: 'duty_record_count' })
export class DutyRecordCountEntity {
  @PrimaryKey({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @PrimaryKey({ type: 'date' })
  occurredOn!: string;

  @Property({ type: 'bigint' })
  count!: string;
}
