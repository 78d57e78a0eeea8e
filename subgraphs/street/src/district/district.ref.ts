import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The district as the street subgraph sees it: only its key, plus the `streets` field this
 * subgraph contributes. The district subgraph owns every other field.
 */
@Directive('@key(fields: "code")')
@ObjectType('District')
export class DistrictRef {
  @Field(() => ID)
  code!: string;
}
