import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '../db/loaders';
import { LoaderFamily } from '../pagination/paged-loader';
import {
  AssessmentCommendationEntity,
  AssessmentCommitmentEntity,
  AssessmentFollowUpEntity,
  AssessmentInterviewEntity,
  AssessmentPlanEntity,
  AssessmentSheetEntity,
  type FollowUpStatusCode,
} from './assessment.entity';

/** Ranked order: best first; equal ranks by name so a tie reads the same every time. */
const RANKED = { orderBy: [{ rank: 'asc' as const }, { unitName: 'asc' as const }, { id: 'asc' as const }] };

export function createAssessmentLoaders(em: EntityManager) {
  const family = new LoaderFamily();
  return {
    assessmentPlanById: loaderOfOne(
      (ids: readonly string[]) => em.find(AssessmentPlanEntity, { id: { $in: [...ids] } }),
      (plan) => plan.id,
    ),
    /** One year's plan of many assessors (`city { districts { assessmentPlan(year) } }`): one statement. */
    assessmentPlanByAssessor: (year: number) =>
      family.get(`plan:${year}`, () =>
        loaderOfOne(
          (codes: readonly string[]) => em.find(AssessmentPlanEntity, { assessorCode: { $in: [...codes] }, year }),
          (plan) => plan.assessorCode,
        ),
      ),
    /** Finalized sheets of one year, ranked, for many assessors in one statement. */
    assessmentRankingByAssessor: (year: number) =>
      family.get(`ranking:${year}`, () =>
        loaderOfMany(
          (codes: readonly string[]) =>
            em.find(AssessmentSheetEntity, { assessorCode: { $in: [...codes] }, year, rank: { $ne: null } }, RANKED),
          (sheet) => sheet.assessorCode,
        ),
      ),
    assessmentSheetById: loaderOfOne(
      (ids: readonly string[]) => em.find(AssessmentSheetEntity, { id: { $in: [...ids] } }),
      (sheet) => sheet.id,
    ),
    assessmentSheetsByPlan: loaderOfMany(
      (ids: readonly string[]) => em.find(AssessmentSheetEntity, { planId: { $in: [...ids] } }, RANKED),
      (sheet) => sheet.planId,
    ),
    assessmentCommendationByPlan: loaderOfOne(
      (ids: readonly string[]) => em.find(AssessmentCommendationEntity, { planId: { $in: [...ids] } }),
      (commendation) => commendation.planId,
    ),
    assessmentInterviewById: loaderOfOne(
      (ids: readonly string[]) => em.find(AssessmentInterviewEntity, { id: { $in: [...ids] } }),
      (interview) => interview.id,
    ),
    assessmentInterviewBySheet: loaderOfOne(
      (ids: readonly string[]) => em.find(AssessmentInterviewEntity, { sheetId: { $in: [...ids] } }),
      (interview) => interview.sheetId,
    ),
    /** A plan's interviews, optionally only those in one follow-up state (e.g. never followed up). */
    assessmentInterviewsByPlan: (status?: FollowUpStatusCode) =>
      family.get(`interviews:${status ?? ''}`, () =>
        loaderOfMany(
          (ids: readonly string[]) =>
            em.find(
              AssessmentInterviewEntity,
              { planId: { $in: [...ids] }, ...(status ? { followUpStatus: status } : {}) },
              { orderBy: { heldOn: 'asc', id: 'asc' } },
            ),
          (interview) => interview.planId,
        ),
      ),
    assessmentCommitmentsByInterview: loaderOfMany(
      (ids: readonly string[]) => em.find(AssessmentCommitmentEntity, { interviewId: { $in: [...ids] } }, { orderBy: { position: 'asc' } }),
      (commitment) => commitment.interviewId,
    ),
    assessmentFollowUpsByInterview: loaderOfMany(
      (ids: readonly string[]) =>
        em.find(AssessmentFollowUpEntity, { interviewId: { $in: [...ids] } }, { orderBy: { visitedOn: 'asc', id: 'asc' } }),
      (followUp) => followUp.interviewId,
    ),
  };
}

export type AssessmentLoaders = ReturnType<typeof createAssessmentLoaders>;
