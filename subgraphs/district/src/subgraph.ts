import {
  combineModules,
  createRectificationModule,
  RECTIFICATION_ENTITIES,
  createSupervisionModule,
  SUPERVISION_CHECK_ENTITIES,
  createAuditModule,
  createOrgModule,
  DIRECTIVE_RESPONSES_ENTITIES,
  DIRECTIVES_ISSUED_ENTITIES,
  seedDemoData,
  SUPERVISION_ENTITIES,
  type LevelOptions,
  type SubgraphDefinition,
  type SubgraphModule,
} from '@supervision/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CityDistrictsResolver } from './city/city-districts.resolver';
import { DistrictResolver } from './district/district.resolver';
import { cityReference } from './city/city.reference';
import { districtReference } from './district/district.reference';
import { DistrictEntity } from './district/district.entity';
import { createDistrictLoaders, type DistrictLoaders } from './district/district.loaders';
import { DistrictType } from './district/district.type';
import { districtMigrations } from './migrations';
import { seedDistricts } from './seeders/jurisdiction.seeder';

/** The jurisdiction backbone this level owns. */
const jurisdictionModule: SubgraphModule<DistrictLoaders> = {
  // The ORM knows every table this level's migrations create, whichever module reads it.
  entities: [DistrictEntity, ...SUPERVISION_ENTITIES, ...DIRECTIVES_ISSUED_ENTITIES, ...DIRECTIVE_RESPONSES_ENTITIES, ...SUPERVISION_CHECK_ENTITIES, ...RECTIFICATION_ENTITIES],
  resolvers: [DistrictResolver, CityDistrictsResolver],
  referenceResolvers: { ...districtReference, ...cityReference },
  createLoaders: (em: EntityManager) => createDistrictLoaders(em),
};

const level: LevelOptions<DistrictEntity> = {
  level: 'district',
  jurisdictionType: DistrictType,
  jurisdictionField: 'district',
  loadJurisdiction: (context, code) => (context.loaders as DistrictLoaders).districtByCode.load(code),
};

const org = createOrgModule(level);
const supervision = createSupervisionModule(level, org.UnitType);
const modules = combineModules(
  jurisdictionModule,
  createAuditModule('district'),
  org,
  supervision,
  createRectificationModule('district', supervision.FindingType),
);

export type DistrictSubgraphLoaders = ReturnType<typeof modules.createLoaders>;

/** 区级子图 The district-level subgraph: every district's own records, in its own database. */
export const districtSubgraph: SubgraphDefinition<DistrictSubgraphLoaders> = {
  name: 'district',
  migrations: districtMigrations,
  seedDemo: (em) => seedDemoData(em, 'district'),
  seed: seedDistricts,
  ...modules,
};
