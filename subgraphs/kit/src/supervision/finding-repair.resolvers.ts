import { LEVEL_NAME_ZH } from '../level/level-names';
import { supervisionOperations } from './supervision.operations';
import { Arg, Ctx, Directive, ID, Mutation, Resolver } from 'type-graphql';
import type { Principal } from '../auth/principal';
import { assertCanWrite, requirePrincipal } from '../authz/guards';
import { askPeer, RECTIFICATION_REPORT } from '../cross-level/peer-operations';
import { databaseScopeOf, setRequestScope } from '../db/rls/request-scope';
import { forbidden, notFound } from '../errors/graphql-errors';
import { levelOfCode, type Level } from '../jurisdiction/admin-code';
import { levelBelow } from '../level/level-relations';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { ClassType } from '../pagination/connection';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { withdrawFindingReport } from './finding-transitions';
import { RectificationReportEntity, SupervisionFindingEntity } from './supervision.entities';

/**
 * The supervising level's half of the rectification flow's convergence (docs/consistency.md):
 * the reporting level's relay withdraws a REPORTED step whose report was never stored there, and
 * the commission can repair a finding left stuck before the relay existed.
 */
export function createFindingRepairResolver(level: Level, FindingType: ClassType): Function {
  const below = levelBelow(level);

  @Resolver(() => FindingType)
  class FindingRepairResolver {
    /**
     * Sent only by the level below's subgraph (proven by its peer signature), as itself: the
     * report's transaction there failed after this level recorded the report. Idempotent.
     */
    @Directive('@inaccessible')
    @Mutation(() => FindingType, { name: supervisionOperations(level).withdrawSupervisionFindingReport, nullable: true })
    async withdrawReport(@Arg('findingId', () => ID) findingId: string, @Arg('reportId', () => ID) reportId: string, @Ctx() context: SubgraphContext<unknown>) {
      const caller = context.peerCaller;
      if (!caller || (caller !== below && caller !== level)) throw forbidden('只有报送整改报告的一级可撤回 / only the reporting level withdraws rectification reports here');
      assertUuid(findingId, 'findingId');
      assertUuid(reportId, 'reportId');
      const finding = await context.em.findOne(SupervisionFindingEntity, { id: findingId });
      if (!finding) throw notFound('supervision finding', findingId);
      if (levelOfCode(finding.unitJurisdictionCode) !== caller) throw forbidden(`${LEVEL_NAME_ZH[caller]}不报送该问题的整改 / the ${caller} level does not report on this finding`);
      const actor: Principal = { subject: `subgraph:${caller}`, level: caller, code: finding.unitJurisdictionCode, roles: ['admin'] };
      // The call acts for no person: from here on its statements run with the scope of the finding's
      // unit (row-level security), the jurisdiction on whose behalf the reporting level withdraws.
      setRequestScope(databaseScopeOf(actor, caller));
      return runInTransaction(context, actor, (scope) => withdrawFindingReport(scope, actor, findingId, reportId));
    }

    @Mutation(() => FindingType, {
      name: supervisionOperations(level).repairSupervisionFinding,
      description:
        '修复问题状态 Re-derive a finding from the reports that exist: a REPORTED finding whose last report was never stored at the unit\'s level goes back to the status before that report (a WITHDRAWN event); any other finding is left as it is. Commission only.',
    })
    async repair(@Arg('id', () => ID) id: string, @Ctx() context: SubgraphContext<unknown>) {
      const principal = requirePrincipal(context);
      const finding = await context.em.findOne(SupervisionFindingEntity, { id: assertUuid(id, 'id') });
      if (!finding) throw notFound('supervision finding', id);
      assertCanWrite(principal, finding.jurisdictionCode, ['commission']);
      if (finding.status !== 'REPORTED' || !finding.lastReportId) return finding;
      if (await reportExists(context, finding)) return finding;
      const reportId = finding.lastReportId;
      return runInTransaction(context, principal, (scope) => withdrawFindingReport(scope, principal, finding.id, reportId));
    }
  }

  async function reportExists(context: SubgraphContext<unknown>, finding: SupervisionFindingEntity): Promise<boolean> {
    const unitLevel = levelOfCode(finding.unitJurisdictionCode)!;
    if (unitLevel === level) return (await context.em.count(RectificationReportEntity, { id: finding.lastReportId! })) > 0;
    const { report } = await askPeer(context, RECTIFICATION_REPORT, unitLevel, undefined, { id: finding.lastReportId });
    return report !== null && report.findingId === finding.id;
  }

  return FindingRepairResolver;
}
