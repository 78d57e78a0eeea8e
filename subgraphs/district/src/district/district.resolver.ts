import { assertAdminCode, CITY_CODE } from '@supervision/kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { CityRef } from '../city/city.ref';
import type { DistrictContext } from '../context';
import type { DistrictEntity } from './district.entity';
import { DistrictType } from './district.type';

@Resolver(() => DistrictType)
export class DistrictResolver {
  @Query(() => [DistrictType], { description: '区列表 All districts of the city, ordered by code.' })
  async districts(@Ctx() { loaders }: DistrictContext): Promise<DistrictEntity[]> {
    return loaders.jurisdictionsUnder.load(CITY_CODE);
  }

  @Query(() => DistrictType, {
    nullable: true,
    description: '区 One district by administrative code; null when there is no such district.',
  })
  async district(
    @Arg('code', () => ID) code: string,
    @Ctx() { loaders }: DistrictContext,
  ): Promise<DistrictEntity | null> {
    return loaders.jurisdictionByCode.load(assertAdminCode('district', code, 'code'));
  }

  /** A stub the city subgraph completes: the district database holds only the city's code. */
  @FieldResolver(() => CityRef, { nullable: true })
  city(@Root() district: DistrictEntity): CityRef {
    return { code: district.cityCode };
  }
}
