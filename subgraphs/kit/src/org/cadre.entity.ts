import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { newId } from '../ids';

/**
 * 领导干部 A leading cadre of a unit. Members of the unit's leadership team (领导班子) are the
 * cadres with `teamMember`; at most one is the principal leader (主要负责人, "一把手"). The
 * record belongs to the level that manages the cadre.
 */
@Entity({ tableName: 'cadre' })
export class CadreEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'id' | 'teamMember' | 'principal' | 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'uuid' })
  unitId!: string;

  @Index()
  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'string', length: 200 })
  position!: string;

  @Property({ type: 'boolean' })
  teamMember: boolean = true;

  @Property({ type: 'boolean' })
  principal: boolean = false;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Raised by every change (MikroORM's optimistic lock); `expectedVersion` on an update names it. */
  @Property({ type: 'integer', version: true })
  version: number = 1;
}
