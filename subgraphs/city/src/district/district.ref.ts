import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * A district as the city subgraph sees it: only its key, plus the fields this subgraph
 * contributes (`receivedDirectives`: what the city has addressed to it). The district subgraph
 * owns every other field.
 */
@Directive('@key(fields: "code")')
@ObjectType('District')
export class DistrictRef {
  @Field(() => ID)
  code!: string;
}
