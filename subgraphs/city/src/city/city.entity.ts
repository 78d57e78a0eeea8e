import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The city (市) this installation serves; one row, keyed by its administrative code. */
@Entity({ tableName: 'city' })
export class CityEntity {
  @PrimaryKey({ type: 'string', length: 6 })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'Date', onCreate: () => new Date() })
  createdAt: Date = new Date();
}
