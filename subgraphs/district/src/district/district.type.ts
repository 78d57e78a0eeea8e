import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { CityRef } from '../city/city.ref';

@Directive('@key(fields: "code")')
@ObjectType('District', { description: '区 District of the city, keyed by its administrative code.' })
export class DistrictType {
  @Field(() => ID, { description: '行政区划代码 Administrative division code, e.g. 120101.' })
  code!: string;

  @Field(() => String, { description: '名称 Name, e.g. 和平区.' })
  name!: string;

  @Field(() => CityRef, { nullable: true, description: '所属市 The city this district belongs to.' })
  city!: CityRef;
}
