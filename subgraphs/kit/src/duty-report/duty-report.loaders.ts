import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '../db/loaders';
import { LoaderFamily, pagedLoader } from '../pagination/paged-loader';
import { DutyReportQuestionEntity, DutyReportReporterEntity, DutyReportSessionEntity } from './duty-report.entity';

export function createDutyReportLoaders(em: EntityManager) {
  const family = new LoaderFamily();
  return {
    dutyReportSessionById: loaderOfOne(
      (ids: readonly string[]) => em.find(DutyReportSessionEntity, { id: { $in: [...ids] } }),
      (session) => session.id,
    ),
    /** Latest session first; one statement for all jurisdictions in a query. */
    dutyReportSessionsByOwner: (first: number, after?: string) =>
      family.get(`sessions:${first}:${after ?? ''}`, () =>
        pagedLoader(em, {
          entity: DutyReportSessionEntity,
          partitionColumn: 'owner_code',
          sort: { column: 'held_on', property: 'heldOn', direction: 'desc' },
          first,
          after,
        }),
      ),
    dutyReportReporterById: loaderOfOne(
      (ids: readonly string[]) => em.find(DutyReportReporterEntity, { id: { $in: [...ids] } }),
      (reporter) => reporter.id,
    ),
    dutyReportReportersBySession: loaderOfMany(
      (ids: readonly string[]) => em.find(DutyReportReporterEntity, { sessionId: { $in: [...ids] } }, { orderBy: { position: 'asc' } }),
      (reporter) => reporter.sessionId,
    ),
    dutyReportQuestionsByReporter: loaderOfMany(
      (ids: readonly string[]) =>
        em.find(DutyReportQuestionEntity, { reporterId: { $in: [...ids] } }, { orderBy: { askedAt: 'asc', id: 'asc' } }),
      (question) => question.reporterId,
    ),
  };
}

export type DutyReportLoaders = ReturnType<typeof createDutyReportLoaders>;
