import type { Level } from '../jurisdiction/admin-code';

/**
 * The assessment domain's root fields, literally, per assessing level: `grep
 * finalizeDistrictAssessmentPlan` lands here; `assessment.module.ts` and
 * `assessment-interviews.ts` take each name from this table. A street assesses nobody.
 */
export const ASSESSMENT_OPERATIONS = {
  city: {
    assessmentPlan: 'cityAssessmentPlan',
    createAssessmentPlan: 'createCityAssessmentPlan',
    finalizeAssessmentPlan: 'finalizeCityAssessmentPlan',
    importAssessmentPlatformData: 'importCityAssessmentPlatformData',
    publishAssessmentCommendation: 'publishCityAssessmentCommendation',
    enterAssessmentScores: 'enterCityAssessmentScores',
    recordAssessmentInterview: 'recordCityAssessmentInterview',
    recordAssessmentFollowUp: 'recordCityAssessmentFollowUp',
    correctAssessmentInterview: 'correctCityAssessmentInterview',
  },
  district: {
    assessmentPlan: 'districtAssessmentPlan',
    createAssessmentPlan: 'createDistrictAssessmentPlan',
    finalizeAssessmentPlan: 'finalizeDistrictAssessmentPlan',
    importAssessmentPlatformData: 'importDistrictAssessmentPlatformData',
    publishAssessmentCommendation: 'publishDistrictAssessmentCommendation',
    enterAssessmentScores: 'enterDistrictAssessmentScores',
    recordAssessmentInterview: 'recordDistrictAssessmentInterview',
    recordAssessmentFollowUp: 'recordDistrictAssessmentFollowUp',
    correctAssessmentInterview: 'correctDistrictAssessmentInterview',
  },
} as const satisfies Partial<Record<Level, Record<string, string>>>;

/** The table of an assessing level. */
export function assessmentOperations(level: Level) {
  if (level === 'street') throw new Error(`the ${level} level runs no assessment`);
  return ASSESSMENT_OPERATIONS[level];
}
