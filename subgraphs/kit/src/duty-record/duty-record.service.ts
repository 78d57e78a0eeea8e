import { AttachmentEntity } from '../attachment/attachment.entity';
import { attachmentContent as storedContent, storeAttachments } from '../attachment/attachments';
import { assertCanRead, assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { newId } from '../ids';
import { runInTransaction } from '../mutation/run-in-transaction';
import type { OrgLoaders } from '../org/org.loaders';
import { traceRead } from '../read-trace/read-trace';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { DutyRecordEntity } from './duty-record.entity';
import type { CorrectDutyRecordInput, RecordDutyInput } from './duty-record.inputs';
import type { DutyRecordLoaders } from './duty-record.loaders';
import {
  assertNotInFuture,
  assertReferences,
  auditView,
  carryOverAttachments,
  findCadreIn,
  insertVersion,
  summariseAttachment,
} from './duty-record.writes';

/**
 * The steps of a duty record (履职纪实): record version 1, correct it into version n + 1, read one
 * evidence file. Plain functions over the request context; `duty-record.module.ts` keeps the
 * per-level types and thin resolvers, the writes themselves are in `duty-record.writes.ts`.
 */
type Context = SubgraphContext<DutyRecordLoaders & OrgLoaders>;

/** Fields a correction may change; the others are copied from the version it corrects. */
export const CORRECTABLE = ['cadreId', 'kind', 'occurredOn', 'taskId', 'responsibilityItemId', 'summary'] as const;
type Correctable = Pick<DutyRecordEntity, (typeof CORRECTABLE)[number]>;

function pickCorrectable(record: Correctable): Correctable {
  const { cadreId, kind, occurredOn, taskId, responsibilityItemId, summary } = record;
  return { cadreId, kind, occurredOn, taskId, responsibilityItemId, summary };
}

/** The fields a correction gives (null or left out: unchanged), the summary trimmed. */
export function correctionChanges(input: Partial<Record<(typeof CORRECTABLE)[number], unknown>>): Partial<Correctable> {
  const changes = Object.fromEntries(
    CORRECTABLE.filter((field) => input[field] !== undefined && input[field] !== null).map((field) => [field, input[field]]),
  ) as Partial<Correctable>;
  if (changes.summary !== undefined) changes.summary = changes.summary.trim();
  return changes;
}

/** The previous version's files that stay, once every file to remove is shown to be one of them. */
export function keptAttachments<T extends { id: string }>(previousFiles: readonly T[], removeIds: readonly string[], previousVersion: number): T[] {
  removeIds.forEach((id, index) => {
    if (!previousFiles.some((file) => file.id === id)) {
      throw badUserInput(`input.removeAttachmentIds.${index}`, `${id} 不是第 ${previousVersion} 版的佐证材料 / ${id} is not a file of version ${previousVersion}`);
    }
  });
  return previousFiles.filter((file) => !removeIds.includes(file.id));
}

/** A correction must change a field or the files. */
export function assertCorrectionChanges(previous: Correctable, merged: Correctable, addedFiles: number, keptFiles: number, previousFiles: number): void {
  const changesSomething = CORRECTABLE.some((field) => merged[field] !== previous[field]) || addedFiles > 0 || keptFiles < previousFiles;
  if (!changesSomething) throw badUserInput('input', '更正未作任何改动：请修改字段或增删佐证材料 / the correction changes nothing: give a changed field or a file to add or remove');
}

/** 佐证材料内容: one evidence file's bytes, base64, for a caller who may read its record. */
export async function attachmentContent(context: Context, id: string): Promise<string | null> {
  const principal = requirePrincipal(context);
  // Metadata first: the owner decides who may read, and a refused caller costs no 5 MiB read.
  const attachment = await context.em.findOne(AttachmentEntity, { id: assertUuid(id, 'id'), ownerType: 'DUTY_RECORD' });
  if (!attachment) return null;
  const owner = await context.loaders.dutyRecordById.load(attachment.ownerId);
  if (!owner) return null;
  assertCanRead(principal, owner.jurisdictionCode);
  traceRead(context, 'Attachment', attachment.id, owner.jurisdictionCode);
  return (await storedContent(context.em, attachment))?.toString('base64') ?? null;
}

/** 记录履职纪实: version 1 of a record, owned where its cadre belongs, with its files. */
export async function recordDuty(context: Context, input: RecordDutyInput): Promise<DutyRecordEntity> {
  const principal = requirePrincipal(context);
  assertNotInFuture(input.occurredOn, 'input.occurredOn');
  const cadre = await context.loaders.cadreById.load(input.cadreId);
  if (!cadre) throw notFound('cadre', input.cadreId);
  // The record belongs where the cadre belongs; only that jurisdiction may write it.
  assertCanWrite(principal, cadre.jurisdictionCode);
  const references = { taskId: input.taskId ?? null, responsibilityItemId: input.responsibilityItemId ?? null };
  await assertReferences(context.em, cadre.jurisdictionCode, references);

  return runInTransaction(context, principal, async ({ em, audit }) => {
    const record = em.create(DutyRecordEntity, {
      recordId: newId(),
      version: 1,
      jurisdictionCode: cadre.jurisdictionCode,
      kind: input.kind,
      occurredOn: input.occurredOn,
      cadreId: cadre.id,
      ...references,
      summary: input.summary.trim(),
      recordedBy: principal.subject,
    });
    // Sizes are checked before anything is flushed: one oversized file leaves no trace.
    const attachments = await storeAttachments(em, { type: 'DUTY_RECORD', id: record.id, code: record.jurisdictionCode }, input.attachments, { quotaBytes: context.evidenceQuotaBytes });
    await insertVersion(em, record);
    await audit({ action: 'create', entityType: 'DutyRecord', entityId: record.recordId, ownerCode: record.jurisdictionCode, after: auditView(record, attachments) });
    return record;
  });
}

/** 更正履职纪实: the next version with the changes and a reason; earlier versions stay as they were. */
export async function correctDutyRecord(context: Context, recordId: string, input: CorrectDutyRecordInput): Promise<DutyRecordEntity> {
  const principal = requirePrincipal(context);
  const previous = await context.em.findOne(DutyRecordEntity, { recordId: assertUuid(recordId, 'recordId') }, { orderBy: { version: 'desc' } });
  if (!previous) throw notFound('duty record', recordId);
  assertCanWrite(principal, previous.jurisdictionCode);

  const changes = correctionChanges(input);
  if (changes.occurredOn !== undefined) assertNotInFuture(changes.occurredOn, 'input.occurredOn');
  if (changes.cadreId !== undefined) await findCadreIn(context.em, previous.jurisdictionCode, changes.cadreId);
  const merged = { ...pickCorrectable(previous), ...changes };
  if (changes.taskId !== undefined || changes.responsibilityItemId !== undefined) {
    await assertReferences(
      context.em,
      previous.jurisdictionCode,
      { taskId: merged.taskId, responsibilityItemId: merged.responsibilityItemId },
      changes.taskId !== undefined ? 'input.taskId' : 'input.responsibilityItemId',
    );
  }

  const previousFiles = await context.loaders.dutyRecordAttachments.load(previous.id);
  const keptFiles = keptAttachments(previousFiles, input.removeAttachmentIds, previous.version);
  assertCorrectionChanges(previous, merged, input.attachments.length, keptFiles.length, previousFiles.length);

  return runInTransaction(context, principal, async ({ em, audit }) => {
    const record = em.create(DutyRecordEntity, {
      ...merged,
      recordId: previous.recordId,
      version: previous.version + 1,
      jurisdictionCode: previous.jurisdictionCode,
      correctionReason: input.reason.trim(),
      recordedBy: principal.subject,
    });
    const added = await storeAttachments(em, { type: 'DUTY_RECORD', id: record.id, code: record.jurisdictionCode }, input.attachments, { quotaBytes: context.evidenceQuotaBytes });
    await insertVersion(em, record);
    const carried = await carryOverAttachments(em, keptFiles, record.id);
    await audit({
      action: 'correct',
      entityType: 'DutyRecord',
      entityId: record.recordId,
      ownerCode: record.jurisdictionCode,
      before: auditView(previous, previousFiles),
      after: auditView(record, [...carried, ...added.map(summariseAttachment)]),
    });
    return record;
  });
}
