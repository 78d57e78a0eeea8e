import { assessmentMigration, assessmentPlatformDataMigration } from '../migrations';
import { defineFeature } from '../module/level-feature';
import { ASSESSMENT_ENTITIES } from './assessment.entity';
import { createAssessmentModule } from './assessment.module';

/** 考责 Annual assessments, scored partly from platform data, kept by the assessing levels (city, district). */
export const assessmentFeature = defineFeature({
  name: 'assessment',
  migrations: [assessmentMigration, assessmentPlatformDataMigration],
  entities: ASSESSMENT_ENTITIES,
  needsLoaders: ['jurisdictionByCode'],
  build(build) {
    const module = createAssessmentModule(build.level);
    build.provide({ AssessmentSheetType: module.SheetType, InterviewType: module.InterviewType });
    build.audited.push({ type: module.SheetType, entityType: 'AssessmentScoreSheet' });
    return [module];
  },
});
