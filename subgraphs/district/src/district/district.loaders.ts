import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne, type JurisdictionLoaders, type JurisdictionsUnderLoaders } from '@supervision/kit';
import { DistrictEntity } from './district.entity';

const byCode = { orderBy: { code: 'asc' } } as const;

export function createDistrictLoaders(em: EntityManager) {
  return {
    jurisdictionByCode: loaderOfOne(
      (codes: readonly string[]) => em.find(DistrictEntity, { code: { $in: [...codes] } }),
      (district) => district.code,
    ),
    jurisdictionsUnder: loaderOfMany(
      (cityCodes: readonly string[]) => em.find(DistrictEntity, { cityCode: { $in: [...cityCodes] } }, byCode),
      (district) => district.cityCode,
    ),
  } satisfies JurisdictionLoaders<DistrictEntity> & JurisdictionsUnderLoaders<DistrictEntity>;
}

export type DistrictLoaders = ReturnType<typeof createDistrictLoaders>;
