import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { attachmentsByOwnerLoader } from '../attachment/attachments';
import { containsPattern } from '../db/like-pattern';
import { loaderOfMany, loaderOfOne } from '../db/loaders';
import { readOnlyEntities } from '../db/read-only-rows';
import type { Connection } from '../pagination/connection';
import { LoaderFamily, pagedLoader } from '../pagination/paged-loader';
import { DutyRecordEntity } from './duty-record.entity';
import type { DutyRecordFilter } from './duty-record.inputs';

/**
 * "Latest" is derived, never stored: a version is the latest while no row of the same record
 * has a higher version. Storing a flag would need an update of the old row on every correction,
 * and the old rows are meant to stay exactly as written.
 */
const NO_NEWER_VERSION = (alias: string) =>
  `not exists (select 1 from "duty_record" as "newer" where "newer"."record_id" = "${alias}"."record_id" and "newer"."version" > "${alias}"."version")`;

function applyFilter(query: Knex.QueryBuilder, filter: DutyRecordFilter | undefined): void {
  query.whereRaw(NO_NEWER_VERSION('duty_record'));
  // Archived records (past their retention period) leave the default list; commission staff ask for them.
  query.whereRaw(filter?.archived ? `"duty_record"."archived_at" is not null` : `"duty_record"."archived_at" is null`);
  if (!filter) return;
  if (filter.kind) query.where('duty_record.kind', filter.kind);
  if (filter.cadreId) query.where('duty_record.cadre_id', filter.cadreId);
  if (filter.taskId) query.where('duty_record.task_id', filter.taskId);
  if (filter.responsibilityItemId) query.where('duty_record.responsibility_item_id', filter.responsibilityItemId);
  if (filter.from) query.where('duty_record.occurred_on', '>=', filter.from);
  if (filter.to) query.where('duty_record.occurred_on', '<=', filter.to);
  if (filter.text) query.whereRaw(`"duty_record"."summary" ilike ? escape '\\'`, [containsPattern(filter.text)]);
}

export interface DutyRecordPageArgs {
  filter?: DutyRecordFilter;
  first: number;
  after?: string;
}

/** Latest versions grouped by one of the record's links, for many link ids in one statement. */
function latestDutyRecordsBy(em: EntityManager, link: 'cadreId' | 'taskId' | 'responsibilityItemId') {
  return loaderOfMany(
    async (ids: readonly string[]) =>
      // Lists to read: unmanaged instances (read-only-rows.ts); a correction loads its record anew.
      readOnlyEntities(em, DutyRecordEntity, await em
        .createQueryBuilder(DutyRecordEntity, 'd')
        .select('*')
        .where({ [link]: { $in: [...ids] } })
        .andWhere(NO_NEWER_VERSION('d'))
        .orderBy({ occurredOn: 'desc', id: 'desc' })
        .execute<Record<string, unknown>[]>('all', false)),
    (record) => record[link] as string,
  );
}

export function createDutyRecordLoaders(em: EntityManager) {
  const pages = new LoaderFamily();
  return {
    dutyRecordById: loaderOfOne(
      (ids: readonly string[]) => em.find(DutyRecordEntity, { id: { $in: [...ids] } }),
      (record) => record.id,
    ),
    /** Every version of each record, oldest first; also tells whether a version is the latest. */
    dutyRecordVersions: loaderOfMany(
      (recordIds: readonly string[]) => em.find(DutyRecordEntity, { recordId: { $in: [...recordIds] } }, { orderBy: { version: 'asc' } }),
      (record) => record.recordId,
    ),
    dutyRecordAttachments: attachmentsByOwnerLoader(em, 'DUTY_RECORD'),
    /** The latest version of every record whose latest version names the cadre, newest first. */
    latestDutyRecordsByCadre: latestDutyRecordsBy(em, 'cadreId'),
    /** … that serves the task. */
    latestDutyRecordsByTask: latestDutyRecordsBy(em, 'taskId'),
    /** … that serves the responsibility item. */
    latestDutyRecordsByResponsibilityItem: latestDutyRecordsBy(em, 'responsibilityItemId'),
    /** One page of latest versions per jurisdiction; every jurisdiction asked for in one statement. */
    dutyRecordPage(args: DutyRecordPageArgs) {
      return pages.get<string, Connection<DutyRecordEntity>>(JSON.stringify(args), () =>
        pagedLoader(em, {
          entity: DutyRecordEntity,
          partitionColumn: 'jurisdiction_code',
          sort: { column: 'occurred_on', property: 'occurredOn', direction: 'desc' },
          where: (query) => applyFilter(query, args.filter),
          first: args.first,
          after: args.after,
        }),
      );
    },
  };
}

export type DutyRecordLoaders = ReturnType<typeof createDutyRecordLoaders>;
