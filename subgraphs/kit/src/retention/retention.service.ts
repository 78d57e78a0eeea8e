import { canRead, type Principal } from '../auth/principal';
import { assertCanWrite } from '../authz/guards';
import { today } from '../calendar/calendar-date';
import { badUserInput } from '../errors/graphql-errors';
import { isAdminCode } from '../jurisdiction/admin-code';
import { levelAbove } from '../level/level-relations';
import { runInTransaction } from '../mutation/run-in-transaction';
import { callPeer } from '../peer/peer-client';
import type { SubgraphContext } from '../server/context';
import { DEFAULT_RETENTION_YEARS, retentionCutoff } from './retention-period';
import { RETENTION_OPERATIONS } from './retention.operations';

/** Records archived by one call at most; the answer says when more are due. */
export const ARCHIVE_BATCH = 500;

export interface ArchiveOutcome {
  cutoff: string;
  archivedRecordIds: string[];
  heldRecordIds: string[];
  more: boolean;
}

/**
 * One bound PostgreSQL array literal: knex would expand a bound JS array into a list of values.
 * Only ids (UUIDs, checked by the database's cast of the column they are compared with) go in.
 */
function textArray(ids: readonly string[]): string {
  return `{${ids.map((id) => `"${id.replace(/["\\{}]/g, '')}"`).join(',')}}`;
}

interface Candidate {
  record_id: string;
  version_ids: string[];
}

/**
 * Ids among `ids` that a case under way (status OPEN) in this level's database cites as basis and
 * that the principal may read. A level without accountability cases (the street) holds nothing.
 */
export async function heldRecordIds(context: SubgraphContext<unknown>, principal: Principal, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const connection = context.em.getConnection();
  const [table] = await connection.execute<{ present: boolean }[]>(`select to_regclass('accountability_basis') is not null as "present"`);
  if (!table?.present) return [];
  const rows = await connection.execute<{ record_id: string; record_owner_code: string }[]>(
    `select distinct "b"."record_id"::text as "record_id", "b"."record_owner_code"
       from "accountability_basis" as "b" join "accountability_case" as "c" on "c"."id" = "b"."case_id"
      where "c"."status" = 'OPEN' and "b"."record_id"::text = any(?::text[])`,
    [textArray(ids)],
  );
  return rows.filter((row) => canRead(principal, row.record_owner_code)).map((row) => row.record_id);
}

/**
 * 归档 Marks the duty records of one jurisdiction that are past the retention period archived:
 * a record whose latest version occurred before today less RETENTION_YEARS. A record any version
 * of which a case under way cites — at this level, or at the level above, asked directly with the
 * caller's token — is held and left as it is. Nothing is dropped: archived rows leave the default
 * lists and stay readable; each archived record gets an audit entry. If the level above cannot be
 * asked, nothing is archived (a hold that cannot be checked is not ignored).
 */
export async function archiveDutyRecords(context: SubgraphContext<unknown>, principal: Principal, jurisdictionCode: string): Promise<ArchiveOutcome> {
  const level = context.level!;
  if (!isAdminCode(level, jurisdictionCode)) throw badUserInput('jurisdictionCode', `应为本级辖区代码 / must be a ${level} code`);
  assertCanWrite(principal, jurisdictionCode, ['commission']);
  const cutoff = retentionCutoff(today(), context.retentionYears ?? DEFAULT_RETENTION_YEARS);
  const candidates = await context.em.getConnection().execute<Candidate[]>(
    `select "d"."record_id"::text as "record_id", array(select "v"."id"::text from "duty_record" as "v" where "v"."record_id" = "d"."record_id") as "version_ids"
       from "duty_record" as "d"
      where "d"."jurisdiction_code" = ? and "d"."archived_at" is null and "d"."occurred_on" < ?::date
        and not exists (select 1 from "duty_record" as "newer" where "newer"."record_id" = "d"."record_id" and "newer"."version" > "d"."version")
      order by "d"."occurred_on", "d"."record_id"
      limit ?`,
    [jurisdictionCode, cutoff, ARCHIVE_BATCH + 1],
  );
  const batch = candidates.slice(0, ARCHIVE_BATCH);
  const ids = batch.flatMap((candidate) => [candidate.record_id, ...candidate.version_ids]);
  const held = new Set(await heldRecordIds(context, principal, ids));
  const above = levelAbove(level);
  if (above && ids.length > 0) {
    const field = RETENTION_OPERATIONS[above].heldRecordIds;
    const answer = await callPeer<Record<string, string[]>>(context, above, `query HeldRecordIds($ids: [ID!]!) { ${field}(ids: $ids) }`, { ids });
    for (const id of answer[field] ?? []) held.add(id);
  }
  const isHeld = (candidate: Candidate) => held.has(candidate.record_id) || candidate.version_ids.some((id) => held.has(id));
  const due = batch.filter((candidate) => !isHeld(candidate));
  const archivedAt = new Date();
  await runInTransaction(context, principal, async ({ em, audit }) => {
    if (due.length === 0) return;
    await em.getConnection().execute(
      `update "duty_record" set "archived_at" = ?, "archived_by" = ? where "record_id"::text = any(?::text[]) and "archived_at" is null`,
      [archivedAt, principal.subject, textArray(due.map((candidate) => candidate.record_id))],
      'run',
      em.getTransactionContext(),
    );
    for (const candidate of due) {
      await audit({ action: 'archive', entityType: 'DutyRecord', entityId: candidate.record_id, ownerCode: jurisdictionCode, after: { archivedAt: archivedAt.toISOString(), cutoff } });
    }
  });
  return {
    cutoff,
    archivedRecordIds: due.map((candidate) => candidate.record_id),
    heldRecordIds: batch.filter(isHeld).map((candidate) => candidate.record_id),
    more: candidates.length > ARCHIVE_BATCH,
  };
}
