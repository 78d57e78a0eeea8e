import { dutyReportsMigration } from '../migrations';
import { defineFeature } from '../module/level-feature';
import { DUTY_REPORT_ENTITIES } from './duty-report.entity';
import { createDutyReportModule } from './duty-report.module';

/** 述责述廉 Duty-and-integrity report sessions, kept by the assessing levels (city, district). */
export const dutyReportFeature = defineFeature({
  name: 'dutyReports',
  migrations: [dutyReportsMigration],
  entities: DUTY_REPORT_ENTITIES,
  needsLoaders: ['jurisdictionByCode'],
  build: (build) => [createDutyReportModule(build.level)],
});
