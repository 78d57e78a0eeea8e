import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A district (区) of the city, keyed by its administrative code. */
@Entity({ tableName: 'district' })
export class DistrictEntity {
  @PrimaryKey({ type: 'string', length: 6 })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The city's code; the city row lives in the city subgraph's database, so no foreign key. */
  @Index()
  @Property({ type: 'string', length: 6 })
  cityCode!: string;

  @Property({ type: 'Date', onCreate: () => new Date() })
  createdAt: Date = new Date();
}
