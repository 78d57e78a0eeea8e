import { supervisionOperations } from './supervision.operations';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Directive, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { today } from '../calendar/calendar-date';
import { overdueCondition } from '../calendar/overdue-rule';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, forbidden, notFound } from '../errors/graphql-errors';
import { levelOfCode, type Level } from '../jurisdiction/admin-code';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { ClassType, Connection } from '../pagination/connection';
import { PageArgs } from '../pagination/connection';
import { pagedLoader } from '../pagination/paged-loader';
import { askPeer, RECTIFICATION_REPORT } from '../cross-level/peer-operations';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { assertCanSee } from './check.service';
import { FINDING_OVERDUE } from './finding-status';
import { applyFindingStep, isFindingOverdue, recordFindingReport } from './finding-transitions';
import { SupervisionFindingStatus } from './supervision.enums';
import { RectificationReportEntity, SupervisionFindingEntity, type SupervisionFindingEventEntity } from './supervision.entities';
import type { FindingStats, SupervisionLoaders } from './supervision.loaders';
import { SupervisionFindingStatsType, SupervisionFindingStepType } from './supervision.types';

type Context = SubgraphContext<SupervisionLoaders>;

@ArgsType()
class FindingListArgs extends PageArgs {
  @Field(() => SupervisionFindingStatus, { nullable: true, description: 'Only findings in this status.' })
  @IsOptional()
  @IsEnum(SupervisionFindingStatus)
  status?: SupervisionFindingStatus;

  @Field(() => Boolean, { defaultValue: false, description: '逾期 Only findings whose rectification is overdue.' })
  @IsBoolean()
  overdueOnly: boolean = false;
}

/** The types the finding resolvers answer with, made by `createSupervisionModule`. */
export interface FindingTypes {
  level: Level;
  below: Level;
  FindingType: ClassType;
  CheckType: ClassType;
  FindingConnection: ClassType;
}

/**
 * 问题 Findings of a supervising level: reading one, its steps, accepting or sending back its
 * rectification report, the report recorded by the level below, and the findings (and their
 * counts) per jurisdiction — its own and each of the level below's.
 */
export function createFindingResolvers({ level, below, FindingType, CheckType, FindingConnection }: FindingTypes, jurisdictionTypes: ClassType[]) {
  /** The supervising side must see the report before deciding on it: it lives in the unit's level. */
  async function assertReportExists(context: Context, finding: SupervisionFindingEntity): Promise<string> {
    const reportId = finding.lastReportId!;
    const unitLevel = levelOfCode(finding.unitJurisdictionCode)!;
    let report: { id: string; findingId: string } | null;
    if (unitLevel === level) {
      report = await context.em.findOne(RectificationReportEntity, { id: reportId });
    } else {
      ({ report } = await askPeer(context, RECTIFICATION_REPORT, unitLevel, undefined, { id: reportId }));
    }
    if (!report || report.findingId !== finding.id) {
      throw badUserInput('id', `该问题没有整改报告 ${reportId} / the rectification report ${reportId} of this finding does not exist`);
    }
    return reportId;
  }

  async function decide(context: Context, id: string, event: 'ACCEPTED' | 'SENT_BACK', comment: string | undefined) {
    const principal = requirePrincipal(context);
    const existing = await context.loaders.supervisionFindingById.load(assertUuid(id, 'id'));
    if (!existing) throw notFound('supervision finding', id);
    assertCanWrite(principal, existing.jurisdictionCode, ['commission']);
    if (existing.status !== 'REPORTED') {
      throw badUserInput('id', `问题 ${id} 的状态为 ${existing.status}，只有已报送整改（REPORTED）的问题可以${event === 'ACCEPTED' ? '验收' : '退回'} / finding ${id} is ${existing.status}; only a REPORTED finding can be ${event === 'ACCEPTED' ? 'accepted' : 'sent back'}`);
    }
    const reportId = await assertReportExists(context, existing);
    return runInTransaction(context, principal, async (scope) => {
      const finding = await scope.em.findOneOrFail(SupervisionFindingEntity, { id: existing.id });
      return applyFindingStep(scope, principal, finding, { event, field: 'id', reportId, comment });
    });
  }

  @Resolver(() => FindingType)
  class FindingResolver {
    @Query(() => FindingType, { name: supervisionOperations(level).supervisionFinding, nullable: true, description: '问题 One finding by id.' })
    async finding(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const finding = await context.loaders.supervisionFindingById.load(assertUuid(id, 'id'));
      if (finding) assertCanSee(principal, finding);
      return finding;
    }

    @FieldResolver(() => CheckType)
    check(@Root() finding: SupervisionFindingEntity, @Ctx() context: Context) {
      return context.loaders.supervisionCheckById.load(finding.checkId);
    }

    @FieldResolver(() => Boolean, { description: '逾期 The deadline has passed and it is not rectified (derived, never stored).' })
    overdue(@Root() finding: SupervisionFindingEntity): boolean {
      return isFindingOverdue(finding);
    }

    @FieldResolver(() => Boolean, { description: '查而不改 A follow-up check found it not fixed at least once.' })
    checkedButNotFixed(@Root() finding: SupervisionFindingEntity): boolean {
      return finding.reopenCount > 0;
    }

    @FieldResolver(() => [SupervisionFindingStepType], { description: '整改过程 Reports received, decisions and follow-up outcomes, oldest first.' })
    steps(@Root() finding: SupervisionFindingEntity, @Ctx() context: Context): Promise<SupervisionFindingEventEntity[]> {
      return context.loaders.supervisionFindingSteps.load(finding.id);
    }

    @Mutation(() => FindingType, { name: supervisionOperations(level).acceptSupervisionFinding, description: '销号 Accept the rectification report and close the finding.' })
    accept(@Arg('id', () => ID) id: string, @Arg('comment', () => String, { nullable: true }) comment: string | undefined, @Ctx() context: Context) {
      return decide(context, id, 'ACCEPTED', comment);
    }

    @Mutation(() => FindingType, { name: supervisionOperations(level).sendBackSupervisionFinding, description: '退回 Send the rectification report back; the unit rectifies and reports again.' })
    sendBack(@Arg('id', () => ID) id: string, @Arg('comment', () => String) comment: string, @Ctx() context: Context) {
      if (!comment.trim()) throw badUserInput('comment', '请说明尚缺什么 / say what is still missing');
      return decide(context, id, 'SENT_BACK', comment.trim());
    }

    /**
     * Called only by the subgraph of the level below, inside the transaction that stores the
     * report there, on behalf of the reporting administrator (whose token it forwards). Hidden
     * from the public graph; a call that did not come from a peer subgraph is refused.
     */
    @Directive('@inaccessible')
    @Mutation(() => FindingType, { name: supervisionOperations(level).recordSupervisionFindingReport, nullable: true })
    async recordReport(@Arg('findingId', () => ID) findingId: string, @Arg('reportId', () => ID) reportId: string, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      if (context.peerCaller !== below) throw forbidden('只有下一级可在此登记整改报告 / only the level below records rectification reports here');
      assertUuid(findingId, 'findingId');
      assertUuid(reportId, 'reportId');
      const finding = await runInTransaction(context, principal, (scope) => recordFindingReport(scope, principal, findingId, reportId, 'findingId'));
      if (!finding) throw notFound('supervision finding', findingId);
      return finding;
    }
  }

  function findingsOfJurisdiction(target: ClassType) {
    @Resolver(() => target)
    class JurisdictionFindings {
      @FieldResolver(() => FindingConnection, {
        nullable: true,
        name: `${level}Findings`,
        description: `问题 Findings the ${level} raised against units of this jurisdiction, newest first.`,
      })
      findings(@Root() jurisdiction: { code: string }, @Args(() => FindingListArgs) args: FindingListArgs, @Ctx() context: Context): Promise<Connection<SupervisionFindingEntity>> {
        assertCanRead(requirePrincipal(context), jurisdiction.code);
        const key = `${args.status ?? '*'}:${args.overdueOnly}:${args.first}:${args.after ?? ''}`;
        const loader = context.loaders.supervisionFindingPages.get(key, () =>
          pagedLoader(context.em, {
            entity: SupervisionFindingEntity,
            partitionColumn: 'unit_jurisdiction_code',
            sort: { column: 'created_at', property: 'createdAt', direction: 'desc' },
            where: (query) => {
              if (args.status) query.where('status', args.status);
              if (args.overdueOnly) query.whereRaw('?', [overdueCondition(context.em.getKnex(), FINDING_OVERDUE, today())]);
            },
            first: args.first,
            after: args.after,
          }),
        );
        return loader.load(jurisdiction.code);
      }

      @FieldResolver(() => SupervisionFindingStatsType, {
        nullable: true,
        name: `${level}FindingStats`,
        description: `问题整改统计 Findings the ${level} raised against units of this jurisdiction, by status, with overdue rectification.`,
      })
      stats(@Root() jurisdiction: { code: string }, @Ctx() context: Context): Promise<FindingStats> {
        assertCanRead(requirePrincipal(context), jurisdiction.code);
        return context.loaders.supervisionFindingStats.load(jurisdiction.code);
      }
    }
    return JurisdictionFindings;
  }

  return [FindingResolver, ...jurisdictionTypes.map(findingsOfJurisdiction)];
}
