import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DistrictRef } from '../district/district.ref';
import { StreetKind } from './street-kind';

@Directive('@key(fields: "code")')
@ObjectType('Street', {
  description: '街道(乡镇) Street, town or township: the level below the district, keyed by its 9-digit code.',
})
export class StreetType {
  @Field(() => ID, { description: '统计用区划代码 Statistical division code, e.g. 120101001.' })
  code!: string;

  @Field(() => String, { description: '名称 Name, e.g. 劝业场街道.' })
  name!: string;

  @Field(() => StreetKind, { description: '类别 Kind of division.' })
  kind!: StreetKind;

  @Field(() => DistrictRef, { nullable: true, description: '所属区 The district this street belongs to.' })
  district!: DistrictRef;
}
