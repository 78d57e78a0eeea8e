import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '@supervision/kit';
import { StreetEntity } from './street.entity';

export function createStreetLoaders(em: EntityManager) {
  return {
    streetByCode: loaderOfOne(
      (codes: readonly string[]) => em.find(StreetEntity, { code: { $in: [...codes] } }),
      (street) => street.code,
    ),
    streetsByDistrict: loaderOfMany(
      (districtCodes: readonly string[]) =>
        em.find(StreetEntity, { districtCode: { $in: [...districtCodes] } }, { orderBy: { code: 'asc' } }),
      (street) => street.districtCode,
    ),
  };
}

export type StreetLoaders = ReturnType<typeof createStreetLoaders>;
