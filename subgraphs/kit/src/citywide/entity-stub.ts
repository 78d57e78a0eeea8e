import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { ClassType } from '../pagination/connection';

const stubs = new Map<string, ClassType>();

/**
 * 实体引用 A key-only stub of another level's entity (`DistrictTask @key(fields: "id",
 * resolvable: false)`): the gateway completes it from its owner, under the owner's read rules.
 * One class per type name for the whole process, so every module of a subgraph that points at
 * the same foreign entity (accountability, supervision, the city-wide lists) shares it — two
 * classes named alike would be two types of one name in one schema.
 */
export function entityStub(typeName: string): ClassType {
  const known = stubs.get(typeName);
  if (known) return known;
  @Directive('@key(fields: "id", resolvable: false)')
  @ObjectType(typeName)
  class EntityStub {
    @Field(() => ID)
    id!: string;
  }
  stubs.set(typeName, EntityStub);
  return EntityStub;
}

/** `{ __typename, id }`: what the gateway needs to fetch a record from the level that owns it. */
export interface StubValue {
  __typename: string;
  id: string;
}
