import {
  combineModules,
  createCitywideKeysModule,
  createDirectiveResponderModule,
  createLevelRecordModules,
  createRectificationModule,
  createRecordAuditTrailModule,
  createStatisticsModule,
  DIRECTIVE_RESPONSES_ENTITIES,
  levelRecordAuditedTypes,
  RECTIFICATION_ENTITIES,
  seedDemoData,
  SUPERVISION_ENTITIES,
  type LevelOptions,
  type SubgraphDefinition,
  type SubgraphModule,
} from '@supervision/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
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
import { streetMigrations } from './migrations';
import { seedStreets } from './seeders/jurisdiction.seeder';

/** The jurisdiction backbone this level owns. */
const jurisdictionModule: SubgraphModule<StreetLoaders> = {
  // The ORM knows every table this level's migrations create, whichever module reads it.
  entities: [StreetEntity, ...SUPERVISION_ENTITIES, ...DIRECTIVE_RESPONSES_ENTITIES, ...RECTIFICATION_ENTITIES],
  resolvers: [StreetResolver, DistrictStreetsResolver],
  referenceResolvers: { ...streetReference, ...districtReference, ...cityReference },
  createLoaders: (em: EntityManager) => createStreetLoaders(em),
};

const level: LevelOptions<StreetEntity> = {
  level: 'street',
  jurisdictionType: StreetType,
  jurisdictionField: 'street',
  loadJurisdiction: (context, code) => (context.loaders as StreetLoaders).streetByCode.load(code),
};

const records = createLevelRecordModules(level);
const rectification = createRectificationModule('street');

const modules = combineModules(
  jurisdictionModule,
  ...records.modules,
  createStatisticsModule({
    ...level,
    cityType: CityRef,
    districtType: DistrictRef,
    loadJurisdictionsUnder: (context, districtCode) => (context.loaders as StreetLoaders).streetsByDistrict.load(districtCode),
  }),
  createDirectiveResponderModule(level),
  // A street answers its district's findings about it.
  rectification,
  // Its records carry their audit trails, for a district's accountability trace (问责依据在线倒查).
  createRecordAuditTrailModule(records.types.AuditEntryType, [
    ...levelRecordAuditedTypes(records.types),
    { type: rectification.ReportType, entityType: 'RectificationReport' },
  ]),
  // Its best keys for the city-wide lists, asked by the city.
  createCitywideKeysModule('street'),
);

export type StreetSubgraphLoaders = ReturnType<typeof modules.createLoaders>;

/** 街道(乡镇)级子图 The street-level subgraph: every street and township's own records. */
export const streetSubgraph: SubgraphDefinition<StreetSubgraphLoaders> = {
  name: 'street',
  migrations: streetMigrations,
  seedDemo: (em) => seedDemoData(em, 'street'),
  seed: seedStreets,
  ...modules,
};
