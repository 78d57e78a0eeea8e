import { assertAdminCode, streetKindOfCode } from '@supervision/kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { StreetContext } from '../context';
import { DistrictRef } from '../district/district.ref';
import type { StreetEntity } from './street.entity';
import { StreetKind } from './street-kind';
import { StreetType } from './street.type';

@Resolver(() => StreetType)
export class StreetResolver {
  @Query(() => [StreetType], {
    description: '街道(乡镇)列表 The street-level divisions of one district, ordered by code.',
  })
  async streets(
    @Arg('districtCode', () => ID) districtCode: string,
    @Ctx() { loaders }: StreetContext,
  ): Promise<StreetEntity[]> {
    return loaders.jurisdictionsUnder.load(assertAdminCode('district', districtCode, 'districtCode'));
  }

  @Query(() => StreetType, {
    nullable: true,
    description: '街道(乡镇) One street-level division by code; null when there is no such division.',
  })
  async street(@Arg('code', () => ID) code: string, @Ctx() { loaders }: StreetContext): Promise<StreetEntity | null> {
    return loaders.jurisdictionByCode.load(assertAdminCode('street', code, 'code'));
  }

  @FieldResolver(() => StreetKind)
  kind(@Root() street: StreetEntity): StreetKind {
    return StreetKind[streetKindOfCode(street.code)];
  }

  /** A stub the district subgraph completes: the street database holds only the district's code. */
  @FieldResolver(() => DistrictRef, { nullable: true })
  district(@Root() street: StreetEntity): DistrictRef {
    return { code: street.districtCode };
  }
}
