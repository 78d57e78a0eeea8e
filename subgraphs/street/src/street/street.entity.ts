import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A street-level division (街道 / 乡镇 / 乡级单位), keyed by its 9-digit statistical code. */
@Entity({ tableName: 'street' })
export class StreetEntity {
  @PrimaryKey({ type: 'string', length: 9 })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  /** The district's code; the district row lives in the district subgraph's database. */
  @Index()
  @Property({ type: 'string', length: 6 })
  districtCode!: string;

  @Property({ type: 'Date', onCreate: () => new Date() })
  createdAt: Date = new Date();
}
