import { Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';

/**
 * 责任类别 A category of responsibility items (党风廉政建设, 意识形态 …). Categories are rows,
 * not an enum, so a level can add one without a release.
 */
@Entity({ tableName: 'responsibility_category' })
export class ResponsibilityCategoryEntity {
  /** Properties with defaults, optional when creating. */
  [OptionalProps]?: 'sortOrder';

  @PrimaryKey({ type: 'string', length: 40 })
  code!: string;

  @Property({ type: 'string', length: 100 })
  name!: string;

  @Property({ type: 'integer' })
  sortOrder: number = 0;
}
