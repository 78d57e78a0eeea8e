import { Entity, Index, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';
import { newId } from '../ids';

/**
 * 任务下达 A directive issued by a level to chosen jurisdictions directly below it. A district
 * that passes a city directive on to its streets issues its own directive with `parentDirectiveId`
 * naming the city's (a key into another database, so no foreign key).
 */
@Entity({ tableName: 'directive' })
export class DirectiveEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'id' | 'parentDirectiveId' | 'issuedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Index()
  @Property({ type: 'string', length: 9 })
  issuerCode!: string;

  @Index()
  @Property({ type: 'uuid', nullable: true })
  parentDirectiveId: string | null = null;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  requirements!: string;

  @Property({ type: 'date' })
  deadline!: string;

  /** The jurisdictions addressed: codes of the level directly below the issuer. */
  @Property({ type: 'json' })
  targetCodes!: string[];

  @Property({ type: 'string' })
  issuedBy!: string;

  @Property({ type: 'Date' })
  issuedAt: Date = new Date();
}
