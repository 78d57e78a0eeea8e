import type { Principal } from '../auth/principal';
import { requirePrincipal } from '../authz/guards';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { assertAdminCode, type Level } from '../jurisdiction/admin-code';
import { assertOwnOrDirectlyBelow, assertUnitsExist } from '../jurisdiction/own-or-below';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { finalizeAssessment, lockPlan, publishCommendation, rulesOf } from './assessment-finalize';
import { assertAssessingCommission } from './assessment-interviews';
import { importPlatformData } from './assessment-platform-data';
import { planProblem, scoreEntryProblem } from './assessment-scoring';
import { AssessmentCommendationEntity, AssessmentPlanEntity, AssessmentSheetEntity } from './assessment.entity';
import type { CreateAssessmentPlanInput, EnterAssessmentScoresInput } from './assessment.inputs';
import type { AssessmentLoaders } from './assessment.loaders';
import { namedJurisdiction } from '../jurisdiction/divisions';

/**
 * The steps of an annual assessment (年度主体责任考核): create the plan, enter scores, import the
 * platform's figures, finalize, publish the commendation. Plain functions over the request
 * context; `assessment.module.ts` keeps the per-level types and thin resolvers. The scoring
 * rules themselves are in `assessment-scoring.ts`, ranking in `ranking.ts`.
 */
type Context = SubgraphContext<AssessmentLoaders>;

/** The plan's rules as stored: indicator names trimmed, thresholds copied, checked for consistency. */
export function planRulesOf(input: Pick<CreateAssessmentPlanInput, 'indicators' | 'gradeThresholds' | 'totalWeight'>) {
  const indicators = input.indicators.map((indicator) => ({ ...indicator, code: indicator.code, name: indicator.name.trim() }));
  const rules = { indicators, gradeThresholds: input.gradeThresholds.map((threshold) => ({ ...threshold })), totalWeight: input.totalWeight };
  const problem = planProblem(rules);
  if (problem) throw badUserInput(problem.field, problem.message);
  return rules;
}

/** A commendation's own title, when given, is 1–200 characters. */
export function assertCommendationTitle(title: string | null): void {
  if (title != null && (title.trim().length === 0 || title.length > 200)) throw badUserInput('title', '须为 1–200 个字符 / must be 1–200 characters');
}

/** Scores in the plan's indicator order (an unknown indicator first, as the stored order gives it). */
export function inIndicatorOrder(scores: Record<string, number>, order: string[]): { indicator: string; score: number }[] {
  return Object.entries(scores)
    .map(([indicator, score]) => ({ indicator, score }))
    .sort((a, b) => order.indexOf(a.indicator) - order.indexOf(b.indicator));
}

/** What one entry writes onto a sheet: values left out keep what was entered before. */
export function applyScoreEntry(sheet: AssessmentSheetEntity, input: EnterAssessmentScoresInput, enteredBy: string, now: Date): void {
  sheet.unitName = input.unitName.trim();
  sheet.jurisdictionCode = input.jurisdictionCode;
  if (input.cadreName) sheet.cadreName = input.cadreName.trim();
  const scores = { ...sheet.indicatorScores };
  for (const { indicator, score } of input.indicatorScores) scores[indicator] = score;
  sheet.indicatorScores = scores;
  if (input.democraticScore != null) sheet.democraticScore = input.democraticScore;
  if (input.taskCompletionRate != null) {
    sheet.taskCompletionRate = input.taskCompletionRate;
    sheet.taskCompletionSource = 'ENTERED';
    sheet.taskCompletionSourcedAt = now;
  }
  if (input.deduction != null) {
    sheet.deduction = input.deduction;
    sheet.deductionSource = 'ENTERED';
    sheet.deductionSourcedAt = now;
  }
  if (input.deductionNote != null) sheet.deductionNote = input.deductionNote.trim();
  sheet.enteredBy = enteredBy;
}

async function planOf(context: Context, id: string, field: string): Promise<AssessmentPlanEntity> {
  const plan = await context.loaders.assessmentPlanById.load(assertUuid(id, field));
  if (!plan) throw notFound('assessment plan', id);
  return plan;
}

/** The plan and the caller, once the caller is shown to be commission staff of the assessing level. */
async function planForCommission(context: Context, id: string, field: string): Promise<{ principal: Principal; plan: AssessmentPlanEntity }> {
  const principal = requirePrincipal(context);
  const plan = await planOf(context, id, field);
  assertAssessingCommission(principal, plan.assessorCode);
  return { principal, plan };
}

/** 制定考核方案: one plan per assessing jurisdiction and year. */
export async function createAssessmentPlan(context: Context, level: Level, input: CreateAssessmentPlanInput): Promise<AssessmentPlanEntity> {
  const principal = requirePrincipal(context);
  assertAdminCode(level, input.assessorCode, 'input.assessorCode');
  assertAssessingCommission(principal, input.assessorCode);
  const rules = planRulesOf(input);
  return runInTransaction(context, principal, async ({ em, audit }) => {
    if (await em.count(AssessmentPlanEntity, { assessorCode: input.assessorCode, year: input.year })) {
      throw badUserInput('input.year', `${namedJurisdiction(input.assessorCode)} 已有 ${input.year} 年度考核方案 / ${namedJurisdiction(input.assessorCode)} already has a plan for ${input.year}`);
    }
    const plan = em.create(AssessmentPlanEntity, {
      assessorCode: input.assessorCode,
      year: input.year,
      title: input.title.trim(),
      indicators: rules.indicators,
      gradeThresholds: rules.gradeThresholds,
      totalWeight: input.totalWeight,
      interviewBottomCount: input.interviewBottomCount,
      overdueFindingPoints: input.overdueFindingPoints,
      reopenedFindingPoints: input.reopenedFindingPoints,
      createdBy: principal.subject,
    });
    await audit({ action: 'create', entityType: 'AssessmentPlan', entityId: plan.id, ownerCode: plan.assessorCode, after: plan });
    return plan;
  });
}

/** 定档: totals, ranks and grades of every sheet; the plan closes. */
export async function finalizeAssessmentPlan(context: Context, planId: string): Promise<AssessmentPlanEntity> {
  const { principal, plan } = await planForCommission(context, planId, 'planId');
  return runInTransaction(context, principal, (scope) => finalizeAssessment(scope, plan.id, principal));
}

/** 考核数据接入: the platform's task and finding figures onto every sheet of a draft plan. */
export async function importAssessmentPlatformData(context: Context, planId: string): Promise<AssessmentPlanEntity> {
  const { principal, plan } = await planForCommission(context, planId, 'planId');
  return runInTransaction(context, principal, (scope) => importPlatformData(context, scope, plan.id, principal));
}

/** 通报表扬: the commendation of a finalized plan's EXCELLENT units. */
export async function publishAssessmentCommendation(context: Context, planId: string, title: string | null): Promise<AssessmentCommendationEntity> {
  const { principal, plan } = await planForCommission(context, planId, 'planId');
  assertCommendationTitle(title);
  return runInTransaction(context, principal, (scope) => publishCommendation(scope, plan.id, title ?? undefined, principal));
}

/** 录入评分: one unit's (or team member's) scores into a draft plan. */
export async function enterAssessmentScores(context: Context, input: EnterAssessmentScoresInput): Promise<AssessmentSheetEntity> {
  const { principal, plan: found } = await planForCommission(context, input.planId, 'input.planId');
  assertOwnOrDirectlyBelow(found.assessorCode, input.jurisdictionCode, 'input.jurisdictionCode');
  if (input.cadreId && !input.cadreName?.trim()) throw badUserInput('input.cadreName', '请填写被考核的班子成员姓名 / name the team member assessed');
  const problem = scoreEntryProblem(rulesOf(found), input);
  if (problem) throw badUserInput(problem.field, problem.message);
  // Before the transaction: a unit of the level below is asked of its own subgraph.
  await assertUnitsExist(context, found.assessorCode, [input], () => 'input');
  return runInTransaction(context, principal, async (scope) => {
    const { em, audit } = scope;
    const plan = await lockPlan(scope, found.id);
    if (plan.status === 'FINALIZED') throw badUserInput('input.planId', `${plan.year} 年度考核已定稿，不再接收评分 / the ${plan.year} assessment is finalized; it takes no more scores`);
    const cadreId = input.cadreId ?? null;
    let sheet = await em.findOne(AssessmentSheetEntity, { planId: plan.id, unitId: input.unitId, cadreId });
    const before = sheet ? { ...sheet, indicatorScores: { ...sheet.indicatorScores } } : null;
    sheet ??= em.create(AssessmentSheetEntity, {
      planId: plan.id,
      assessorCode: plan.assessorCode,
      year: plan.year,
      jurisdictionCode: input.jurisdictionCode,
      unitId: input.unitId,
      unitName: input.unitName.trim(),
      cadreId,
      enteredBy: principal.subject,
    });
    applyScoreEntry(sheet, input, principal.subject, new Date());
    await audit({ action: before ? 'update' : 'create', entityType: 'AssessmentScoreSheet', entityId: sheet.id, ownerCode: plan.assessorCode, before, after: sheet });
    return sheet;
  });
}
