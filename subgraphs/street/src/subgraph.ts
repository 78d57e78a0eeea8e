import type { SubgraphDefinition } from '@supervision/kit';
import { DistrictStreetsResolver } from './district/district-streets.resolver';
import { districtReference } from './district/district.reference';
import { streetMigrations } from './migrations';
import { seedStreets } from './seeders/jurisdiction.seeder';
import { StreetEntity } from './street/street.entity';
import { createStreetLoaders, type StreetLoaders } from './street/street.loaders';
import { streetReference } from './street/street.reference';
import { StreetResolver } from './street/street.resolver';

/** 街道(乡镇)级子图 The street-level subgraph: every street and township's own records. */
export const streetSubgraph: SubgraphDefinition<StreetLoaders> = {
  name: 'street',
  entities: [StreetEntity],
  migrations: streetMigrations,
  resolvers: [StreetResolver, DistrictStreetsResolver],
  referenceResolvers: { ...streetReference, ...districtReference },
  createLoaders: (em) => ({ ...createStreetLoaders(em) }),
  seed: seedStreets,
};
