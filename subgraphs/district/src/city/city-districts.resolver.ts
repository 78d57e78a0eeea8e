import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { DistrictContext } from '../context';
import type { DistrictEntity } from '../district/district.entity';
import { DistrictType } from '../district/district.type';
import { CityRef } from './city.ref';

@Resolver(() => CityRef)
export class CityDistrictsResolver {
  @FieldResolver(() => [DistrictType], { nullable: true, description: '下辖区 The districts of this city, ordered by code.' })
  districts(@Root() city: CityRef, @Ctx() { loaders }: DistrictContext): Promise<DistrictEntity[]> {
    return loaders.jurisdictionsUnder.load(city.code);
  }
}
