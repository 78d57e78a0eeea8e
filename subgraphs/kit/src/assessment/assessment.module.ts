import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertCanRead, requirePrincipal } from '../authz/guards';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { assertAdminCode } from '../jurisdiction/admin-code';
import { assertOwnOrDirectlyBelow, assertUnitsExist } from '../jurisdiction/own-or-below';
import { levelFieldName, levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { finalizeAssessment, lockPlan, publishCommendation, rulesOf } from './assessment-finalize';
import { assertAssessingCommission, createInterviewResolver } from './assessment-interviews';
import { importPlatformData } from './assessment-platform-data';
import { planProblem, scoreEntryProblem } from './assessment-scoring';
import {
  ASSESSMENT_ENTITIES,
  AssessmentCommendationEntity,
  AssessmentInterviewEntity,
  AssessmentPlanEntity,
  AssessmentSheetEntity,
} from './assessment.entity';
import { CreateAssessmentPlanInput, EnterAssessmentScoresInput } from './assessment.inputs';
import { createAssessmentLoaders, type AssessmentLoaders } from './assessment.loaders';
import {
  AssessmentCommendationType,
  AssessmentIndicatorScoreType,
  AssessmentInterviewInterface,
  AssessmentPlanInterface,
  AssessmentScoreSheetInterface,
  FollowUpStatus,
} from './assessment.types';

type Context = SubgraphContext<JurisdictionLoaders & AssessmentLoaders>;

/**
 * 年度主体责任考核 The annual assessment a level (city or district) runs over the jurisdictions
 * directly below it and its own units. The assessing level owns everything here: plan, score
 * sheets, ranking, commendation, interviews and follow-ups; only its commission staff write.
 */
export function createAssessmentModule(options: LevelOptions) {
  const { level } = options;

  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(level, 'AssessmentPlan'), { implements: AssessmentPlanInterface, description: `考核方案 An assessment plan of a ${level}.` })
  class PlanType extends AssessmentPlanInterface {}

  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(level, 'AssessmentScoreSheet'), {
    implements: AssessmentScoreSheetInterface,
    description: `考核评分表 A score sheet of a ${level}'s assessment.`,
  })
  class SheetType extends AssessmentScoreSheetInterface {}

  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(level, 'AssessmentInterview'), {
    implements: AssessmentInterviewInterface,
    description: `约谈 An interview held by a ${level}'s commission after its assessment.`,
  })
  class InterviewType extends AssessmentInterviewInterface {}

  async function planOf(context: Context, id: string, field: string): Promise<AssessmentPlanEntity> {
    const plan = await context.loaders.assessmentPlanById.load(assertUuid(id, field));
    if (!plan) throw notFound('assessment plan', id);
    return plan;
  }

  @Resolver(() => PlanType)
  class PlanResolver {
    @Query(() => PlanType, { name: levelFieldName(level, 'AssessmentPlan'), nullable: true, description: '考核方案 One plan by id.' })
    async plan(@Arg('id', () => ID) id: string, @Ctx() context: Context): Promise<AssessmentPlanEntity | null> {
      const principal = requirePrincipal(context);
      const plan = await context.loaders.assessmentPlanById.load(assertUuid(id, 'id'));
      if (plan) assertCanRead(principal, plan.assessorCode);
      return plan;
    }

    @FieldResolver(() => [SheetType], { description: '评分表 Score sheets; once finalized, by rank.' })
    sheets(@Root() plan: AssessmentPlanEntity, @Ctx() context: Context): Promise<AssessmentSheetEntity[]> {
      return context.loaders.assessmentSheetsByPlan.load(plan.id);
    }

    @FieldResolver(() => AssessmentCommendationType, { nullable: true, description: '通报表扬 The commendation notice, once published.' })
    commendation(@Root() plan: AssessmentPlanEntity, @Ctx() context: Context): Promise<AssessmentCommendationEntity | null> {
      return context.loaders.assessmentCommendationByPlan.load(plan.id);
    }

    @FieldResolver(() => [InterviewType], { description: '约谈 Interviews after this assessment; `followUpStatus: AWAITING_FOLLOW_UP` finds those nobody went back to.' })
    interviews(
      @Root() plan: AssessmentPlanEntity,
      @Arg('followUpStatus', () => FollowUpStatus, { nullable: true }) followUpStatus: FollowUpStatus | null,
      @Ctx() context: Context,
    ): Promise<AssessmentInterviewEntity[]> {
      return context.loaders.assessmentInterviewsByPlan(followUpStatus ?? undefined).load(plan.id);
    }

    @FieldResolver(() => options.jurisdictionType, { name: options.jurisdictionField, nullable: true, description: '考核层级 The assessing level.' })
    jurisdiction(@Root() plan: AssessmentPlanEntity, @Ctx() context: Context): Promise<JurisdictionRecord | null> {
      return context.loaders.jurisdictionByCode.load(plan.assessorCode);
    }

    @Mutation(() => PlanType, {
      name: levelFieldName(level, 'AssessmentPlan', 'create'),
      description: '制定考核方案 Create the year\'s plan: indicators with weights and ranges, grade thresholds (commission staff of the level).',
    })
    async create(@Arg('input', () => CreateAssessmentPlanInput) input: CreateAssessmentPlanInput, @Ctx() context: Context): Promise<AssessmentPlanEntity> {
      const principal = requirePrincipal(context);
      assertAdminCode(level, input.assessorCode, 'input.assessorCode');
      assertAssessingCommission(principal, input.assessorCode);
      const indicators = input.indicators.map((indicator) => ({ ...indicator, code: indicator.code, name: indicator.name.trim() }));
      const rules = { indicators, gradeThresholds: input.gradeThresholds.map((threshold) => ({ ...threshold })), totalWeight: input.totalWeight };
      const problem = planProblem(rules);
      if (problem) throw badUserInput(problem.field, problem.message);
      return runInTransaction(context, principal, async ({ em, audit }) => {
        if (await em.count(AssessmentPlanEntity, { assessorCode: input.assessorCode, year: input.year })) {
          throw badUserInput('input.year', `${input.assessorCode} already has a plan for ${input.year}`);
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

    @Mutation(() => PlanType, {
      name: levelFieldName(level, 'AssessmentPlan', 'finalize'),
      description: '定档 Compute totals, ranks and grades of every sheet and close the plan (commission staff of the level).',
    })
    async finalize(@Arg('planId', () => ID) planId: string, @Ctx() context: Context): Promise<AssessmentPlanEntity> {
      const principal = requirePrincipal(context);
      const plan = await planOf(context, planId, 'planId');
      assertAssessingCommission(principal, plan.assessorCode);
      return runInTransaction(context, principal, (scope) => finalizeAssessment(scope, plan.id, principal));
    }

    @Mutation(() => PlanType, {
      name: levelFieldName(level, 'AssessmentPlatformData', 'import'),
      description:
        '考核数据接入 Fill every score sheet of a draft plan from the platform (commission staff of the level): the task completion rate ' +
        '(source TASK_STATISTICS; completed / (total − cancelled) of the unit\'s jurisdiction\'s own tasks for a unit of the level below, ' +
        'of the tasks on the unit\'s own lists for a unit of this level; only when the plan scores task completion) and the deduction ' +
        '(source FINDINGS; the plan\'s points per finding of the year raised by this level against the unit that is overdue or was ' +
        're-opened 查而不改). A finalized plan refuses it.',
    })
    async importPlatformData(@Arg('planId', () => ID) planId: string, @Ctx() context: Context): Promise<AssessmentPlanEntity> {
      const principal = requirePrincipal(context);
      const plan = await planOf(context, planId, 'planId');
      assertAssessingCommission(principal, plan.assessorCode);
      return runInTransaction(context, principal, (scope) => importPlatformData(context, scope, plan.id, principal));
    }

    @Mutation(() => AssessmentCommendationType, {
      name: levelFieldName(level, 'AssessmentCommendation', 'publish'),
      description: '通报表扬 Publish the commendation of the finalized plan\'s EXCELLENT units (commission staff of the level).',
    })
    async publish(
      @Arg('planId', () => ID) planId: string,
      @Arg('title', () => String, { nullable: true }) title: string | null,
      @Ctx() context: Context,
    ): Promise<AssessmentCommendationEntity> {
      const principal = requirePrincipal(context);
      const plan = await planOf(context, planId, 'planId');
      assertAssessingCommission(principal, plan.assessorCode);
      if (title != null && (title.trim().length === 0 || title.length > 200)) throw badUserInput('title', 'must be 1–200 characters');
      return runInTransaction(context, principal, (scope) => publishCommendation(scope, plan.id, title ?? undefined, principal));
    }
  }

  @Resolver(() => SheetType)
  class SheetResolver {
    @FieldResolver(() => [AssessmentIndicatorScoreType], { description: '指标得分 Scores assessors entered, in the plan\'s indicator order.' })
    async indicatorScores(@Root() sheet: AssessmentSheetEntity, @Ctx() context: Context): Promise<AssessmentIndicatorScoreType[]> {
      const plan = await context.loaders.assessmentPlanById.load(sheet.planId);
      const order = plan?.indicators.map((indicator) => indicator.code) ?? [];
      return Object.entries(sheet.indicatorScores)
        .map(([indicator, score]) => ({ indicator, score }))
        .sort((a, b) => order.indexOf(a.indicator) - order.indexOf(b.indicator));
    }

    @FieldResolver(() => InterviewType, { nullable: true, description: '约谈 The interview of this unit\'s head, if held.' })
    interview(@Root() sheet: AssessmentSheetEntity, @Ctx() context: Context): Promise<AssessmentInterviewEntity | null> {
      return context.loaders.assessmentInterviewBySheet.load(sheet.id);
    }

    @Mutation(() => SheetType, {
      name: levelFieldName(level, 'AssessmentScores', 'enter'),
      description: '录入评分 Enter one unit\'s scores into a draft plan; values left out keep what was entered before (commission staff of the level).',
    })
    async enter(@Arg('input', () => EnterAssessmentScoresInput) input: EnterAssessmentScoresInput, @Ctx() context: Context): Promise<AssessmentSheetEntity> {
      const principal = requirePrincipal(context);
      const found = await planOf(context, input.planId, 'input.planId');
      assertAssessingCommission(principal, found.assessorCode);
      assertOwnOrDirectlyBelow(found.assessorCode, input.jurisdictionCode, 'input.jurisdictionCode');
      if (input.cadreId && !input.cadreName?.trim()) throw badUserInput('input.cadreName', 'name the team member assessed');
      const problem = scoreEntryProblem(rulesOf(found), input);
      if (problem) throw badUserInput(problem.field, problem.message);
      await assertUnitsExist(context, found.assessorCode, [input], () => 'input');
      return runInTransaction(context, principal, async (scope) => {
        const { em, audit } = scope;
        const plan = await lockPlan(scope, found.id);
        if (plan.status === 'FINALIZED') throw badUserInput('input.planId', `the ${plan.year} assessment is finalized; it takes no more scores`);
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
          sheet.taskCompletionSourcedAt = new Date();
        }
        if (input.deduction != null) {
          sheet.deduction = input.deduction;
          sheet.deductionSource = 'ENTERED';
          sheet.deductionSourcedAt = new Date();
        }
        if (input.deductionNote != null) sheet.deductionNote = input.deductionNote.trim();
        sheet.enteredBy = principal.subject;
        await audit({ action: before ? 'update' : 'create', entityType: 'AssessmentScoreSheet', entityId: sheet.id, ownerCode: plan.assessorCode, before, after: sheet });
        return sheet;
      });
    }
  }

  @Resolver(() => options.jurisdictionType)
  class JurisdictionAssessmentResolver {
    @FieldResolver(() => PlanType, { nullable: true, description: '考核方案 This level\'s assessment plan for a year. Needs a token that may read it.' })
    assessmentPlan(@Root() jurisdiction: JurisdictionRecord, @Arg('year', () => Int) year: number, @Ctx() context: Context): Promise<AssessmentPlanEntity | null> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return context.loaders.assessmentPlanByAssessor(year).load(jurisdiction.code);
    }

    @FieldResolver(() => [SheetType], {
      description: '考核排名 The year\'s finalized ranking of the units this level assessed, best first (ties share a rank: 1, 1, 3); empty until finalized.',
    })
    assessmentRanking(@Root() jurisdiction: JurisdictionRecord, @Arg('year', () => Int) year: number, @Ctx() context: Context): Promise<AssessmentSheetEntity[]> {
      assertCanRead(requirePrincipal(context), jurisdiction.code);
      return context.loaders.assessmentRankingByAssessor(year).load(jurisdiction.code);
    }
  }

  const byId = (load: (context: Context) => { load(id: string): Promise<unknown> }) => ({
    __resolveReference: (reference: { id: string }, context: Context) => load(context).load(reference.id),
  });

  const module: SubgraphModule<AssessmentLoaders> = {
    entities: ASSESSMENT_ENTITIES,
    resolvers: [PlanResolver, SheetResolver, createInterviewResolver(level, InterviewType, SheetType), JurisdictionAssessmentResolver],
    referenceResolvers: {
      [levelTypeName(level, 'AssessmentPlan')]: byId((context) => context.loaders.assessmentPlanById),
      [levelTypeName(level, 'AssessmentScoreSheet')]: byId((context) => context.loaders.assessmentSheetById),
      [levelTypeName(level, 'AssessmentInterview')]: byId((context) => context.loaders.assessmentInterviewById),
    },
    createLoaders: createAssessmentLoaders,
  };
  return { ...module, PlanType, SheetType, InterviewType };
}
