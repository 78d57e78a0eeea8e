import { overdueCondition } from '../calendar/overdue-rule';
import { FINDING_OVERDUE } from '../supervision/finding-status';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { today } from '../calendar/calendar-date';
import { badUserInput } from '../errors/graphql-errors';
import { levelOfCode, type Level } from '../jurisdiction/admin-code';
import type { MutationScope } from '../mutation/run-in-transaction';
import { askPeer, TASK_COUNTS_BELOW } from '../cross-level/peer-operations';
import type { SubgraphContext } from '../server/context';
import { taskCountsByUnit } from '../statistics/statistics.sql';
import { completionRate, type TaskCounts } from '../statistics/task-counts';
import { lockPlan } from './assessment-finalize';
import { round2 } from './assessment-scoring';
import { AssessmentSheetEntity, type AssessmentPlanEntity } from './assessment.entity';

/*
 * 考核数据接入 The annual assessment fed from the platform's own records instead of typed-in figures:
 *
 * - 任务完成率: completed / (total − cancelled) of the assessed unit's tasks, as a percentage with 2
 *   decimals — the definition of `TaskStats.completionRate`. A unit of the level below is measured
 *   by its jurisdiction's own tasks (`District.taskStats`, asked of that level's subgraph, which
 *   owns them). A unit of the assessing level itself is measured by the tasks on its own lists:
 *   the level's units share one jurisdiction, whose figure would give every department the same
 *   rate. No task that counts gives 0, as in the statistics.
 * - 扣分: the plan's points per finding the assessing level raised against the unit in a check of
 *   the plan's year whose rectification is overdue today (OPEN, SENT_BACK or REOPENED past its
 *   deadline, as `SupervisionFinding.overdue`), plus its points per finding a follow-up check
 *   re-opened (查而不改, `checkedButNotFixed`). A finding both re-opened and overdue again counts
 *   both ways: it was not fixed and is late once more. Never more than the plan's total weight.
 */

export interface FindingCounts {
  /** Findings whose rectification is overdue. */
  overdue: number;
  /** Findings a follow-up check re-opened at least once (查而不改). */
  reopened: number;
}

const NO_FINDINGS: FindingCounts = Object.freeze({ overdue: 0, reopened: 0 });

/** 扣分 The deduction and its explanation for one unit's findings of the year (pure). */
export function findingDeduction(
  plan: Pick<AssessmentPlanEntity, 'year' | 'overdueFindingPoints' | 'reopenedFindingPoints' | 'totalWeight'>,
  counts: FindingCounts,
): { deduction: number; note: string } {
  const points = round2(counts.overdue * plan.overdueFindingPoints + counts.reopened * plan.reopenedFindingPoints);
  const deduction = Math.min(points, plan.totalWeight);
  if (counts.overdue === 0 && counts.reopened === 0) return { deduction: 0, note: `${plan.year}年度监督检查发现问题无逾期未整改、无查而不改` };
  const parts = [
    `逾期未整改 ${counts.overdue} 项 × ${plan.overdueFindingPoints} 分`,
    `查而不改 ${counts.reopened} 项 × ${plan.reopenedFindingPoints} 分`,
  ];
  const capped = deduction < points ? `(以总分 ${plan.totalWeight} 为限)` : '';
  return { deduction, note: `${plan.year}年度监督检查发现问题: ${parts.join(' + ')} = ${deduction} 分${capped}` };
}

/** 完成率 The sheet's percentage for some task counts. */
export function completionPercent(counts: TaskCounts): number {
  return round2(completionRate(counts) * 100);
}

/**
 * Overdue and re-opened findings per unit, in ONE statement: findings the assessing level raised
 * against the given units in checks of the year.
 */
export async function findingCountsByUnit(
  em: EntityManager,
  assessorCode: string,
  year: number,
  unitIds: readonly string[],
  on: string,
): Promise<Map<string, FindingCounts>> {
  const knex = em.getKnex();
  const rows: ({ unitId: string } & FindingCounts)[] = await em.getConnection().execute(
    knex.raw(
      `select "f"."unit_id"::text as "unitId",
         count(*) filter (where :overdue)::int as "overdue",
         count(*) filter (where "f"."reopen_count" > 0)::int as "reopened"
       from "supervision_finding" as "f"
       join "supervision_check" as "c" on "c"."id" = "f"."check_id"
       where "f"."jurisdiction_code" = :assessorCode and "f"."unit_id" = any(:unitIds::uuid[])
         and "c"."checked_on" >= make_date(:year, 1, 1) and "c"."checked_on" < make_date(:year + 1, 1, 1)
       group by "f"."unit_id"`,
      {
        overdue: overdueCondition(knex, FINDING_OVERDUE, on, 'f'),
        assessorCode,
        year,
        unitIds: knex.raw(`array[${unitIds.map(() => '?').join(', ')}]::text[]`, [...unitIds]),
      },
    ),
  );
  return new Map(rows.map(({ unitId, ...counts }) => [unitId, counts]));
}

/**
 * The task counts of jurisdictions of the level below, from the subgraph that owns their tasks:
 * ONE request (one aliased field per jurisdiction; that subgraph batches them into one
 * statement), on the caller's own token, so that subgraph applies its own read rule.
 */
export async function taskCountsBelow(context: SubgraphContext<unknown>, below: Level, codes: readonly string[]): Promise<Map<string, TaskCounts>> {
  if (codes.length === 0) return new Map();
  const variables = Object.fromEntries(codes.map((code, index) => [`c${index}`, code]));
  const data = await askPeer(context, TASK_COUNTS_BELOW, below, { count: codes.length }, variables);
  return new Map(
    codes.map((code, index) => {
      const jurisdiction = data[`j${index}`];
      // The codes were checked against the division list when the sheets were entered.
      if (!jurisdiction) throw new Error(`the ${below} subgraph knows no jurisdiction ${code}`);
      return [code, jurisdiction.taskStats];
    }),
  );
}

/**
 * Fills every sheet of a draft plan from the platform's records, in the caller's transaction,
 * with the plan locked (as score entry and finalization do), and audits each sheet.
 * The rate is fed only when the plan scores task completion; the deduction always.
 */
export async function importPlatformData(
  context: SubgraphContext<unknown>,
  scope: MutationScope,
  planId: string,
  principal: Principal,
): Promise<AssessmentPlanEntity> {
  const { em, audit } = scope;
  const plan = await lockPlan(scope, planId);
  if (plan.status === 'FINALIZED') {
    throw badUserInput('planId', `${plan.year} 年度考核已定稿，考核表不再更改 / the ${plan.year} assessment is finalized; its sheets no longer change`);
  }
  const sheets = await em.find(AssessmentSheetEntity, { planId }, { orderBy: { unitName: 'asc', id: 'asc' } });
  if (sheets.length === 0) throw badUserInput('planId', '该考核方案尚无考核表：请先录入被考核单位 / the plan has no score sheets yet: enter the units assessed first');

  const unitIds = [...new Set(sheets.map((sheet) => sheet.unitId))];
  const ownUnitIds = [...new Set(sheets.filter((sheet) => sheet.jurisdictionCode === plan.assessorCode).map((sheet) => sheet.unitId))];
  const lowerCodes = [...new Set(sheets.filter((sheet) => sheet.jurisdictionCode !== plan.assessorCode).map((sheet) => sheet.jurisdictionCode))].sort();
  const scoresTasks = plan.indicators.some((indicator) => indicator.source === 'TASK_COMPLETION');

  const on = today();
  const [ownTasks, lowerTasks, findings] = await Promise.all([
    scoresTasks && ownUnitIds.length > 0 ? taskCountsByUnit(em, ownUnitIds, on) : new Map<string, TaskCounts>(),
    scoresTasks && lowerCodes.length > 0 ? taskCountsBelow(context, levelOfCode(lowerCodes[0])!, lowerCodes) : new Map<string, TaskCounts>(),
    findingCountsByUnit(em, plan.assessorCode, plan.year, unitIds, on),
  ]);

  const now = new Date();
  for (const sheet of sheets) {
    const before = { ...sheet, indicatorScores: { ...sheet.indicatorScores } };
    if (scoresTasks) {
      const own = sheet.jurisdictionCode === plan.assessorCode;
      const counts = own ? ownTasks.get(sheet.unitId) : lowerTasks.get(sheet.jurisdictionCode);
      sheet.taskCompletionRate = counts ? completionPercent(counts) : 0;
      sheet.taskCompletionSource = 'TASK_STATISTICS';
      sheet.taskCompletionSourcedAt = now;
    }
    const { deduction, note } = findingDeduction(plan, findings.get(sheet.unitId) ?? NO_FINDINGS);
    sheet.deduction = deduction;
    sheet.deductionNote = note;
    sheet.deductionSource = 'FINDINGS';
    sheet.deductionSourcedAt = now;
    sheet.enteredBy = principal.subject;
    await audit({ action: 'import', entityType: 'AssessmentScoreSheet', entityId: sheet.id, ownerCode: plan.assessorCode, before, after: sheet });
  }
  return plan;
}
