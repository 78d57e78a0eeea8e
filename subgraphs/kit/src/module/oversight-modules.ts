import { createAccountabilityModule } from '../accountability/accountability.module';
import { createRecordAuditTrailModule, levelRecordAuditedTypes } from '../accountability/record-audit-trail.module';
import { createAssessmentModule } from '../assessment/assessment.module';
import { createDutyReportModule } from '../duty-report/duty-report.module';
import type { ClassType } from '../pagination/connection';
import { createRectificationModule } from '../supervision/rectification.module';
import { createSupervisionModule } from '../supervision/supervision.module';
import type { createLevelRecordModules } from './level-record-modules';
import type { LevelOptions } from './subgraph-module';

/**
 * What a level that oversees the level below keeps (the city over its districts and departments,
 * a district over its streets and units): supervision checks and findings, rectification reports
 * of its own units, duty-report sessions, annual assessments and accountability cases — plus the
 * audit trail on every record a case may cite, for the trace (问责依据在线倒查).
 * `lowerJurisdictionType` is the subgraph's stub of the level below's jurisdiction type.
 */
export function createOversightModules<J extends { code: string }>(
  level: LevelOptions<J>,
  records: ReturnType<typeof createLevelRecordModules>,
  lowerJurisdictionType: ClassType,
) {
  const supervision = createSupervisionModule(level, records.types.UnitType, lowerJurisdictionType);
  const rectification = createRectificationModule(level.level, supervision.FindingType);
  const dutyReports = createDutyReportModule(level);
  const assessment = createAssessmentModule(level);
  const accountability = createAccountabilityModule({
    ...level,
    own: { ...records.types, FindingType: supervision.FindingType, ReportType: rectification.ReportType, SheetType: assessment.SheetType },
    lowerUnitType: supervision.LowerUnitRef,
  });
  const auditTrails = createRecordAuditTrailModule(records.types.AuditEntryType, [
    ...levelRecordAuditedTypes(records.types),
    { type: supervision.FindingType, entityType: 'SupervisionFinding' },
    { type: rectification.ReportType, entityType: 'RectificationReport' },
    { type: assessment.SheetType, entityType: 'AssessmentScoreSheet' },
    ...accountability.auditedTypes,
  ]);
  return [supervision, rectification, dutyReports, assessment, accountability, auditTrails] as const;
}
