import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { newId } from '../ids';

export const UNIT_KINDS = [
  'PARTY_COMMITTEE',
  'GOVERNMENT',
  'DEPARTMENT',
  'STATE_OWNED_ENTERPRISE',
  'PUBLIC_INSTITUTION',
  'OTHER',
] as const;
export type UnitKindCode = (typeof UNIT_KINDS)[number];

/** 单位 A unit of a jurisdiction (party committee, government, department, SOE …). */
@Entity({ tableName: 'unit' })
export class UnitEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The jurisdiction that owns the unit: the city, a district or a street code. */
  @Index()
  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 40 })
  kind!: UnitKindCode;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
