import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requirePrincipal } from '../authz/guards';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { assertCanSee, createCheck, createFollowUp, type SupervisingLevel } from './check.service';
import type { SupervisionCheckEntity } from './supervision.entities';
import { CreateFollowUpCheckInput, CreateSupervisionCheckInput } from './supervision.inputs';
import type { SupervisionLoaders } from './supervision.loaders';
import { supervisionOperations } from './supervision.operations';

type Context = SubgraphContext<SupervisionLoaders>;

/** 监督检查 One check by id, its findings, and recording a check or a follow-up (回头看). */
export function createCheckResolver(levels: SupervisingLevel, CheckType: ClassType, FindingType: ClassType) {
  const operations = supervisionOperations(levels.level);

  @Resolver(() => CheckType)
  class CheckResolver {
    @Query(() => CheckType, { name: operations.supervisionCheck, nullable: true, description: '监督检查 One check by id.' })
    async check(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const check = await context.loaders.supervisionCheckById.load(assertUuid(id, 'id'));
      if (check) assertCanSee(principal, check);
      return check;
    }

    @FieldResolver(() => [FindingType], { description: '问题 Findings raised by this check.' })
    findings(@Root() check: SupervisionCheckEntity, @Ctx() context: Context) {
      return context.loaders.supervisionFindingsByCheck.load(check.id);
    }

    @Mutation(() => CheckType, {
      name: operations.createSupervisionCheck,
      description: '监督检查 Record a check of a unit, with spot-checked items and the findings it raised.',
    })
    createCheck(@Arg('input', () => CreateSupervisionCheckInput) input: CreateSupervisionCheckInput, @Ctx() context: Context) {
      return createCheck(context, levels, requirePrincipal(context), input);
    }

    @Mutation(() => CheckType, {
      name: operations.createSupervisionFollowUp,
      description: '回头看 A follow-up check of closed findings of one unit: each stayed fixed (CONFIRMED) or is re-opened (REOPENED, 查而不改).',
    })
    createFollowUp(@Arg('input', () => CreateFollowUpCheckInput) input: CreateFollowUpCheckInput, @Ctx() context: Context) {
      return createFollowUp(context, levels, requirePrincipal(context), input);
    }
  }
  return CheckResolver;
}
