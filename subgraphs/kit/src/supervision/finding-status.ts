import type { OverdueRule } from '../calendar/overdue-rule';

/** Every status a finding can have; the migration's check constraint lists the same six. */
export const FINDING_STATUSES = ['OPEN', 'REPORTED', 'SENT_BACK', 'ACCEPTED', 'CONFIRMED', 'REOPENED'] as const;
export type FindingStatusCode = (typeof FINDING_STATUSES)[number];

/** A finding waiting for the unit's rectification: new, sent back, or re-opened by a follow-up. */
export const OPEN_FINDING_STATUSES = ['OPEN', 'SENT_BACK', 'REOPENED'] as const satisfies readonly FindingStatusCode[];

/** Overdue rectification: still open and past its deadline. */
export const FINDING_OVERDUE: OverdueRule = { openStatuses: OPEN_FINDING_STATUSES, statusColumn: 'status', dueColumn: 'deadline' };
