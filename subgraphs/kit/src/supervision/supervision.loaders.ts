import { overdueCondition } from '../calendar/overdue-rule';
import { today } from '../calendar/calendar-date';
import { FINDING_OVERDUE } from './finding-status';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { loaderOfMany, loaderOfOne } from '../db/loaders';
import { LoaderFamily } from '../pagination/paged-loader';
import {
  SupervisionCheckEntity,
  SupervisionContactEntity,
  SupervisionFindingEntity,
  SupervisionFindingEventEntity,
  SupervisionOfficeEntity,
  SupervisionPlanEntity,
} from './supervision.entities';

export interface FindingStats {
  total: number;
  open: number;
  reported: number;
  sentBack: number;
  accepted: number;
  confirmed: number;
  reopened: number;
  overdue: number;
  checkedButNotFixed: number;
}

const EMPTY_STATS: FindingStats = {
  total: 0, open: 0, reported: 0, sentBack: 0, accepted: 0, confirmed: 0, reopened: 0, overdue: 0, checkedButNotFixed: 0,
};

/**
 * Findings by status and overdue rectification for many jurisdictions (the supervised units'
 * jurisdictions) in ONE statement, counted by PostgreSQL: `city { districts { cityFindingStats } }`
 * costs one query however many districts there are.
 */
function findingStatsLoader(em: EntityManager, on: string) {
  return new DataLoader<string, FindingStats>(async (codes) => {
    const knex = em.getKnex();
    const rows: (FindingStats & { code: string })[] = await em.getConnection().execute(
      knex.raw(
      `select "unit_jurisdiction_code" as "code",
              count(*)::int as "total",
              count(*) filter (where "status" = 'OPEN')::int as "open",
              count(*) filter (where "status" = 'REPORTED')::int as "reported",
              count(*) filter (where "status" = 'SENT_BACK')::int as "sentBack",
              count(*) filter (where "status" = 'ACCEPTED')::int as "accepted",
              count(*) filter (where "status" = 'CONFIRMED')::int as "confirmed",
              count(*) filter (where "status" = 'REOPENED')::int as "reopened",
              count(*) filter (where ?)::int as "overdue",
              count(*) filter (where "reopen_count" > 0)::int as "checkedButNotFixed"
         from "supervision_finding"
        where "unit_jurisdiction_code" in (${codes.map(() => '?').join(', ')})
        group by "unit_jurisdiction_code"`,
      [overdueCondition(knex, FINDING_OVERDUE, on), ...codes],
      ),
    );
    const byCode = new Map(rows.map(({ code, ...stats }) => [code, stats]));
    return codes.map((code) => byCode.get(code) ?? EMPTY_STATS);
  });
}

export function createSupervisionLoaders(em: EntityManager) {
  return {
    supervisionOfficeById: loaderOfOne((ids: readonly string[]) => em.find(SupervisionOfficeEntity, { id: { $in: [...ids] } }), (o) => o.id),
    supervisionOfficesByJurisdiction: loaderOfMany(
      (codes: readonly string[]) => em.find(SupervisionOfficeEntity, { jurisdictionCode: { $in: [...codes] } }, { orderBy: { name: 'asc' } }),
      (o) => o.jurisdictionCode,
    ),
    supervisionContactsByOffice: loaderOfMany(
      (ids: readonly string[]) => em.find(SupervisionContactEntity, { officeId: { $in: [...ids] } }, { orderBy: { unitId: 'asc' } }),
      (c) => c.officeId,
    ),
    supervisionPlanById: loaderOfOne((ids: readonly string[]) => em.find(SupervisionPlanEntity, { id: { $in: [...ids] } }), (p) => p.id),
    supervisionPlansByOffice: loaderOfMany(
      (ids: readonly string[]) =>
        em.find(SupervisionPlanEntity, { officeId: { $in: [...ids] } }, { orderBy: { year: 'asc', quarter: 'asc' } }),
      (p) => p.officeId,
    ),
    supervisionCheckById: loaderOfOne((ids: readonly string[]) => em.find(SupervisionCheckEntity, { id: { $in: [...ids] } }), (c) => c.id),
    supervisionFindingById: loaderOfOne((ids: readonly string[]) => em.find(SupervisionFindingEntity, { id: { $in: [...ids] } }), (f) => f.id),
    supervisionFindingsByCheck: loaderOfMany(
      (ids: readonly string[]) => em.find(SupervisionFindingEntity, { checkId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (f) => f.checkId,
    ),
    supervisionFindingSteps: loaderOfMany(
      (ids: readonly string[]) => em.find(SupervisionFindingEventEntity, { findingId: { $in: [...ids] } }, { orderBy: { at: 'asc', id: 'asc' } }),
      (e) => e.findingId,
    ),
    supervisionFindingStats: findingStatsLoader(em, today()),
    supervisionFindingPages: new LoaderFamily(),
    supervisionCheckPages: new LoaderFamily(),
  };
}

export type SupervisionLoaders = ReturnType<typeof createSupervisionLoaders>;
