import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AttachmentEntity } from '../attachment/attachment.entity';
import type { AttachmentInput } from '../attachment/attachment.input';
import { storeAttachments } from '../attachment/attachments';
import { snapshot } from '../audit/canonical-json';
import type { Principal } from '../auth/principal';
import { assertCanWrite, requirePrincipal } from '../authz/guards';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import type { Level } from '../jurisdiction/admin-code';
import { levelTypeName, LEVEL_NAME_ZH } from '../level/level-names';
import { runInTransaction, type MutationScope } from '../mutation/run-in-transaction';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { DirectiveResponseEntity } from './directive-response.entity';
import type { CompleteDirectiveInput, ReportDirectiveProgressInput } from './directive.inputs';
import { fetchAddressedDirective } from './upstream-directive';

/**
 * The business steps of answering a directive from the level above (回应): acknowledge it,
 * report progress, report it completed. Plain functions over the request context;
 * `directive-responder.module.ts` keeps the per-level types and thin resolvers, and the pure
 * rules (what each answer writes, when an answer is closed) are tested alone in
 * `directive-response.service.test.ts`.
 */
type Context = SubgraphContext<unknown>;

/** The answering level and the level above it whose directives it answers. */
export interface AnsweringLevels {
  level: Level;
  issuerLevel: Level;
}

type AnswerState = Pick<DirectiveResponseEntity, 'status' | 'completedAt'>;
type AnswerFields = Pick<DirectiveResponseEntity, 'status' | 'progress' | 'report' | 'completedAt'>;

/** Only a jurisdiction of the answering level answers; anyone else is refused before the issuer is asked. */
export function assertAnsweringLevel(principal: Pick<Principal, 'level'>, levels: AnsweringLevels): void {
  if (principal.level !== levels.level) throw forbidden(`只有${LEVEL_NAME_ZH[levels.level]}答复 ${levelTypeName(levels.issuerLevel, 'Directive')} / only a ${levels.level} answers a ${levelTypeName(levels.issuerLevel, 'Directive')}`);
}

/** A directive is acknowledged once. */
export function assertNotAcknowledged(existing: Pick<DirectiveResponseEntity, 'acknowledgedAt'> | null): void {
  if (existing) throw badUserInput('directiveId', `已于 ${existing.acknowledgedAt.toISOString()} 签收 / already acknowledged on ${existing.acknowledgedAt.toISOString()}`);
}

/** A completed answer is closed: it takes no more reports and no second completion. */
export function assertNotCompleted(response: AnswerState | null): void {
  if (response?.status === 'COMPLETED') {
    throw badUserInput('directiveId', `已于 ${response.completedAt!.toISOString()} 办结，办结的指令不再接收报告 / already completed on ${response.completedAt!.toISOString()}; a completed directive takes no more reports`);
  }
}

/** What a progress report writes. */
export function applyProgress(response: AnswerFields, input: Pick<ReportDirectiveProgressInput, 'progress' | 'report'>): void {
  response.status = 'IN_PROGRESS';
  response.progress = input.progress;
  response.report = input.report.trim();
}

/** What a completion writes: progress 100, the time it was reported. */
export function applyCompletion(response: AnswerFields, input: Pick<CompleteDirectiveInput, 'report'>, completedAt: Date): void {
  response.status = 'COMPLETED';
  response.progress = 100;
  response.report = input.report.trim();
  response.completedAt = completedAt;
}

/** The evidence as the audit trail records it: what identifies each file, not its content. */
export function evidenceOf(attachments: readonly Pick<AttachmentEntity, 'id' | 'name' | 'contentType' | 'size' | 'sha256'>[]) {
  return attachments.map(({ id, name, contentType, size, sha256 }) => ({ id, name, contentType, size, sha256 }));
}

/**
 * Everything an answer needs before the transaction: a caller acting for a jurisdiction of this
 * level, in a role that may write for it, addressed by the directive (asked of its owner).
 */
async function assertAddressee(context: Context, levels: AnsweringLevels, directiveId: string): Promise<Principal> {
  const principal = requirePrincipal(context);
  assertAnsweringLevel(principal, levels);
  assertCanWrite(principal, principal.code);
  await fetchAddressedDirective(context, principal, levels.issuerLevel, assertUuid(directiveId, 'directiveId'));
  return principal;
}

/** The caller's answer, locked for this transaction so two reports cannot interleave. */
function lockedResponse(em: EntityManager, directiveId: string, responderCode: string) {
  return em.findOne(DirectiveResponseEntity, { directiveId, responderCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
}

async function auditAnswer(
  audit: MutationScope['audit'],
  action: string,
  response: DirectiveResponseEntity,
  before: object | null,
  attachments: AttachmentEntity[] = [],
): Promise<void> {
  await audit({
    action,
    entityType: 'DirectiveResponse',
    entityId: response.id,
    ownerCode: response.responderCode,
    before,
    after: { ...snapshot(response), attachments: evidenceOf(attachments) },
  });
}

/**
 * A report or a completion: the caller must be addressed, its answer (created on the way if
 * it only now answers) must still be open, and the change and its evidence are audited together.
 */
async function answer(
  context: Context,
  levels: AnsweringLevels,
  directiveId: string,
  action: string,
  evidence: AttachmentInput[],
  apply: (response: DirectiveResponseEntity) => void,
): Promise<DirectiveResponseEntity> {
  const principal = await assertAddressee(context, levels, directiveId);
  return runInTransaction(context, principal, async ({ em, audit }) => {
    const existing = await lockedResponse(em, directiveId, principal.code);
    assertNotCompleted(existing);
    const before = snapshot(existing);
    const response = existing ?? em.create(DirectiveResponseEntity, { directiveId, responderCode: principal.code });
    apply(response);
    const attachments = await storeAttachments(em, { type: 'DIRECTIVE_RESPONSE', id: response.id, code: response.responderCode }, evidence, { quotaBytes: context.evidenceQuotaBytes });
    await auditAnswer(audit, action, response, before, attachments);
    return response;
  });
}

/** 签收: the first answer of an addressed jurisdiction. */
export async function acknowledgeDirective(context: Context, levels: AnsweringLevels, directiveId: string): Promise<DirectiveResponseEntity> {
  const principal = await assertAddressee(context, levels, directiveId);
  return runInTransaction(context, principal, async ({ em, audit }) => {
    assertNotAcknowledged(await lockedResponse(em, directiveId, principal.code));
    const response = em.create(DirectiveResponseEntity, { directiveId, responderCode: principal.code });
    await auditAnswer(audit, 'acknowledge', response, null);
    return response;
  });
}

/** 报告进展: progress with evidence; acknowledges the directive on the way if not yet done. */
export function reportDirectiveProgress(
  context: Context,
  levels: AnsweringLevels,
  directiveId: string,
  input: ReportDirectiveProgressInput,
): Promise<DirectiveResponseEntity> {
  return answer(context, levels, directiveId, 'report-progress', input.attachments, (response) => applyProgress(response, input));
}

/** 办结: the completion report with evidence, once. */
export function completeDirective(
  context: Context,
  levels: AnsweringLevels,
  directiveId: string,
  input: CompleteDirectiveInput,
): Promise<DirectiveResponseEntity> {
  return answer(context, levels, directiveId, 'complete', input.attachments, (response) => applyCompletion(response, input, new Date()));
}
