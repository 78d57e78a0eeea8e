import {
  accountabilityFeature,
  assessmentFeature,
  citywideKeysFeature,
  defineLevelFeatures,
  directiveCascadeFeature,
  directiveIssuerFeature,
  directiveTasksFeature,
  directiveResponderFeature,
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
  type LevelOptions,
  type SubgraphDefinition,
  type SubgraphModule,
} from '@supervision/kit';
import { CityRef } from './city/city.ref';
import { CityDistrictsResolver } from './city/city-districts.resolver';
import { DistrictResolver } from './district/district.resolver';
import { cityReference } from './city/city.reference';
import { districtReference } from './district/district.reference';
import { DistrictEntity } from './district/district.entity';
import { createDistrictLoaders, type DistrictLoaders } from './district/district.loaders';
import { DistrictType } from './district/district.type';
import { districtJurisdictionMigration } from './migrations';
import { StreetRef } from './street/street.ref';
import { streetReference } from './street/street.reference';
import { seedDistricts } from './seeders/jurisdiction.seeder';

/** The jurisdiction backbone this level owns: the districts, and `City.districts`. */
const districtJurisdictionModule: SubgraphModule<DistrictLoaders> = {
  entities: [DistrictEntity],
  resolvers: [DistrictResolver, CityDistrictsResolver],
  referenceResolvers: { ...districtReference, ...cityReference, ...streetReference },
  createLoaders: createDistrictLoaders,
};

const districtJurisdictionFeature = jurisdictionFeature('districtJurisdiction', districtJurisdictionMigration, districtJurisdictionModule);

export const districtLevel: LevelOptions = { level: 'district', jurisdictionType: DistrictType, jurisdictionField: 'district' };

/**
 * What a district has, in build order. A district both answers the city's directives and issues
 * its own to its streets (the cascade links the two); it oversees its streets and its own units,
 * and answers the city's findings about itself.
 */
export const districtFeatures = [
  districtJurisdictionFeature,
  levelRecordsFeature,
  // Archival past the retention period, and the hold check the level below asks.
  retentionFeature,
  readTraceFeature,
  directiveIssuerFeature(StreetRef),
  directiveResponderFeature,
  statisticsFeature({ cityType: CityRef }),
  directiveCascadeFeature,
  // Tasks naming the directive they answer; the directive's answering tasks.
  directiveTasksFeature,
  supervisionFeature(StreetRef),
  rectificationFeature,
  // 派驻纪检监察组: its engagements close into stationed checks of the supervision feature.
  stationedSupervisionFeature,
  dutyReportFeature,
  assessmentFeature,
  accountabilityFeature,
  recordAuditTrailFeature,
  // Its best keys for the city-wide lists, asked by the city.
  citywideKeysFeature,
] as const;

const features = defineLevelFeatures(districtLevel, districtFeatures);

export type DistrictSubgraphLoaders = ReturnType<typeof features.createLoaders>;

/** 区级子图 The district-level subgraph: every district's own records, in its own database. */
export const districtSubgraph: SubgraphDefinition<DistrictSubgraphLoaders> = {
  name: 'district',
  seedDemo: (em) => seedDemoData(em, 'district'),
  seed: seedDistricts,
  ...features,
};
