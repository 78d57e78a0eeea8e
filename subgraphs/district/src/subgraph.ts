import {
  ACCOUNTABILITY_ENTITIES,
  ASSESSMENT_ENTITIES,
  combineModules,
  createAccountabilityModule,
  createAssessmentModule,
  createDirectiveCascadeModule,
  createDirectiveIssuerModule,
  createDirectiveResponderModule,
  createDutyReportModule,
  createLevelRecordModules,
  createRectificationModule,
  createRecordAuditTrailModule,
  createStatisticsModule,
  createSupervisionModule,
  DIRECTIVE_RESPONSES_ENTITIES,
  DIRECTIVES_ISSUED_ENTITIES,
  DUTY_REPORT_ENTITIES,
  levelRecordAuditedTypes,
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
const supervision = createSupervisionModule(level, records.types.UnitType, StreetRef);
const statistics = createStatisticsModule({
  ...level,
  cityType: CityRef,
  loadJurisdictionsUnder: (context, cityCode) => (context.loaders as DistrictLoaders).districtsByCity.load(cityCode),
});
const directiveCascade = createDirectiveCascadeModule({
  level: 'district',
  directiveType: directiveIssuer.DirectiveType,
  issuedDirectiveType: directiveResponder.IssuedDirectiveRef,
  responseType: directiveResponder.ResponseType,
});
const dutyReports = createDutyReportModule(level);
const assessment = createAssessmentModule(level);
const rectification = createRectificationModule('district', supervision.FindingType);
// Cases against the district's own units and its streets' units and cadres, decided by the district.
const accountability = createAccountabilityModule({
  ...level,
  own: { ...records.types, FindingType: supervision.FindingType, ReportType: rectification.ReportType, SheetType: assessment.SheetType },
  lowerUnitType: supervision.LowerUnitRef,
});

const modules = combineModules(
  jurisdictionModule,
  ...records.modules,
  statistics,
  directiveIssuer,
  directiveResponder,
  directiveCascade,
  // A district holds duty-report sessions and assesses its own units and its streets.
  dutyReports,
  assessment,
  // It supervises its streets and its own units, and answers the city's findings about itself.
  supervision,
  rectification,
  accountability,
  // Every record a case may cite carries its audit trail, for the trace (问责依据在线倒查).
  createRecordAuditTrailModule(records.types.AuditEntryType, [
    ...levelRecordAuditedTypes(records.types),
    { type: supervision.FindingType, entityType: 'SupervisionFinding' },
    { type: rectification.ReportType, entityType: 'RectificationReport' },
    { type: assessment.SheetType, entityType: 'AssessmentScoreSheet' },
    ...accountability.auditedTypes,
  ]),
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
