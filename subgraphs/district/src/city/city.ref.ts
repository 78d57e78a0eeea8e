import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The city as the district subgraph sees it: only its key, plus the `districts` field this
 * subgraph contributes. The city subgraph owns every other field.
 */
@Directive('@key(fields: "code")')
@ObjectType('City')
export class CityRef {
  @Field(() => ID)
  code!: string;
}
