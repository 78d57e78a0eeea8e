import { accountabilityMigration, basisAsCitedMigration } from '../migrations';
import { defineFeature } from '../module/level-feature';
import { ACCOUNTABILITY_ENTITIES } from './accountability.entity';
import { createAccountabilityModule } from './accountability.module';
import { createRecordAuditTrailModule } from './record-audit-trail.module';

/**
 * 问责 Accountability cases of a deciding level (city, district), citing the level's records,
 * findings, reports and score sheets: listed after the features that provide those types.
 */
export const accountabilityFeature = defineFeature({
  name: 'accountability',
  migrations: [accountabilityMigration, basisAsCitedMigration],
  entities: ACCOUNTABILITY_ENTITIES,
  needsLoaders: [
    'jurisdictionByCode',
    'unitById',
    'cadreById',
    'responsibilityItemById',
    'taskById',
    'dutyRecordById',
    'supervisionFindingById',
    'rectificationReportById',
    'assessmentSheetById',
  ],
  build(build) {
    const by = 'accountability';
    const module = createAccountabilityModule({
      ...build.level,
      own: {
        UnitType: build.need('UnitType', by),
        CadreType: build.need('CadreType', by),
        ResponsibilityItemType: build.need('ResponsibilityItemType', by),
        TaskType: build.need('TaskType', by),
        DutyRecordType: build.need('DutyRecordType', by),
        FindingType: build.need('FindingType', by),
        ReportType: build.need('RectificationReportType', by),
        SheetType: build.need('AssessmentSheetType', by),
      },
      lowerUnitType: build.need('LowerUnitRef', by),
    });
    build.audited.push(...module.auditedTypes);
    return [module];
  },
});

/**
 * 审计轨迹 `auditTrail` on every record a case may cite, for the trace (问责依据在线倒查): listed
 * last, it covers the records of every feature before it.
 */
export const recordAuditTrailFeature = defineFeature({
  name: 'recordAuditTrail',
  migrations: [],
  entities: [],
  build: (build) => [createRecordAuditTrailModule(build.need('AuditEntryType', 'recordAuditTrail'), build.audited)],
});
