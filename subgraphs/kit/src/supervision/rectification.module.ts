import { levelAbove } from '../level/level-relations';
import { operationsAt } from '../level/operation-table';
import { RECTIFICATION_OPERATIONS } from './rectification.operations';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root, createUnionType, type ClassType as TypeGraphqlClass } from 'type-graphql';
import { AttachmentType } from '../attachment/attachment.type';
import { attachmentsByOwnerLoader, storeAttachments } from '../attachment/attachments';
import type { AttachmentEntity } from '../attachment/attachment.entity';
import { canRead, type Principal } from '../auth/principal';
import { assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, forbidden, notFound } from '../errors/graphql-errors';
import { assertAttachmentsFit } from '../attachment/check-attachments';
import { runCompensatedStep } from '../cross-level/compensated-step';
import { CROSS_LEVEL_FLOWS, FINDING_REPORT_FLOW } from '../cross-level/cross-level-flows';
import { loaderOfMany, loaderOfOne } from '../db/loaders';
import { newId } from '../ids';
import { levelOfCode, type Level } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import type { SubgraphModule } from '../module/subgraph-module';
import { priorIdempotentResult } from '../mutation/idempotency';
import { runInTransaction, type MutationScope } from '../mutation/run-in-transaction';
import type { ClassType } from '../pagination/connection';
import { askPeer, RECORD_FINDING_REPORT } from '../cross-level/peer-operations';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { recordFindingReport } from './finding-transitions';
import { SubmitRectificationReportInput } from './supervision.inputs';
import { RectificationReportEntity, SupervisionFindingEntity } from './supervision.entities';
import { RectificationReportInterface } from './supervision.types';
import type { SupervisionLoaders } from './supervision.loaders';
import { namedJurisdiction } from '../jurisdiction/divisions';

function createRectificationLoaders(em: EntityManager) {
  return {
    rectificationReportById: loaderOfOne((ids: readonly string[]) => em.find(RectificationReportEntity, { id: { $in: [...ids] } }), (r) => r.id),
    rectificationReportsByFinding: loaderOfMany(
      (ids: readonly string[]) => em.find(RectificationReportEntity, { findingId: { $in: [...ids] } }, { orderBy: { submittedAt: 'asc', id: 'asc' } }),
      (r) => r.findingId,
    ),
    rectificationAttachments: attachmentsByOwnerLoader(em, 'RECTIFICATION_REPORT'),
  };
}
export type RectificationLoaders = ReturnType<typeof createRectificationLoaders>;
type Context = SubgraphContext<RectificationLoaders>;
/**
 * Where this level also supervises (`localFindingType` given), the supervision feature is built
 * in the same subgraph and its loaders are combined with these.
 */
type SupervisingContext = SubgraphContext<RectificationLoaders & Pick<SupervisionLoaders, 'supervisionFindingById'>>;


/** The supervised unit's side and the supervising side both read a report; nobody else. */
function mayRead(principal: Principal, report: RectificationReportEntity): boolean {
  return canRead(principal, report.jurisdictionCode) || canRead(principal, report.supervisingCode);
}

interface FindingFacts {
  id: string;
  jurisdictionCode: string;
  unitId: string;
  unitJurisdictionCode: string;
}

/**
 * 整改报告 Rectification reports of one level's units: a city department's report lives in the
 * city's database, a district unit's in the district's (whether the city or the district raised
 * the finding), a street unit's in the street's.
 *
 * The report's subgraph must know the finding's supervised unit before it stores anything, and
 * the finding must move to REPORTED in the supervising level's database. When the finding is in
 * this level's own database (its own supervision), both happen in one transaction. When it is in
 * the level above, this subgraph asks that subgraph directly — with the gateway secret and the
 * caller's own token — to record the report (`record…SupervisionFindingReport`, hidden from the
 * public graph). The supervising subgraph is the authority on its finding: it refuses a caller
 * who does not administer the finding's unit (FORBIDDEN) or a finding not waiting for a report
 * (BAD_USER_INPUT), and answers with the unit; only then is the report written, in the transaction
 * that was open around the call. Federation `@requires` cannot serve here: it feeds fields of an
 * entity, never a mutation's arguments, and the check must come before the write.
 *
 * `localFindingType`: this level's own finding type when it also supervises (city, district).
 */
export function createRectificationModule(level: Level, localFindingType?: ClassType) {
  const operations = operationsAt(RECTIFICATION_OPERATIONS, level, 'rectification');
  const above = levelAbove(level);

  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(level, 'RectificationReport'), { implements: RectificationReportInterface })
  class ReportType extends RectificationReportInterface {}

  /** The level above's finding, contributed to with this level's reports. */
  const AboveFindingRef = above ? aboveFindingStub(above) : undefined;

  const members = [AboveFindingRef, localFindingType].filter((type): type is ClassType => type !== undefined);
  const FindingUnion = createUnionType({
    name: 'RectifiedFinding',
    description: '整改的问题 The finding a rectification report answers, owned by the supervising level.',
    types: () => members as unknown as [TypeGraphqlClass, ...TypeGraphqlClass[]],
    // This level's own finding is the entity itself; the level above's is a reference by id.
    resolveType: (value: { __typename?: string }) => (value instanceof SupervisionFindingEntity ? levelTypeName(level, 'SupervisionFinding') : value.__typename),
  });

  @Resolver(() => ReportType)
  class ReportResolver {
    @Query(() => ReportType, { name: operations.rectificationReport, nullable: true, description: '整改报告 One report by id.' })
    async report(@Arg('id', () => ID) id: string, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      const report = await context.loaders.rectificationReportById.load(assertUuid(id, 'id'));
      if (report && !mayRead(principal, report)) throw forbidden(`${namedJurisdiction(principal.code)} 无权查看 ${namedJurisdiction(report.jurisdictionCode)} 的整改报告 / ${namedJurisdiction(principal.code)} may not read reports of ${namedJurisdiction(report.jurisdictionCode)}`);
      return report;
    }

    @FieldResolver(() => FindingUnion, { description: '问题 The finding this report answers.' })
    async finding(@Root() report: RectificationReportEntity, @Ctx() context: SupervisingContext) {
      const supervising = levelOfCode(report.supervisingCode)!;
      // A finding of the level above is resolved there by the gateway from its id. A finding of
      // this level is resolved here in full: the gateway plans no entity fetch for a type this
      // subgraph defines itself, so a bare id would leave its status and other fields empty.
      if (supervising !== level || !localFindingType) return { __typename: levelTypeName(supervising, 'SupervisionFinding'), id: report.findingId };
      const finding = await context.loaders.supervisionFindingById.load(report.findingId);
      if (!finding) throw notFound('supervision finding', report.findingId);
      return finding;
    }

    @FieldResolver(() => [AttachmentType], { description: '佐证材料 Evidence.' })
    attachments(@Root() report: RectificationReportEntity, @Ctx() context: Context): Promise<AttachmentEntity[]> {
      return context.loaders.rectificationAttachments.load(report.id);
    }

    @Mutation(() => ReportType, {
      name: operations.submitRectificationReport,
      description: '整改报告 Report the rectification of a finding against one of the caller\'s units, with evidence.',
    })
    async submit(@Arg('input', () => SubmitRectificationReportInput) input: SubmitRectificationReportInput, @Ctx() context: Context) {
      const principal = requirePrincipal(context);
      // A retry with the same Idempotency-Key must not ask the level above again.
      const prior = await priorIdempotentResult(context, principal);
      if (prior) return prior.result as RectificationReportEntity;
      // Everything this level can check is checked before the level above is asked to act.
      assertUuid(input.findingId, 'input.findingId');
      if (!input.summary.trim()) throw badUserInput('input.summary', '请说明整改了什么 / say what was rectified');
      assertAttachmentsFit(input.attachments);
      const local = localFindingType ? await context.em.findOne(SupervisionFindingEntity, { id: input.findingId }) : null;
      if (!local && !above) throw notFound('supervision finding', input.findingId);
      const reportId = newId();

      const store = async (scope: MutationScope, finding: FindingFacts) => {
        // The supervising side checked this already; the owner of the report is checked here too.
        assertCanWrite(principal, finding.unitJurisdictionCode);
        const report = scope.em.create(RectificationReportEntity, {
          id: reportId,
          findingId: finding.id,
          supervisingCode: finding.jurisdictionCode,
          unitId: finding.unitId,
          jurisdictionCode: finding.unitJurisdictionCode,
          summary: input.summary.trim(),
          submittedBy: principal.subject,
        });
        await storeAttachments(scope.em, { type: 'RECTIFICATION_REPORT', id: report.id, code: report.jurisdictionCode }, input.attachments, { quotaBytes: context.evidenceQuotaBytes });
        await scope.audit({ action: 'create', entityType: 'RectificationReport', entityId: report.id, ownerCode: report.jurisdictionCode, after: report });
        return report;
      };

      if (local) {
        return runInTransaction(context, principal, async (scope) => {
          const finding = await recordFindingReport(scope, principal, local.id, reportId, 'input.findingId');
          if (!finding) throw notFound('supervision finding', input.findingId);
          return store(scope, finding);
        });
      }
      // Two databases: the level above records the report on its finding, then the report is
      // stored here; a failure in between is undone (docs/consistency.md, "rectification report").
      const step = { id: reportId, flow: FINDING_REPORT_FLOW, targetLevel: above!, payload: { findingId: input.findingId } };
      return runCompensatedStep(
        context.em,
        step,
        async () => {
          const finding = await recordAbove(context, above!, input.findingId, reportId);
          if (!finding) throw notFound('supervision finding', input.findingId);
          return finding;
        },
        (finding, forget) =>
          runInTransaction(context, principal, async (scope) => {
            const report = await store(scope, finding);
            await scope.em.flush();
            await forget(scope.em);
            return report;
          }),
        () => CROSS_LEVEL_FLOWS[FINDING_REPORT_FLOW].compensate(context, step),
      );
    }
  }

  function reportsOnFinding(target: ClassType) {
    @Resolver(() => target)
    class FindingReports {
      @FieldResolver(() => [ReportType], {
        nullable: true,
        name: `${level}RectificationReports`,
        description: `整改报告 Rectification reports on this finding, kept by the ${level} level, oldest first.`,
      })
      async reports(@Root() finding: { id: string }, @Ctx() context: Context): Promise<RectificationReportEntity[]> {
        const principal = requirePrincipal(context);
        const reports = await context.loaders.rectificationReportsByFinding.load(finding.id);
        return reports.filter((report) => mayRead(principal, report));
      }
    }
    return FindingReports;
  }

  const resolvers: Function[] = [ReportResolver];
  if (AboveFindingRef) resolvers.push(reportsOnFinding(AboveFindingRef));
  if (localFindingType) resolvers.push(reportsOnFinding(localFindingType));

  const module: SubgraphModule<RectificationLoaders> = {
    entities: [RectificationReportEntity],
    resolvers,
    referenceResolvers: {
      [levelTypeName(level, 'RectificationReport')]: {
        __resolveReference: (reference: { id: string }, context: Context) => context.loaders.rectificationReportById.load(reference.id),
      },
      // The gateway sends only the id; the reports field needs nothing more.
      ...(above ? { [levelTypeName(above, 'SupervisionFinding')]: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) } } : {}),
    },
    createLoaders: createRectificationLoaders,
  };
  return { ...module, ReportType };
}

function aboveFindingStub(above: Level): ClassType {
  @Directive('@key(fields: "id")')
  @ObjectType(levelTypeName(above, 'SupervisionFinding'))
  class AboveFindingRef {
    @Field(() => ID)
    id!: string;
  }
  return AboveFindingRef;
}

/** Asks the level above to record the report on its finding (see the module comment). */
async function recordAbove(context: Context, above: Level, findingId: string, reportId: string): Promise<FindingFacts | null> {
  const data = await askPeer(context, RECORD_FINDING_REPORT, above, undefined, { findingId, reportId }, { findingId: 'input.findingId' });
  return data.finding;
}
