import {
  ACCOUNTABILITY_ENTITIES,
  ASSESSMENT_ENTITIES,
  combineModules,
  createCitywideModule,
  createDirectiveIssuerModule,
  createLevelRecordModules,
  createOversightModules,
  createStatisticsModule,
  DIRECTIVES_ISSUED_ENTITIES,
  DUTY_REPORT_ENTITIES,
  RECTIFICATION_ENTITIES,
  seedDemoData,
  SUPERVISION_CHECK_ENTITIES,
  SUPERVISION_ENTITIES,
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
import { DistrictRef } from './district/district.ref';
import { districtReference } from './district/district.reference';
import { cityMigrations } from './migrations';
import { seedCity } from './seeders/jurisdiction.seeder';

/** The jurisdiction backbone this level owns. */
const jurisdictionModule: SubgraphModule<CityLoaders> = {
  // The ORM knows every table this level's migrations create, whichever module reads it.
  entities: [CityEntity, ...SUPERVISION_ENTITIES, ...DIRECTIVES_ISSUED_ENTITIES, ...DUTY_REPORT_ENTITIES, ...ASSESSMENT_ENTITIES, ...SUPERVISION_CHECK_ENTITIES, ...RECTIFICATION_ENTITIES, ...ACCOUNTABILITY_ENTITIES],
  resolvers: [CityResolver],
  referenceResolvers: { ...cityReference, ...districtReference },
  createLoaders: (em: EntityManager) => createCityLoaders(em),
};

const level: LevelOptions<CityEntity> = {
  level: 'city',
  jurisdictionType: CityType,
  jurisdictionField: 'city',
  loadJurisdiction: (context, code) => (context.loaders as CityLoaders).cityByCode.load(code),
};

const records = createLevelRecordModules(level);

const directiveIssuer = createDirectiveIssuerModule({ ...level, addresseeType: DistrictRef });
const oversight = createOversightModules(level, records, DistrictRef);

const modules = combineModules(
  jurisdictionModule,
  ...records.modules,
  createStatisticsModule(level),
  directiveIssuer,
  // The city oversees the districts and its own departments.
  ...oversight,
  // The city merges the city-wide lists across the levels.
  ...createCitywideModule('city', { ...records.types, FindingType: oversight[0].FindingType, DirectiveType: directiveIssuer.DirectiveType, DistrictType: DistrictRef }),
);

export type CitySubgraphLoaders = ReturnType<typeof modules.createLoaders>;

/** 市级子图 The city-level subgraph: the city and everything the city owns. */
export const citySubgraph: SubgraphDefinition<CitySubgraphLoaders> = {
  name: 'city',
  migrations: cityMigrations,
  seedDemo: (em) => seedDemoData(em, 'city'),
  seed: seedCity,
  ...modules,
};
