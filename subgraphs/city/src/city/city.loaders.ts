import type { EntityManager } from '@mikro-orm/postgresql';
import { type JurisdictionLoaders, loaderOfOne } from '@supervision/kit';
import { CityEntity } from './city.entity';

export function createCityLoaders(em: EntityManager) {
  return {
    jurisdictionByCode: loaderOfOne(
      (codes: readonly string[]) => em.find(CityEntity, { code: { $in: [...codes] } }),
      (city) => city.code,
    ),
  } satisfies JurisdictionLoaders<CityEntity>;
}

export type CityLoaders = ReturnType<typeof createCityLoaders>;
