import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne, type JurisdictionLoaders, type JurisdictionsUnderLoaders } from '@supervision/kit';
import { StreetEntity } from './street.entity';

export function createStreetLoaders(em: EntityManager) {
  return {
    jurisdictionByCode: loaderOfOne(
      (codes: readonly string[]) => em.find(StreetEntity, { code: { $in: [...codes] } }),
      (street) => street.code,
    ),
    jurisdictionsUnder: loaderOfMany(
      (districtCodes: readonly string[]) =>
        em.find(StreetEntity, { districtCode: { $in: [...districtCodes] } }, { orderBy: { code: 'asc' } }),
      (street) => street.districtCode,
    ),
  } satisfies JurisdictionLoaders<StreetEntity> & JurisdictionsUnderLoaders<StreetEntity>;
}

export type StreetLoaders = ReturnType<typeof createStreetLoaders>;
