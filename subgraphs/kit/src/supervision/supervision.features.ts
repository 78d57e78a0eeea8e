import { CrossLevelStepEntity } from '../cross-level/cross-level-step.entity';
import { crossLevelStepsMigration, findingWithdrawnMigration, rectificationReportsMigration, supervisionChecksMigration, supervisionContactIntervalsMigration, supervisionDrawRecordMigration } from '../migrations';
import { defineFeature } from '../module/level-feature';
import type { ClassType } from '../pagination/connection';
import { createRectificationModule } from './rectification.module';
import { RECTIFICATION_ENTITIES, SUPERVISION_CHECK_ENTITIES } from './supervision.entities';
import { createSupervisionModule } from './supervision.module';

/**
 * 监督检查 Supervision offices, plans, checks and findings of a supervising level (city,
 * district) over the level below and its own units. `lowerJurisdictionType` is the subgraph's
 * stub of the level below's jurisdiction type.
 */
export function supervisionFeature(lowerJurisdictionType: ClassType) {
  return defineFeature({
    name: 'supervision',
    migrations: [supervisionChecksMigration, findingWithdrawnMigration, supervisionDrawRecordMigration, supervisionContactIntervalsMigration],
    entities: SUPERVISION_CHECK_ENTITIES,
    build(build) {
      const module = createSupervisionModule(build.level, build.need('UnitType', 'supervision'), lowerJurisdictionType);
      build.provide({ FindingType: module.FindingType, CheckType: module.CheckType, LowerUnitRef: module.LowerUnitRef });
      build.audited.push({ type: module.FindingType, entityType: 'SupervisionFinding' });
      return [module];
    },
  });
}

/**
 * 整改报告 Rectification reports of this level's units, answering findings — the level's own
 * (city, district: after the supervision feature) or the level above's (district, street).
 */
export const rectificationFeature = defineFeature({
  name: 'rectification',
  migrations: [rectificationReportsMigration, crossLevelStepsMigration],
  // Cross-level steps: a report answering the level above's finding is a write in two databases.
  entities: [...RECTIFICATION_ENTITIES, CrossLevelStepEntity],
  build(build) {
    const module = createRectificationModule(build.level.level, build.find('FindingType'));
    build.provide({ RectificationReportType: module.ReportType });
    build.audited.push({ type: module.ReportType, entityType: 'RectificationReport' });
    return [module];
  },
});
