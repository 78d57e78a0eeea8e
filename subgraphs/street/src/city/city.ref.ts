import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The city as the street subgraph sees it: only its key, plus the street totals this subgraph
 * contributes (`City.streetTaskTotalsByDistrict`). The city subgraph owns every other field.
 */
@Directive('@key(fields: "code")')
@ObjectType('City')
export class CityRef {
  @Field(() => ID)
  code!: string;
}
