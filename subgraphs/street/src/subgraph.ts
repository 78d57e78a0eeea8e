import {
  citywideKeysFeature,
  defineLevelFeatures,
  directiveResponderFeature,
  directiveTasksFeature,
  jurisdictionFeature,
  levelRecordsFeature,
  retentionFeature,
  readTraceFeature,
  recordAuditTrailFeature,
  rectificationFeature,
  seedDemoData,
  statisticsFeature,
  type LevelOptions,
  type SubgraphDefinition,
  type SubgraphModule,
} from '@supervision/kit';
import { CityRef } from './city/city.ref';
import { cityReference } from './city/city.reference';
import { DistrictRef } from './district/district.ref';
import { DistrictStreetsResolver } from './district/district-streets.resolver';
import { StreetResolver } from './street/street.resolver';
import { districtReference } from './district/district.reference';
import { streetReference } from './street/street.reference';
import { StreetEntity } from './street/street.entity';
import { createStreetLoaders, type StreetLoaders } from './street/street.loaders';
import { StreetType } from './street/street.type';
import { streetJurisdictionMigration } from './migrations';
import { seedStreets } from './seeders/jurisdiction.seeder';

/** The jurisdiction backbone this level owns: the streets and townships, and `District.streets`. */
const streetJurisdictionModule: SubgraphModule<StreetLoaders> = {
  entities: [StreetEntity],
  resolvers: [StreetResolver, DistrictStreetsResolver],
  referenceResolvers: { ...streetReference, ...districtReference, ...cityReference },
  createLoaders: createStreetLoaders,
};

const streetJurisdictionFeature = jurisdictionFeature('streetJurisdiction', streetJurisdictionMigration, streetJurisdictionModule);

const level: LevelOptions = { level: 'street', jurisdictionType: StreetType, jurisdictionField: 'street' };

/**
 * What a street has, in build order: it answers its district's directives and findings about
 * it, and its records carry their audit trails for a district's accountability trace.
 */
const features = defineLevelFeatures(level, [
  streetJurisdictionFeature,
  levelRecordsFeature,
  // Archival past the retention period, and the hold check the level below asks.
  retentionFeature,
  rectificationFeature,
  statisticsFeature({ cityType: CityRef, districtType: DistrictRef }),
  directiveResponderFeature,
  // Tasks naming the directive they answer; the directive's answering tasks.
  directiveTasksFeature,
  recordAuditTrailFeature,
  readTraceFeature,
  // Its best keys for the city-wide lists, asked by the city.
  citywideKeysFeature,
]);

export type StreetSubgraphLoaders = ReturnType<typeof features.createLoaders>;

/** 街道(乡镇)级子图 The street-level subgraph: every street and township's own records. */
export const streetSubgraph: SubgraphDefinition<StreetSubgraphLoaders> = {
  name: 'street',
  seedDemo: (em) => seedDemoData(em, 'street'),
  seed: seedStreets,
  ...features,
};
