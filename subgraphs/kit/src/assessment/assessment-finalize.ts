import { LockMode } from '@mikro-orm/core';
import type { Principal } from '../auth/principal';
import { badUserInput } from '../errors/graphql-errors';
import type { MutationScope } from '../mutation/run-in-transaction';
import { gradeFor, missingIndicators, weightedTotal, type PlanRules } from './assessment-scoring';
import { AssessmentCommendationEntity, AssessmentPlanEntity, AssessmentSheetEntity } from './assessment.entity';
import { bottomRanked, competitionRanks } from './ranking';

export function rulesOf(plan: AssessmentPlanEntity): PlanRules {
  return { indicators: plan.indicators, gradeThresholds: plan.gradeThresholds, totalWeight: plan.totalWeight };
}

/**
 * Locks the plan row for the rest of the transaction: score entry, finalization and publication
 * of one plan take turns, so nothing is scored into a plan while it is being ranked.
 */
export function lockPlan({ em }: MutationScope, planId: string): Promise<AssessmentPlanEntity> {
  return em.findOneOrFail(AssessmentPlanEntity, { id: planId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/**
 * 定档 Computes every sheet's total, rank and grade with the pure rules and stores them, with
 * the plan's new status, in the caller's transaction. A sheet lacking a value stops it all.
 */
export async function finalizeAssessment(scope: MutationScope, planId: string, principal: Principal): Promise<AssessmentPlanEntity> {
  const { em, audit } = scope;
  const plan = await lockPlan(scope, planId);
  if (plan.status === 'FINALIZED') {
    throw badUserInput('planId', `${plan.year} 年度考核已于 ${plan.finalizedAt!.toISOString().slice(0, 10)} 定稿，不再更改 / the ${plan.year} assessment was finalized on ${plan.finalizedAt!.toISOString().slice(0, 10)}; it is closed`);
  }
  const sheets = await em.find(AssessmentSheetEntity, { planId }, { orderBy: { unitName: 'asc', id: 'asc' } });
  if (sheets.length === 0) throw badUserInput('planId', '尚无单位评分 / no unit has been scored yet');
  const rules = rulesOf(plan);
  for (const sheet of sheets) {
    const missing = missingIndicators(rules, sheet);
    if (missing.length > 0) throw badUserInput('planId', `${sheet.unitName} 尚缺以下指标得分：${missing.join('、')} / ${sheet.unitName} has no value yet for ${missing.join(', ')}`);
  }
  const totals = sheets.map((sheet) => weightedTotal(rules, sheet));
  const ranks = competitionRanks(totals);
  const bottom = bottomRanked(totals, plan.interviewBottomCount);
  for (const [index, sheet] of sheets.entries()) {
    const before = { ...sheet };
    sheet.total = totals[index];
    sheet.rank = ranks[index];
    sheet.grade = gradeFor(totals[index], plan.gradeThresholds);
    sheet.interviewRequired = bottom[index] || sheet.grade === 'POOR';
    await audit({ action: 'finalize', entityType: 'AssessmentScoreSheet', entityId: sheet.id, ownerCode: plan.assessorCode, before, after: sheet });
  }
  const before = { ...plan };
  plan.status = 'FINALIZED';
  plan.finalizedAt = new Date();
  plan.finalizedBy = principal.subject;
  await audit({ action: 'finalize', entityType: 'AssessmentPlan', entityId: plan.id, ownerCode: plan.assessorCode, before, after: plan });
  return plan;
}

/** 通报表扬 Generates the commendation notice from the finalized plan's EXCELLENT sheets. */
export async function publishCommendation(
  scope: MutationScope,
  planId: string,
  title: string | undefined,
  principal: Principal,
): Promise<AssessmentCommendationEntity> {
  const { em, audit } = scope;
  const plan = await lockPlan(scope, planId);
  if (plan.status !== 'FINALIZED') throw badUserInput('planId', '考核定稿后方可通报表扬 / finalize the assessment before commending anyone');
  if (await em.count(AssessmentCommendationEntity, { planId })) {
    throw badUserInput('planId', `${plan.year} 年度考核的通报表扬已发布 / the commendation of the ${plan.year} assessment is already published`);
  }
  const excellent = await em.find(
    AssessmentSheetEntity,
    { planId, grade: 'EXCELLENT' },
    { orderBy: [{ rank: 'asc' }, { unitName: 'asc' }, { id: 'asc' }] },
  );
  if (excellent.length === 0) throw badUserInput('planId', '没有评为优秀（EXCELLENT）的单位 / no unit is graded EXCELLENT');
  const commendation = em.create(AssessmentCommendationEntity, {
    planId,
    assessorCode: plan.assessorCode,
    year: plan.year,
    title: title?.trim() || `${plan.year}年度落实主体责任考核优秀单位通报表扬`,
    entries: excellent.map((sheet) => ({
      sheetId: sheet.id,
      jurisdictionCode: sheet.jurisdictionCode,
      unitId: sheet.unitId,
      unitName: sheet.unitName,
      cadreName: sheet.cadreName,
      total: sheet.total!,
      rank: sheet.rank!,
    })),
    publishedBy: principal.subject,
  });
  await audit({ action: 'publish', entityType: 'AssessmentCommendation', entityId: commendation.id, ownerCode: plan.assessorCode, after: commendation });
  return commendation;
}
