import { assertAdminCode, CITY_CODE } from '@supervision/kit';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { CityContext } from '../context';
import { CityType } from './city.type';

@Resolver(() => CityType)
export class CityResolver {
  @Query(() => CityType, {
    nullable: true,
    description: '市 The city by administrative code (default 120000 天津市); null when there is no such city.',
  })
  async city(
    @Arg('code', () => ID, { defaultValue: CITY_CODE }) code: string,
    @Ctx() { loaders }: CityContext,
  ): Promise<CityType | null> {
    return loaders.jurisdictionByCode.load(assertAdminCode('city', code, 'code'));
  }
}
