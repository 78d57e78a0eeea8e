import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { newId } from '../ids';

/**
 * 主体责任清单条目 One item of a responsibility list: the team's (no cadre) or one cadre's.
 */
@Entity({ tableName: 'responsibility_item' })
@Index({ properties: ['jurisdictionCode', 'year'] })
export class ResponsibilityItemEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'id' | 'cadreId' | 'parentItemId' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Index()
  @Property({ type: 'uuid' })
  unitId!: string;

  /** null: an item of the leadership team as a whole. */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  cadreId: string | null = null;

  /**
   * 分解自 The item of the level above this one breaks down (a city item for a district's, the own
   * district's item for a street's); it lives in that level's database, so a plain id checked
   * with that level's subgraph when written. null: not a breakdown.
   */
  @Index()
  @Property({ type: 'uuid', nullable: true })
  parentItemId: string | null = null;

  @Property({ type: 'string', length: 40 })
  categoryCode!: string;

  @Property({ type: 'text' })
  content!: string;

  /** The documents the item rests on (文件依据). */
  @Property({ type: 'text' })
  basis!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** 版本 Raised by every change (MikroORM optimistic lock); an edit naming an older one is a CONFLICT. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
