import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AttachmentEntity } from '../attachment/attachment.entity';
import { badUserInput, conflict, notFound } from '../errors/graphql-errors';
import { newId } from '../ids';
import { CadreEntity } from '../org/cadre.entity';
import { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import { TaskEntity } from '../task/task.entity';
import { assertNotInFuture as assertDateNotInFuture } from '../calendar/date-rules';
import type { DutyRecordEntity } from './duty-record.entity';

/** What the audit trail keeps of a file: enough to recognise it, never its bytes. */
export interface AttachmentSummary {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
}

export function summariseAttachment(attachment: AttachmentSummary): AttachmentSummary {
  const { id, name, contentType, size, sha256 } = attachment;
  return { id, name, contentType, size, sha256 };
}

/** One version as the audit trail stores it: the record's columns and its files' digests. */
export function auditView(record: DutyRecordEntity, attachments: readonly AttachmentSummary[]): object {
  return { ...record, attachments: attachments.map(summariseAttachment) };
}

/** The platform's one calendar rule (`calendar/date-rules.ts`), under the name this module's callers use. */
export function assertNotInFuture(occurredOn: string, field: string): void {
  assertDateNotInFuture(field, occurredOn);
}

/** A cadre of the record's own jurisdiction; one elsewhere is as good as unknown here. */
export async function findCadreIn(em: EntityManager, jurisdictionCode: string, cadreId: string): Promise<CadreEntity> {
  const cadre = await em.findOne(CadreEntity, { id: cadreId, jurisdictionCode });
  if (!cadre) throw notFound('cadre', cadreId);
  return cadre;
}

/**
 * A record must name what it fulfils: a task, a responsibility item, or both, each of the
 * record's own jurisdiction. When both are named, the task must be the one carrying out that
 * item, or the record would count towards two unrelated lists.
 */
export async function assertReferences(
  em: EntityManager,
  jurisdictionCode: string,
  references: { taskId: string | null; responsibilityItemId: string | null },
  fieldOfMismatch: 'input.taskId' | 'input.responsibilityItemId' = 'input.taskId',
): Promise<void> {
  const { taskId, responsibilityItemId } = references;
  if (!taskId && !responsibilityItemId) {
    throw badUserInput('input.taskId', '请注明该纪实落实的任务或主体责任清单事项（或两者） / name the task or the responsibility item the record fulfils (or both)');
  }
  const [task, item] = await Promise.all([
    taskId ? em.findOne(TaskEntity, { id: taskId, jurisdictionCode }) : null,
    responsibilityItemId ? em.findOne(ResponsibilityItemEntity, { id: responsibilityItemId, jurisdictionCode }) : null,
  ]);
  if (taskId && !task) throw notFound('task', taskId);
  if (responsibilityItemId && !item) throw notFound('responsibility item', responsibilityItemId);
  if (task && item && task.responsibilityItemId !== item.id) {
    throw badUserInput(fieldOfMismatch, `任务 ${task.id} 落实的是另一清单事项，而非 ${item.id} / task ${task.id} carries out another responsibility item, not ${item.id}`);
  }
}

/**
 * Writes the new version. Two corrections that read the same latest version both aim for the
 * same next number; the unique (record_id, version) index lets only one in, and the other gets
 * a CONFLICT it can act on instead of a generic error.
 */
export async function insertVersion(em: EntityManager, record: DutyRecordEntity): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw conflict(
        `履职纪实 ${record.recordId} 已有第 ${record.version} 版：他人同时进行了更正，请读取最新版本后再更正 / duty record ${record.recordId} already has a version ${record.version}: someone corrected it at the same time; read the latest version and correct again`,
      );
    }
    throw error;
  }
}

/**
 * Carries files of the previous version over to the new one inside the database: each version
 * keeps a complete, unchanging list of evidence of its own, while the bytes stay where they are
 * (stored once per content, evidence_content), so a correction costs rows of metadata only.
 */
export async function carryOverAttachments(
  em: EntityManager,
  kept: readonly AttachmentEntity[],
  newOwnerId: string,
): Promise<AttachmentSummary[]> {
  if (kept.length === 0) return [];
  const copies = kept.map((attachment) => ({ ...summariseAttachment(attachment), id: newId(), from: attachment.id }));
  await em.getConnection().execute(
    `insert into "attachment" ("id", "owner_type", "owner_id", "owner_code", "name", "content_type", "size", "sha256", "digest_algorithm", "digest", "created_at")
     select "copy"."new_id", "a"."owner_type", ?, "a"."owner_code", "a"."name", "a"."content_type", "a"."size", "a"."sha256",
       "a"."digest_algorithm", "a"."digest", "a"."created_at"
     from "attachment" as "a" join (values ${copies.map(() => '(?::uuid, ?::uuid)').join(', ')}) as "copy" ("old_id", "new_id")
       on "a"."id" = "copy"."old_id"`,
    [newOwnerId, ...copies.flatMap((copy) => [copy.from, copy.id])],
    'run',
    em.getTransactionContext(),
  );
  return copies.map(({ from: _from, ...summary }) => summary);
}
