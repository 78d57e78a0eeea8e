import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { StreetContext } from '../context';
import type { StreetEntity } from '../street/street.entity';
import { StreetType } from '../street/street.type';
import { DistrictRef } from './district.ref';

@Resolver(() => DistrictRef)
export class DistrictStreetsResolver {
  @FieldResolver(() => [StreetType], {
    nullable: true,
    description: '下辖街道(乡镇) The street-level divisions of this district, ordered by code.',
  })
  streets(@Root() district: DistrictRef, @Ctx() { loaders }: StreetContext): Promise<StreetEntity[]> {
    return loaders.jurisdictionsUnder.load(district.code);
  }
}
