import {
  combineModules,
  createAuditModule,
  createOrgModule,
  createResponsibilityModule,
  createTaskModule,
  type LevelOptions,
  type SubgraphDefinition,
  type SubgraphModule,
} from '@supervision/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CityResolver } from './city/city.resolver';
import { cityReference } from './city/city.reference';
import { CityEntity } from './city/city.entity';
import { createCityLoaders, type CityLoaders } from './city/city.loaders';
import { CityType } from './city/city.type';
import { cityMigrations } from './migrations';
import { seedCity } from './seeders/jurisdiction.seeder';

/** The jurisdiction backbone this level owns. */
const jurisdictionModule: SubgraphModule<CityLoaders> = {
  entities: [CityEntity],
  resolvers: [CityResolver],
  referenceResolvers: { ...cityReference },
  createLoaders: (em: EntityManager) => createCityLoaders(em),
};

const level: LevelOptions<CityEntity> = {
  level: 'city',
  jurisdictionType: CityType,
  jurisdictionField: 'city',
  loadJurisdiction: (context, code) => (context.loaders as CityLoaders).cityByCode.load(code),
};

const org = createOrgModule(level);
const responsibility = createResponsibilityModule(level, org);
const tasks = createTaskModule(level, { CadreType: org.CadreType, ResponsibilityItemType: responsibility.ResponsibilityItemType });

const modules = combineModules(jurisdictionModule, createAuditModule('city'), org, responsibility, tasks);

export type CitySubgraphLoaders = ReturnType<typeof modules.createLoaders>;

/** 市级子图 The city-level subgraph: the city and everything the city owns. */
export const citySubgraph: SubgraphDefinition<CitySubgraphLoaders> = {
  name: 'city',
  migrations: cityMigrations,
  seed: seedCity,
  ...modules,
};
