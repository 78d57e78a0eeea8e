import {
  accountabilityFeature,
  assessmentFeature,
  citywideFeature,
  defineLevelFeatures,
  directiveIssuerFeature,
  directiveTasksFeature,
  dutyReportFeature,
  jurisdictionFeature,
  levelRecordsFeature,
  retentionFeature,
  readTraceFeature,
  recordAuditTrailFeature,
  rectificationFeature,
  seedDemoData,
  stationedSupervisionFeature,
  statisticsFeature,
  supervisionFeature,
  tokenRevocationFeature,
  type LevelOptions,
  type SubgraphDefinition,
  type SubgraphModule,
} from '@supervision/kit';
import { CityResolver } from './city/city.resolver';
import { cityReference } from './city/city.reference';
import { CityEntity } from './city/city.entity';
import { createCityLoaders, type CityLoaders } from './city/city.loaders';
import { CityType } from './city/city.type';
import { DistrictRef } from './district/district.ref';
import { districtReference } from './district/district.reference';
import { cityJurisdictionMigration } from './migrations';
import { seedCity } from './seeders/jurisdiction.seeder';

/** The jurisdiction backbone this level owns: the city. */
const cityJurisdictionModule: SubgraphModule<CityLoaders> = {
  entities: [CityEntity],
  resolvers: [CityResolver],
  referenceResolvers: { ...cityReference, ...districtReference },
  createLoaders: createCityLoaders,
};

const cityJurisdictionFeature = jurisdictionFeature('cityJurisdiction', cityJurisdictionMigration, cityJurisdictionModule);

const level: LevelOptions = { level: 'city', jurisdictionType: CityType, jurisdictionField: 'city' };

/** What the city has, in build order: it directs and oversees the districts and its own departments. */
const features = defineLevelFeatures(level, [
  cityJurisdictionFeature,
  levelRecordsFeature,
  // Archival past the retention period, and the hold check the level below asks.
  retentionFeature,
  statisticsFeature(),
  directiveIssuerFeature(DistrictRef),
  // Tasks naming the directive they answer; the directive's answering tasks.
  directiveTasksFeature,
  supervisionFeature(DistrictRef),
  rectificationFeature,
  // 派驻纪检监察组: its engagements close into stationed checks of the supervision feature.
  stationedSupervisionFeature,
  dutyReportFeature,
  assessmentFeature,
  accountabilityFeature,
  recordAuditTrailFeature,
  tokenRevocationFeature,
  readTraceFeature,
  // The city merges the city-wide lists across the levels.
  citywideFeature(DistrictRef),
]);

export type CitySubgraphLoaders = ReturnType<typeof features.createLoaders>;

/** 市级子图 The city-level subgraph: the city and everything the city owns. */
export const citySubgraph: SubgraphDefinition<CitySubgraphLoaders> = {
  name: 'city',
  seedDemo: (em) => seedDemoData(em, 'city'),
  seed: seedCity,
  ...features,
};
