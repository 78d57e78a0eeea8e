import {
  ACCOUNTABILITY_ENTITIES,
  ASSESSMENT_ENTITIES,
  combineModules,
  createCitywideKeysModule,
  createDirectiveCascadeModule,
  createDirectiveIssuerModule,
  createDirectiveResponderModule,
  createLevelRecordModules,
  createOversightModules,
  createStatisticsModule,
  DIRECTIVE_RESPONSES_ENTITIES,
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
import { CityRef } from './city/city.ref';
import { CityDistrictsResolver } from './city/city-districts.resolver';
import { DistrictResolver } from './district/district.resolver';
import { cityReference } from './city/city.reference';
import { districtReference } from './district/district.reference';
import { DistrictEntity } from './district/district.entity';
import { createDistrictLoaders, type DistrictLoaders } from './district/district.loaders';
import { DistrictType } from './district/district.type';
import { districtMigrations } from './migrations';
import { StreetRef } from './street/street.ref';
import { streetReference } from './street/street.reference';
import { seedDistricts } from './seeders/jurisdiction.seeder';

/** The jurisdiction backbone this level owns. */
const jurisdictionModule: SubgraphModule<DistrictLoaders> = {
  // The ORM knows every table this level's migrations create, whichever module reads it.
  entities: [
    DistrictEntity,
    ...SUPERVISION_ENTITIES,
    ...DIRECTIVES_ISSUED_ENTITIES,
    ...DIRECTIVE_RESPONSES_ENTITIES,
    ...DUTY_REPORT_ENTITIES,
    ...ASSESSMENT_ENTITIES,
    ...SUPERVISION_CHECK_ENTITIES,
    ...RECTIFICATION_ENTITIES,
    ...ACCOUNTABILITY_ENTITIES,
  ],
  resolvers: [DistrictResolver, CityDistrictsResolver],
  referenceResolvers: { ...districtReference, ...cityReference, ...streetReference },
  createLoaders: (em: EntityManager) => createDistrictLoaders(em),
};

const level: LevelOptions<DistrictEntity> = {
  level: 'district',
  jurisdictionType: DistrictType,
  jurisdictionField: 'district',
  loadJurisdiction: (context, code) => (context.loaders as DistrictLoaders).districtByCode.load(code),
};

const records = createLevelRecordModules(level);
// A district both answers the city's directives and issues its own to its streets; the cascade
// module links the two (a city directive passed on as a district directive).
const directiveIssuer = createDirectiveIssuerModule({ ...level, addresseeType: StreetRef });
const directiveResponder = createDirectiveResponderModule(level);

const modules = combineModules(
  jurisdictionModule,
  ...records.modules,
  createStatisticsModule({
    ...level,
    cityType: CityRef,
    loadJurisdictionsUnder: (context, cityCode) => (context.loaders as DistrictLoaders).districtsByCity.load(cityCode),
  }),
  directiveIssuer,
  directiveResponder,
  createDirectiveCascadeModule({
    level: 'district',
    directiveType: directiveIssuer.DirectiveType,
    issuedDirectiveType: directiveResponder.IssuedDirectiveRef,
    responseType: directiveResponder.ResponseType,
  }),
  // A district oversees its streets and its own units, and answers the city's findings about itself.
  ...createOversightModules(level, records, StreetRef),
  // Its best keys for the city-wide lists, asked by the city.
  createCitywideKeysModule('district'),
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
