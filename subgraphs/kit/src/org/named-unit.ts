import { Property } from '@mikro-orm/core';
import { IsUUID, Length } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsAdministrativeCode, NotBlank } from '../validation/common-decorators';

/**
 * 单位 A unit named in a record of the level above it or of its own level (a score sheet, a
 * duty-and-integrity reporter): the unit may live in the level below's database, so it is a plain
 * id beside its jurisdiction, and its name is kept as it stood on the day, as the minutes keep it.
 * The input and the columns are written once here; the records extend them.
 */
// Named, but never emitted: no field takes it, only the inputs that extend it (type-graphql
// inherits an input's fields only from another registered input type).
@InputType('NamedUnitInput')
export abstract class NamedUnitInput {
  @Field(() => ID, { description: 'The unit\'s jurisdiction: the recording level\'s own code (the assessor\'s, the session\'s) or one directly below.' })
  @IsAdministrativeCode()
  jurisdictionCode!: string;

  @Field(() => ID)
  @IsUUID()
  unitId!: string;

  @Field(() => String)
  @Length(1, 200)
  @NotBlank()
  unitName!: string;
}

/** The same three as columns (`jurisdiction_code`, `unit_id`, `unit_name`) of a record's table. */
export abstract class NamedUnitColumns {
  /** The unit's jurisdiction: the recording level itself or one directly below. */
  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Property({ type: 'uuid' })
  unitId!: string;

  @Property({ type: 'string', length: 200 })
  unitName!: string;
}
