import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfOne } from '@supervision/kit';
import { CityEntity } from './city.entity';

export function createCityLoaders(em: EntityManager) {
  return {
    cityByCode: loaderOfOne(
      (codes: readonly string[]) => em.find(CityEntity, { code: { $in: [...codes] } }),
      (city) => city.code,
    ),
  };
}

export type CityLoaders = ReturnType<typeof createCityLoaders>;
