import type { JurisdictionLoaders, JurisdictionRecord } from '../jurisdiction/jurisdiction-loaders';
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertCanRead, requirePrincipal } from '../authz/guards';
import { levelTypeName } from '../level/level-names';
import type { LevelOptions, SubgraphModule } from '../module/subgraph-module';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { createInterviewResolver } from './assessment-interviews';
import { assessmentOperations } from './assessment.operations';
import {
  createAssessmentPlan,
  enterAssessmentScores,
  finalizeAssessmentPlan,
  importAssessmentPlatformData,
  inIndicatorOrder,
  publishAssessmentCommendation,
} from './assessment.service';
import {
  ASSESSMENT_ENTITIES,
  type AssessmentCommendationEntity,
  type AssessmentInterviewEntity,
  type AssessmentPlanEntity,
  type AssessmentSheetEntity,
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
  const operations = assessmentOperations(level);

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

  @Resolver(() => PlanType)
  class PlanResolver {
    @Query(() => PlanType, { name: operations.assessmentPlan, nullable: true, description: '考核方案 One plan by id.' })
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
      name: operations.createAssessmentPlan,
      description: '制定考核方案 Create the year\'s plan: indicators with weights and ranges, grade thresholds (commission staff of the level).',
    })
    create(@Arg('input', () => CreateAssessmentPlanInput) input: CreateAssessmentPlanInput, @Ctx() context: Context): Promise<AssessmentPlanEntity> {
      return createAssessmentPlan(context, level, input);
    }

    @Mutation(() => PlanType, {
      name: operations.finalizeAssessmentPlan,
      description: '定档 Compute totals, ranks and grades of every sheet and close the plan (commission staff of the level).',
    })
    finalize(@Arg('planId', () => ID) planId: string, @Ctx() context: Context): Promise<AssessmentPlanEntity> {
      return finalizeAssessmentPlan(context, planId);
    }

    @Mutation(() => PlanType, {
      name: operations.importAssessmentPlatformData,
      description:
        '考核数据接入 Fill every score sheet of a draft plan from the platform (commission staff of the level): the task completion rate ' +
        '(source TASK_STATISTICS; completed / (total − cancelled) of the unit\'s jurisdiction\'s own tasks for a unit of the level below, ' +
        'of the tasks on the unit\'s own lists for a unit of this level; only when the plan scores task completion) and the deduction ' +
        '(source FINDINGS; the plan\'s points per finding of the year raised by this level against the unit that is overdue or was ' +
        're-opened 查而不改). A finalized plan refuses it.',
    })
    importPlatformData(@Arg('planId', () => ID) planId: string, @Ctx() context: Context): Promise<AssessmentPlanEntity> {
      return importAssessmentPlatformData(context, planId);
    }

    @Mutation(() => AssessmentCommendationType, {
      name: operations.publishAssessmentCommendation,
      description: '通报表扬 Publish the commendation of the finalized plan\'s EXCELLENT units (commission staff of the level).',
    })
    publish(
      @Arg('planId', () => ID) planId: string,
      @Arg('title', () => String, { nullable: true }) title: string | null,
      @Ctx() context: Context,
    ): Promise<AssessmentCommendationEntity> {
      return publishAssessmentCommendation(context, planId, title);
    }
  }

  @Resolver(() => SheetType)
  class SheetResolver {
    @FieldResolver(() => [AssessmentIndicatorScoreType], { description: '指标得分 Scores assessors entered, in the plan\'s indicator order.' })
    async indicatorScores(@Root() sheet: AssessmentSheetEntity, @Ctx() context: Context): Promise<AssessmentIndicatorScoreType[]> {
      const plan = await context.loaders.assessmentPlanById.load(sheet.planId);
      return inIndicatorOrder(sheet.indicatorScores, plan?.indicators.map((indicator) => indicator.code) ?? []);
    }

    @FieldResolver(() => InterviewType, { nullable: true, description: '约谈 The interview of this unit\'s head, if held.' })
    interview(@Root() sheet: AssessmentSheetEntity, @Ctx() context: Context): Promise<AssessmentInterviewEntity | null> {
      return context.loaders.assessmentInterviewBySheet.load(sheet.id);
    }

    @Mutation(() => SheetType, {
      name: operations.enterAssessmentScores,
      description: '录入评分 Enter one unit\'s scores into a draft plan; values left out keep what was entered before (commission staff of the level).',
    })
    enter(@Arg('input', () => EnterAssessmentScoresInput) input: EnterAssessmentScoresInput, @Ctx() context: Context): Promise<AssessmentSheetEntity> {
      return enterAssessmentScores(context, input);
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
