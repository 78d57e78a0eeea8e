import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType('City', { description: '市 City: the top of the jurisdiction chain, keyed by its administrative code.' })
export class CityType {
  @Field(() => ID, { description: '行政区划代码 Administrative division code, e.g. 120000.' })
  code!: string;

  @Field(() => String, { description: '名称 Name, e.g. 天津市.' })
  name!: string;
}
