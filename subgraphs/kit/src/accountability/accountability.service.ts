import { LockMode } from '@mikro-orm/core';
import type { Principal } from '../auth/principal';
import { assertCanWrite } from '../authz/guards';
import { today } from '../calendar/calendar-date';
import type { DutyRecordLoaders } from '../duty-record/duty-record.loaders';
import { badUserInput, notFound } from '../errors/graphql-errors';
import { assertAdminCode, type Level } from '../jurisdiction/admin-code';
import { runInTransaction, type MutationScope } from '../mutation/run-in-transaction';
import type { Connection } from '../pagination/connection';
import { pagedLoader } from '../pagination/paged-loader';
import type { SubgraphContext } from '../server/context';
import { assertUuid } from '../validation/assert-uuid';
import { checkSubject } from './accountability-subject';
import { CADRE_FORMS, UNIT_FORMS, type AccountabilityCaseStatus, type AccountabilityDecisionForm } from './accountability.enums';
import { AccountabilityBasisEntity, AccountabilityCaseEntity } from './accountability.entity';
import type { AccountabilityBasisInput, DecideAccountabilityCaseInput, OpenAccountabilityCaseInput } from './accountability.inputs';
import type { AccountabilityLoaders } from './accountability.loaders';
import type { AccountabilityDecisionType } from './accountability.types';
import { checkBasisReferences, type BasisFacts } from './basis-references';
import { asCitedColumns } from './basis-snapshot';
import { cryptoSettingsOf } from '../crypto/crypto-settings';
import type { DigestAlgorithm } from '../crypto/digest';

/**
 * The business steps of an accountability case (问责): open it on its basis, cite one more
 * record, decide it. Plain functions over the request context, so the factory in
 * `accountability.module.ts` keeps only the per-level types and thin resolvers; the pure rules
 * (which forms fit a subject, when a case is closed, what a decision writes) are tested alone
 * in `accountability.service.test.ts`.
 */
type Context = SubgraphContext<AccountabilityLoaders & DutyRecordLoaders>;

/** The fields of a case a pure rule reads. */
type CaseState = Pick<AccountabilityCaseEntity, 'id' | 'status' | 'decidedOn' | 'decisionForm'>;
type CaseSubject = Pick<AccountabilityCaseEntity, 'subjectUnitId' | 'subjectCadreId'>;

/** A decided case is closed: nothing more is cited or decided on it. */
export function assertCaseOpen(record: CaseState): void {
  if (record.status === 'DECIDED') {
    throw badUserInput('caseId', `案件 ${record.id} 已于 ${record.decidedOn} 作出处理（${record.decisionForm}），已结案 / case ${record.id} was decided on ${record.decidedOn} (${record.decisionForm}); a decided case is closed`);
  }
}

/** 检查、改组 are for organisations; 诫勉、组织调整、纪律处分 for persons; 通报 for both. */
export function formsForSubject(subject: CaseSubject): AccountabilityDecisionForm[] {
  return [...new Set([...(subject.subjectUnitId ? UNIT_FORMS : []), ...(subject.subjectCadreId ? CADRE_FORMS : [])])];
}

/** Refuses a decision whose form does not fit the subject or whose date lies after `now`. */
export function assertDecisionFits(subject: CaseSubject, input: Pick<DecideAccountabilityCaseInput, 'form' | 'decidedOn'>, now: string): void {
  const forms = formsForSubject(subject);
  if (!forms.includes(input.form)) {
    throw badUserInput('input.form', `${input.form} 不适用于该问责对象，可选：${forms.join('、')} / ${input.form} does not apply to this subject; choose one of ${forms.join(', ')}`);
  }
  if (input.decidedOn > now) throw badUserInput('input.decidedOn', `${input.decidedOn} 晚于今天 / ${input.decidedOn} is in the future`);
}

/** What deciding writes onto the case. */
export function applyDecision(record: AccountabilityCaseEntity, input: DecideAccountabilityCaseInput, decidedBy: string, decidedAt: Date): void {
  record.status = 'DECIDED';
  record.decisionForm = input.form;
  record.decidingBody = input.decidingBody.trim();
  record.decidedOn = input.decidedOn;
  record.decisionText = input.text?.trim() ?? null;
  record.decidedBy = decidedBy;
  record.decidedAt = decidedAt;
}

/** The decision as the API shows it; null while the case is open. */
export function decisionOf(record: AccountabilityCaseEntity): AccountabilityDecisionType | null {
  if (record.status !== 'DECIDED') return null;
  return {
    form: record.decisionForm!,
    decidingBody: record.decidingBody!,
    decidedOn: record.decidedOn!,
    text: record.decisionText,
    decidedBy: record.decidedBy!,
    decidedAt: record.decidedAt!,
  } as AccountabilityDecisionType;
}

/** A record is cited once per case and kind. */
export function assertNotCited(cited: Pick<AccountabilityBasisEntity, 'kind' | 'recordId'>[], fact: Pick<BasisFacts, 'kind' | 'recordId'>): void {
  if (cited.some((basis) => basis.kind === fact.kind && basis.recordId === fact.recordId)) {
    throw badUserInput('input.id', `该案件已援引此记录（${fact.kind} ${fact.recordId}） / the case already cites this record (${fact.kind} ${fact.recordId})`);
  }
}

/**
 * The rows of records cited together: numbered on from `firstPosition`, all at one moment, each
 * keeping what its record was then (its snapshot, version and newest audit entry, sealed by a hash).
 */
export function basisRows(
  record: Pick<AccountabilityCaseEntity, 'id' | 'jurisdictionCode'>,
  facts: BasisFacts[],
  firstPosition: number,
  citedBy: string,
  citedAt: Date,
  algorithm: DigestAlgorithm,
) {
  return facts.map((fact, index) => ({
    ...asCitedColumns(algorithm, { recordLevel: fact.level, recordType: fact.recordType, recordId: fact.recordId, citedAt }, fact.state),
    caseId: record.id,
    ownerCode: record.jurisdictionCode,
    position: firstPosition + index,
    kind: fact.kind,
    recordLevel: fact.level,
    recordType: fact.recordType,
    recordId: fact.recordId,
    recordOwnerCode: fact.ownerCode,
    note: fact.note,
    citedBy,
    citedAt,
  }));
}

function createBasisRows(scope: MutationScope, principal: Principal, record: AccountabilityCaseEntity, facts: BasisFacts[], firstPosition: number) {
  return basisRows(record, facts, firstPosition, principal.subject, new Date(), cryptoSettingsOf(scope.em).digestAlgorithm).map((row) => scope.em.create(AccountabilityBasisEntity, row));
}

/** Finds the case and checks the caller is commission staff of its deciding jurisdiction. */
async function caseForWrite(context: Context, principal: Principal, caseId: string): Promise<AccountabilityCaseEntity> {
  const found = await context.loaders.accountabilityCaseById.load(assertUuid(caseId, 'caseId'));
  if (!found) throw notFound('accountability case', caseId);
  assertCanWrite(principal, found.jurisdictionCode, ['commission']);
  return found;
}

/** Re-reads the case under a row lock: two concurrent changes of one case take turns. */
function lockCase(scope: MutationScope, id: string): Promise<AccountabilityCaseEntity> {
  return scope.em.findOneOrFail(AccountabilityCaseEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/** 问责立案: a case against a unit or cadre, resting on at least one checked record. */
export async function openAccountabilityCase(context: Context, principal: Principal, level: Level, input: OpenAccountabilityCaseInput): Promise<AccountabilityCaseEntity> {
  assertAdminCode(level, input.jurisdictionCode, 'input.jurisdictionCode');
  assertCanWrite(principal, input.jurisdictionCode, ['commission']);
  if (input.basis.length === 0) throw badUserInput('input.basis', 'a case rests on at least one record: cite its basis (问责依据)');
  await checkSubject(context, level, input.jurisdictionCode, input);
  const facts = await checkBasisReferences(context, principal, level, input.basis, (index) => `input.basis.${index}`);
  return runInTransaction(context, principal, async (scope) => {
    const record = scope.em.create(AccountabilityCaseEntity, {
      jurisdictionCode: input.jurisdictionCode,
      subjectJurisdictionCode: input.subjectJurisdictionCode,
      subjectUnitId: input.subjectUnitId ?? null,
      subjectCadreId: input.subjectCadreId ?? null,
      responsibilityKind: input.responsibilityKind,
      title: input.title.trim(),
      facts: input.facts.trim(),
      openedBy: principal.subject,
    });
    // The columns carry no ORM relation, so the unit of work cannot order the inserts itself.
    await scope.em.flush();
    const basis = createBasisRows(scope, principal, record, facts, 1);
    await scope.audit({ action: 'create', entityType: 'AccountabilityCase', entityId: record.id, ownerCode: record.jurisdictionCode, after: { ...record, basis } });
    return record;
  });
}

/** 补充问责依据: one more checked record on an open case. */
export async function citeAccountabilityBasis(context: Context, principal: Principal, level: Level, caseId: string, input: AccountabilityBasisInput): Promise<AccountabilityCaseEntity> {
  const found = await caseForWrite(context, principal, caseId);
  assertCaseOpen(found);
  const [fact] = await checkBasisReferences(context, principal, level, [input], () => 'input');
  return runInTransaction(context, principal, async (scope) => {
    const record = await lockCase(scope, found.id);
    assertCaseOpen(record);
    const cited = await scope.em.find(AccountabilityBasisEntity, { caseId: record.id });
    assertNotCited(cited, fact);
    const [basis] = createBasisRows(scope, principal, record, [fact], cited.length + 1);
    await scope.audit({ action: 'cite', entityType: 'AccountabilityCase', entityId: record.id, ownerCode: record.jurisdictionCode, after: basis });
    return record;
  });
}

/** 问责决定: form, deciding body and date, once per case. */
export async function decideAccountabilityCase(context: Context, principal: Principal, caseId: string, input: DecideAccountabilityCaseInput): Promise<AccountabilityCaseEntity> {
  const found = await caseForWrite(context, principal, caseId);
  assertCaseOpen(found);
  assertDecisionFits(found, input, today());
  return runInTransaction(context, principal, async (scope) => {
    const record = await lockCase(scope, found.id);
    assertCaseOpen(record);
    const before = { ...record };
    applyDecision(record, input, principal.subject, new Date());
    await scope.audit({ action: 'decide', entityType: 'AccountabilityCase', entityId: record.id, ownerCode: record.jurisdictionCode, before, after: record });
    return record;
  });
}

/** A page of the cases a jurisdiction decides, newest first; one statement for every jurisdiction asked with the same arguments. */
export function casesOfJurisdiction(
  context: Context,
  jurisdictionCode: string,
  args: { status?: AccountabilityCaseStatus; first: number; after?: string },
): Promise<Connection<AccountabilityCaseEntity>> {
  const key = `${args.status ?? '*'}:${args.first}:${args.after ?? ''}`;
  const loader = context.loaders.accountabilityCasePages.get(key, () =>
    pagedLoader(context.em, {
      entity: AccountabilityCaseEntity,
      partitionColumn: 'jurisdiction_code',
      sort: { column: 'created_at', property: 'createdAt', direction: 'desc' },
      where: (query) => {
        if (args.status) query.where('status', args.status);
      },
      first: args.first,
      after: args.after,
    }),
  );
  return loader.load(jurisdictionCode);
}
