import { isOverdueUnder } from '../calendar/overdue-rule';
import { FINDING_OVERDUE, OPEN_FINDING_STATUSES } from './finding-status';
import { today } from '../calendar/calendar-date';
import { LockMode } from '@mikro-orm/core';
import type { Principal } from '../auth/principal';
import { assertCanWrite } from '../authz/guards';
import { badUserInput } from '../errors/graphql-errors';
import type { MutationScope } from '../mutation/run-in-transaction';
import {
  SupervisionFindingEntity,
  SupervisionFindingEventEntity,
  type FindingEventCode,
  type FindingStatusCode,
} from './supervision.entities';

/**
 * The rectification loop as a table: which step is allowed from which status, and where it leads.
 * OPEN → REPORTED → ACCEPTED (closed) or SENT_BACK → REPORTED …; a follow-up check (回头看) turns a
 * closed finding into CONFIRMED, or REOPENED (查而不改), which is rectified and reported again.
 */
type StepCode = Exclude<FindingEventCode, 'WITHDRAWN'>;
const STEPS: Record<StepCode, { from: readonly FindingStatusCode[]; to: FindingStatusCode }> = {
  REPORTED: { from: OPEN_FINDING_STATUSES, to: 'REPORTED' },
  ACCEPTED: { from: ['REPORTED'], to: 'ACCEPTED' },
  SENT_BACK: { from: ['REPORTED'], to: 'SENT_BACK' },
  CONFIRMED: { from: ['ACCEPTED', 'CONFIRMED'], to: 'CONFIRMED' },
  REOPENED: { from: ['ACCEPTED', 'CONFIRMED'], to: 'REOPENED' },
};

export interface FindingStep {
  event: StepCode;
  field: string;
  reportId?: string | null;
  checkId?: string | null;
  comment?: string | null;
  newDeadline?: string;
}

/** Applies one step to a managed finding, records it and audits it; a step out of turn is the caller's mistake. */
export async function applyFindingStep(
  scope: MutationScope,
  principal: Principal,
  finding: SupervisionFindingEntity,
  step: FindingStep,
): Promise<SupervisionFindingEntity> {
  const rule = STEPS[step.event];
  if (!rule.from.includes(finding.status)) {
    throw badUserInput(step.field, `问题 ${finding.id} 的状态为 ${finding.status}，${step.event} 须处于 ${rule.from.join(' 或 ')} / finding ${finding.id} is ${finding.status}; ${step.event} needs ${rule.from.join(' or ')}`);
  }
  const before = { ...finding };
  finding.status = rule.to;
  if (step.event === 'REPORTED') finding.lastReportId = step.reportId ?? null;
  if (step.event === 'ACCEPTED') finding.closedAt = new Date();
  if (step.event === 'REOPENED') {
    finding.reopenCount += 1;
    finding.closedAt = null;
    if (step.newDeadline) finding.deadline = step.newDeadline;
  }
  scope.em.create(SupervisionFindingEventEntity, {
    findingId: finding.id,
    event: step.event,
    reportId: step.reportId ?? finding.lastReportId,
    checkId: step.checkId ?? null,
    comment: step.comment ?? null,
    actor: principal.subject,
  });
  await scope.audit({
    action: step.event.toLowerCase(),
    entityType: 'SupervisionFinding',
    entityId: finding.id,
    ownerCode: finding.jurisdictionCode,
    before,
    after: finding,
  });
  return finding;
}

/**
 * A rectification report arrives: only the supervised unit's own administrators may report on a
 * finding (another unit's finding is FORBIDDEN), and only while it waits for rectification.
 */
export async function recordFindingReport(
  scope: MutationScope,
  principal: Principal,
  findingId: string,
  reportId: string,
  field: string,
): Promise<SupervisionFindingEntity | null> {
  // Locked: two reports arriving at once must not both move the finding on.
  const finding = await scope.em.findOne(SupervisionFindingEntity, { id: findingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!finding) return null;
  assertCanWrite(principal, finding.unitJurisdictionCode);
  // Keyed by the report's id: the same report delivered again (a retry after a timeout whose
  // answer was lost) finds its own step already taken and changes nothing.
  if (finding.status === 'REPORTED' && finding.lastReportId === reportId) return finding;
  return applyFindingStep(scope, principal, finding, { event: 'REPORTED', field, reportId });
}

export interface DerivedFindingState {
  status: FindingStatusCode;
  lastReportId: string | null;
}

/**
 * A finding's status and last report, re-derived from its events (oldest first): each step moves
 * it on, a WITHDRAWN event undoes the REPORTED step before it. `withoutLast` leaves the newest
 * step out — the state a withdrawal returns to.
 */
export function deriveFindingState(events: readonly { event: FindingEventCode; reportId: string | null }[]): DerivedFindingState[] {
  const states: DerivedFindingState[] = [{ status: 'OPEN', lastReportId: null }];
  for (const event of events) {
    if (event.event === 'WITHDRAWN') {
      if (states.length > 1) states.pop();
      continue;
    }
    const current = states[states.length - 1];
    states.push({ status: STEPS[event.event].to, lastReportId: event.event === 'REPORTED' ? event.reportId : current.lastReportId });
  }
  return states;
}

/**
 * Undoes the REPORTED step of report `reportId` when that report was never stored at the unit's
 * level (its transaction failed after this level had recorded it). Idempotent: a finding that
 * is no longer waiting on that report (already withdrawn, reported again, decided) is left as it
 * is. Returns null for an unknown finding.
 */
export async function withdrawFindingReport(
  scope: MutationScope,
  actor: Principal,
  findingId: string,
  reportId: string,
): Promise<SupervisionFindingEntity | null> {
  const finding = await scope.em.findOne(SupervisionFindingEntity, { id: findingId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!finding) return null;
  if (finding.status !== 'REPORTED' || finding.lastReportId !== reportId) return finding;
  const events = await scope.em.find(SupervisionFindingEventEntity, { findingId }, { orderBy: { at: 'asc', id: 'asc' } });
  const states = deriveFindingState(events);
  const previous = states.length > 1 ? states[states.length - 2] : states[0];
  const before = { ...finding };
  finding.status = previous.status;
  finding.lastReportId = previous.lastReportId;
  scope.em.create(SupervisionFindingEventEntity, { findingId, event: 'WITHDRAWN', reportId, checkId: null, comment: null, actor: actor.subject });
  await scope.audit({ action: 'withdraw-report', entityType: 'SupervisionFinding', entityId: finding.id, ownerCode: finding.jurisdictionCode, before, after: finding });
  return finding;
}

/** Overdue rectification is derived from the deadline, never stored; "today" is Tianjin's. */
export function isFindingOverdue(finding: Pick<SupervisionFindingEntity, 'status' | 'deadline'>, on: string = today()): boolean {
  return isOverdueUnder(FINDING_OVERDUE, finding.status, finding.deadline, on);
}
