import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '@supervision/kit';
import { DistrictEntity } from './district.entity';

const byCode = { orderBy: { code: 'asc' } } as const;

export function createDistrictLoaders(em: EntityManager) {
  return {
    districtByCode: loaderOfOne(
      (codes: readonly string[]) => em.find(DistrictEntity, { code: { $in: [...codes] } }),
      (district) => district.code,
    ),
    districtsByCity: loaderOfMany(
      (cityCodes: readonly string[]) => em.find(DistrictEntity, { cityCode: { $in: [...cityCodes] } }, byCode),
      (district) => district.cityCode,
    ),
  };
}

export type DistrictLoaders = ReturnType<typeof createDistrictLoaders>;
