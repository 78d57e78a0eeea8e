import type { Principal } from '../auth/principal';
import { mayReadClassified, type Classification } from '../authz/access-table';
import type { AuditEntityTypeName } from './audit-entity-type';

/**
 * 审计轨迹中的密级字段 The properties of an audited record's state that are classified fields of
 * its GraphQL type (`@sensitive`). The trail stores a record whole (its hash chain covers what was
 * written), so a reader of the trail who lacks the field's grant would otherwise read there what
 * the field itself refuses: an interview's content, a case's facts. Kept in step with the schema
 * by test/security/sensitive-fields.test.ts, which fails when a classified field of an audited
 * type is missing here. A stationed engagement's talk summaries are stored as digests instead.
 */
export const CLASSIFIED_AUDIT_PROPERTIES: Partial<Record<AuditEntityTypeName, Readonly<Record<string, Classification>>>> = {
  AccountabilityCase: { facts: 'CONFIDENTIAL' },
  AssessmentInterview: { content: 'CONFIDENTIAL' },
  DutyReportQuestion: { question: 'RESTRICTED', answer: 'RESTRICTED' },
};

/** What the trail shows in place of a withheld value: which properties, at which level. */
export const WITHHELD_KEY = '_withheld';

/**
 * The state as this reader may see it: a classified property the reader's roles do not open is
 * null, and `_withheld` names it with its level, so the reader knows a value exists and why it is
 * not shown. Verifying the chain reads the stored state, not this view.
 */
export function auditStateFor(entityType: string, state: Record<string, unknown> | null, principal: Principal | null): Record<string, unknown> | null {
  const classified = CLASSIFIED_AUDIT_PROPERTIES[entityType as AuditEntityTypeName];
  if (!state || !classified) return state;
  const withheld: Record<string, Classification> = {};
  const shown: Record<string, unknown> = { ...state };
  for (const [property, level] of Object.entries(classified)) {
    if (!(property in shown) || mayReadClassified(level, principal)) continue;
    shown[property] = null;
    withheld[property] = level;
  }
  return Object.keys(withheld).length ? { ...shown, [WITHHELD_KEY]: withheld } : state;
}
