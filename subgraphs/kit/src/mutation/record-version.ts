import { GraphQLError } from 'graphql';

/**
 * 防止丢失更新 No lost updates: a change that names the version it was based on is refused with
 * CONFLICT when the record has moved on since — call it on the record as locked (or re-read)
 * inside the change's transaction. The version itself is raised by MikroORM (`version: true`),
 * whose own check in the UPDATE (`… where version = ?`) is mapped to CONFLICT by runInTransaction.
 */
export function assertExpectedVersion(record: { id: string; version: number }, expected: number | null | undefined, field = 'input.expectedVersion'): void {
  if (expected === null || expected === undefined || expected === record.version) return;
  throw new GraphQLError(
    `记录已被他人修改 / ${record.id} is at version ${record.version}, the change was based on version ${expected}: read it again and retry`,
    { extensions: { code: 'CONFLICT', field, currentVersion: record.version } },
  );
}
