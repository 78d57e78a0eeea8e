import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A street as the district subgraph sees it: only its key, plus the fields this subgraph
 * contributes (`receivedDirectives`: what its district has addressed to it). The street subgraph
 * owns every other field.
 */
@Directive('@key(fields: "code")')
@ObjectType('Street')
export class StreetRef {
  @Field(() => ID)
  code!: string;
}
