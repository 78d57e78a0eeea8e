import { requirePrincipal } from '../authz/guards';
import type { DutyRecordLoaders } from '../duty-record/duty-record.loaders';
import type { Level } from '../jurisdiction/admin-code';
import type { SubgraphContext } from '../server/context';
import type { AccountabilityBasisEntity } from './accountability.entity';
import type { AccountabilityBasisAsCitedType } from './accountability.types';
import { lookUpBasisRecord } from './basis-references';
import { changesAfter, sameSnapshot, snapshotIntact, type RecordState } from './basis-snapshot';

/**
 * 问责依据在线倒查, as cited and as now: the trace reads each cited record again from its owning
 * level, the same way the citation read it (`lookUpBasisRecord`), once per request and record,
 * and sets it beside what the citation kept.
 */
type Context = SubgraphContext<DutyRecordLoaders>;

const readsOfRequest = new WeakMap<object, Map<string, Promise<RecordState | null>>>();

/** The cited record's snapshot and audit trail now; null if the record no longer exists. A level that cannot be read fails the field. */
export function citedRecordNow(context: Context, decidingLevel: Level, basis: AccountabilityBasisEntity): Promise<RecordState | null> {
  let reads = readsOfRequest.get(context);
  if (!reads) readsOfRequest.set(context, (reads = new Map()));
  let read = reads.get(basis.id);
  if (!read) {
    const field = `basisTrace.${basis.position}`;
    read = lookUpBasisRecord(context, requirePrincipal(context), decidingLevel, basis.recordLevel, basis.kind, basis.recordId, field, false).then((found) => found?.state ?? null);
    reads.set(basis.id, read);
  }
  return read;
}

/** What the citation kept; null for a citation made before snapshots were kept. */
export function asCitedOf(basis: AccountabilityBasisEntity): AccountabilityBasisAsCitedType | null {
  if (!basis.snapshot || !basis.snapshotHash || !basis.snapshotAlgorithm) return null;
  return {
    citedAt: basis.citedAt,
    recordVersion: basis.recordVersion,
    auditEntrySeq: basis.citedEntrySeq,
    auditEntryHash: basis.citedEntryHash,
    snapshot: basis.snapshot,
    snapshotHash: basis.snapshotHash,
    snapshotAlgorithm: basis.snapshotAlgorithm,
    snapshotIntact: snapshotIntact(basis),
  };
}

/** Says why there is no snapshot, without making one up. */
export function noSnapshotReasonOf(basis: AccountabilityBasisEntity): string | null {
  if (basis.snapshot) return null;
  const on = basis.citedAt.toISOString().slice(0, 10);
  return (
    `该依据引用于${on}，早于平台留存引用时状态，无引用时快照；引用后的变更见 changesSinceCited / ` +
    `cited on ${on}, before the platform kept what a cited record was when cited: there is no snapshot, and none is made up; changesSinceCited lists the record's audited changes after the citation`
  );
}

/** Changed after the citation: an audited change since, or (where a snapshot was kept) a state unlike it. */
export function changedSince(basis: AccountabilityBasisEntity, now: RecordState | null): boolean | null {
  if (!now) return null;
  if (changesAfter(now.trail, basis).length > 0) return true;
  return basis.snapshot ? !sameSnapshot(basis.snapshot, now.snapshot) : false;
}
