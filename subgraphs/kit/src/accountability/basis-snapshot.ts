import { canonicalJson } from '../audit/canonical-json';
import { digestHex, type DigestAlgorithm } from '../crypto/digest';
import type { BasisRecordConcept } from './accountability.enums';

/**
 * 引用时状态 What a cited record was when a case cited it. A case rests on records as they stood
 * at the decision; the records themselves may be corrected later (a finding re-opened, a duty
 * record given a new version), so each citation keeps the fields that matter to the case, the
 * record's version and the newest entry of its owner's audit chain at that moment.
 *
 * The fields are GraphQL fields of the owning level's type with the same name on the entity, so
 * a record of the deciding level (read from its entity) and one of the level below (read through
 * that level's root query) give the same snapshot. Only scalars: a snapshot is what the record
 * said, not what it points at now.
 */
export const SNAPSHOT_FIELDS: Record<BasisRecordConcept, readonly string[]> = {
  ResponsibilityItem: ['id', 'jurisdictionCode', 'year', 'version', 'content', 'basis'],
  Task: ['id', 'jurisdictionCode', 'title', 'description', 'dueDate', 'progress', 'status', 'cancelReason', 'completedAt', 'version'],
  DutyRecord: ['id', 'recordId', 'version', 'jurisdictionCode', 'kind', 'occurredOn', 'taskId', 'responsibilityItemId', 'summary', 'correctionReason', 'archivedAt'],
  SupervisionFinding: ['id', 'jurisdictionCode', 'unitId', 'unitJurisdictionCode', 'description', 'deadline', 'status', 'reopenCount', 'lastReportId', 'closedAt'],
  RectificationReport: ['id', 'findingId', 'jurisdictionCode', 'summary', 'submittedBy', 'submittedAt'],
  AssessmentScoreSheet: ['id', 'assessorCode', 'year', 'unitId', 'cadreId', 'democraticScore', 'taskCompletionRate', 'deduction', 'deductionNote', 'total', 'rank', 'grade'],
};

/** The snapshot's fields of one record (an entity or a peer's answer): dates as ISO strings, absent as null. */
export function snapshotOf(concept: BasisRecordConcept, record: object, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const values = record as Record<string, unknown>;
  const picked: Record<string, unknown> = {};
  for (const field of SNAPSHOT_FIELDS[concept]) {
    const value = values[field];
    picked[field] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return { ...picked, ...extra };
}

/** One entry of the cited record's audit trail, as the owning level answers it. */
export interface RecordChange {
  seq: string;
  at: Date;
  actorSubject: string;
  actorCode: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

/** A cited record as its owning level holds it at one moment: the snapshot and its audit trail (oldest first). */
export interface RecordState {
  snapshot: Record<string, unknown>;
  trail: RecordChange[];
}

/** What a citation keeps (the new columns of `accountability_basis`). */
export interface AsCitedColumns {
  recordVersion: number | null;
  citedEntrySeq: string | null;
  citedEntryHash: string | null;
  snapshot: Record<string, unknown>;
  snapshotHash: string;
  snapshotAlgorithm: DigestAlgorithm;
}

/** The reference a seal binds the snapshot to. */
export interface SealedReference {
  recordLevel: string;
  recordType: string;
  recordId: string;
  citedAt: Date;
}

type Sealed = SealedReference & Pick<AsCitedColumns, 'recordVersion' | 'citedEntrySeq' | 'citedEntryHash' | 'snapshot'>;

/**
 * The snapshot's hash: over the reference, the moment, the cited audit entry (seq and hash) and
 * the snapshot, in canonical JSON (key order does not survive jsonb). Editing any of them in the
 * deciding level's database, or pointing the snapshot at another entry, breaks the hash; the
 * whole row, hash included, is also in the case's own audit entry (`create` / `cite`), which the
 * deciding level's chain covers.
 */
export function sealOf(algorithm: DigestAlgorithm, sealed: Sealed): string {
  return digestHex(
    algorithm,
    canonicalJson({
      recordLevel: sealed.recordLevel,
      recordType: sealed.recordType,
      recordId: sealed.recordId,
      citedAt: sealed.citedAt.toISOString(),
      recordVersion: sealed.recordVersion,
      citedEntrySeq: sealed.citedEntrySeq,
      citedEntryHash: sealed.citedEntryHash,
      snapshot: sealed.snapshot,
    }),
  );
}

/** What to keep with a citation made at `citedAt` of a record in `state`. */
export function asCitedColumns(algorithm: DigestAlgorithm, reference: SealedReference, state: RecordState): AsCitedColumns {
  const newest = state.trail.at(-1) ?? null;
  const version = state.snapshot.version;
  const columns = {
    recordVersion: typeof version === 'number' ? version : null,
    citedEntrySeq: newest?.seq ?? null,
    citedEntryHash: newest?.hash ?? null,
    snapshot: state.snapshot,
  };
  return { ...columns, snapshotHash: sealOf(algorithm, { ...reference, ...columns }), snapshotAlgorithm: algorithm };
}

/** Whether a stored snapshot still matches the hash stored with it. */
type Nullable<T> = { [K in keyof T]: T[K] | null };

export function snapshotIntact(row: SealedReference & Nullable<AsCitedColumns>): boolean {
  if (!row.snapshot || !row.snapshotHash || !row.snapshotAlgorithm) return false;
  return sealOf(row.snapshotAlgorithm, { ...row, snapshot: row.snapshot }) === row.snapshotHash;
}

/**
 * The changes after the citation: entries after the cited one when there was one, else entries
 * written after the moment of citation (a record with no audit entry yet, or an old citation).
 */
export function changesAfter(trail: readonly RecordChange[], cited: { citedEntrySeq: string | null; citedAt: Date }): RecordChange[] {
  if (cited.citedEntrySeq !== null) {
    const seq = BigInt(cited.citedEntrySeq);
    return trail.filter((entry) => BigInt(entry.seq) > seq);
  }
  return trail.filter((entry) => entry.at.getTime() > cited.citedAt.getTime());
}

/** Two snapshots say the same (whatever their key order). */
export function sameSnapshot(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
