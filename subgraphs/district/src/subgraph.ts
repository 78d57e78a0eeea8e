import type { SubgraphDefinition } from '@supervision/kit';
import { CityDistrictsResolver } from './city/city-districts.resolver';
import { cityReference } from './city/city.reference';
import { DistrictEntity } from './district/district.entity';
import { createDistrictLoaders, type DistrictLoaders } from './district/district.loaders';
import { districtReference } from './district/district.reference';
import { DistrictResolver } from './district/district.resolver';
import { districtMigrations } from './migrations';
import { seedDistricts } from './seeders/jurisdiction.seeder';

/** 区级子图 The district-level subgraph: every district's own records, in its own database. */
export const districtSubgraph: SubgraphDefinition<DistrictLoaders> = {
  name: 'district',
  entities: [DistrictEntity],
  migrations: districtMigrations,
  resolvers: [DistrictResolver, CityDistrictsResolver],
  referenceResolvers: { ...districtReference, ...cityReference },
  createLoaders: (em) => ({ ...createDistrictLoaders(em) }),
  seed: seedDistricts,
};
