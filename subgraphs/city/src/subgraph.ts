import type { SubgraphDefinition } from '@supervision/kit';
import { CityEntity } from './city/city.entity';
import { createCityLoaders, type CityLoaders } from './city/city.loaders';
import { cityReference } from './city/city.reference';
import { CityResolver } from './city/city.resolver';
import { cityMigrations } from './migrations';
import { seedCity } from './seeders/jurisdiction.seeder';

/** 市级子图 The city-level subgraph: the city and, in later modules, everything the city owns. */
export const citySubgraph: SubgraphDefinition<CityLoaders> = {
  name: 'city',
  entities: [CityEntity],
  migrations: cityMigrations,
  resolvers: [CityResolver],
  referenceResolvers: { ...cityReference },
  createLoaders: (em) => ({ ...createCityLoaders(em) }),
  seed: seedCity,
};
