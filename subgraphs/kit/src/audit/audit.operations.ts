import type { Level } from '../jurisdiction/admin-code';

/**
 * The audit domain's root fields, literally, per level: grepping a name seen in the schema
 * lands here, and the factories take each name from this table (`operationsAt`).
 */
export const AUDIT_OPERATIONS = {
  city: {
    auditTrail: 'cityAuditTrail',
    verifyAuditChain: 'verifyCityAuditChain',
  },
  district: {
    auditTrail: 'districtAuditTrail',
    verifyAuditChain: 'verifyDistrictAuditChain',
  },
  street: {
    auditTrail: 'streetAuditTrail',
    verifyAuditChain: 'verifyStreetAuditChain',
  },
} as const satisfies Partial<Record<Level, Record<string, string>>>;
