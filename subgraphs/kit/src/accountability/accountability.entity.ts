import { BigIntType, Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { DigestAlgorithm } from '../crypto/digest';
import { newId } from '../ids';
import type { Level } from '../jurisdiction/admin-code';
import type { AccountabilityBasisKind, AccountabilityDecisionForm, AccountabilityResponsibilityKind, BasisRecordConcept } from './accountability.enums';

/**
 * 问责 An accountability case, owned by the deciding level (the city's or a district's database).
 * The subject — a unit and/or a cadre of the deciding jurisdiction or one directly below — may
 * live in another database, so it is kept as plain ids plus its jurisdiction code.
 */
@Entity({ tableName: 'accountability_case' })
@Index({ properties: ['jurisdictionCode', 'createdAt'] })
export class AccountabilityCaseEntity {
  [OptionalProps]?:
    | 'id'
    | 'subjectUnitId'
    | 'subjectCadreId'
    | 'status'
    | 'decisionForm'
    | 'decidingBody'
    | 'decidedOn'
    | 'decisionText'
    | 'decidedBy'
    | 'decidedAt'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  /** The deciding jurisdiction, which owns the case. */
  @Property({ type: 'string', length: 9 })
  jurisdictionCode!: string;

  @Index()
  @Property({ type: 'string', length: 9 })
  subjectJurisdictionCode!: string;

  @Property({ type: 'uuid', nullable: true })
  subjectUnitId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  subjectCadreId: string | null = null;

  @Property({ type: 'string', length: 20 })
  responsibilityKind!: `${AccountabilityResponsibilityKind}`;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  facts!: string;

  @Property({ type: 'string', length: 20 })
  status: 'OPEN' | 'DECIDED' = 'OPEN';

  @Property({ type: 'string', length: 40, nullable: true })
  decisionForm: `${AccountabilityDecisionForm}` | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  decidingBody: string | null = null;

  @Property({ type: 'date', nullable: true })
  decidedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  decisionText: string | null = null;

  @Property({ type: 'string', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'Date', nullable: true })
  decidedAt: Date | null = null;

  @Property({ type: 'string' })
  openedBy!: string;

  @Property({ type: 'Date' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/**
 * 问责依据 One record a case rests on, named by level, concept and id. The record itself stays in
 * its owner's database and is read from there (through the gateway) whenever the case is traced;
 * beside the reference the row keeps what the record was when cited (`snapshot`, its version and
 * the newest entry of its owner's audit chain then), so the trace shows both and what changed.
 */
@Entity({ tableName: 'accountability_basis' })
@Unique({ properties: ['caseId', 'kind', 'recordId'] })
@Unique({ properties: ['caseId', 'position'] })
export class AccountabilityBasisEntity {
  [OptionalProps]?: 'id' | 'note' | 'citedAt' | 'recordVersion' | 'citedEntrySeq' | 'citedEntryHash' | 'snapshot' | 'snapshotHash' | 'snapshotAlgorithm';

  @PrimaryKey({ type: 'uuid' })
  id: string = newId();

  @Property({ type: 'uuid' })
  caseId!: string;

  /** The case's deciding jurisdiction, repeated so a basis row says whose it is. */
  @Property({ type: 'string', length: 9 })
  ownerCode!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'string', length: 30 })
  kind!: `${AccountabilityBasisKind}`;

  @Property({ type: 'string', length: 10 })
  recordLevel!: Level;

  @Property({ type: 'string', length: 30 })
  recordType!: BasisRecordConcept;

  @Property({ type: 'uuid' })
  recordId!: string;

  /** The jurisdiction that owned the record when it was cited (checked then). */
  @Property({ type: 'string', length: 9 })
  recordOwnerCode!: string;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'string' })
  citedBy!: string;

  @Property({ type: 'Date' })
  citedAt: Date = new Date();

  /** The record's `version` when cited (records that keep one); null otherwise and on older citations. */
  @Property({ type: 'integer', nullable: true })
  recordVersion: number | null = null;

  /** Position (`seq`) of the newest audit entry of the record in its owner's chain when cited. */
  @Property({ type: new BigIntType('string'), nullable: true })
  citedEntrySeq: string | null = null;

  /** That entry's hash, as the owner's chain held it. */
  @Property({ type: 'string', length: 64, nullable: true })
  citedEntryHash: string | null = null;

  /** The fields of the record that matter to the case, as its owning level answered when cited (basis-snapshot.ts). */
  @Property({ type: 'json', nullable: true })
  snapshot: Record<string, unknown> | null = null;

  /** Hash over the reference, the cited entry and the snapshot (basis-snapshot.ts `sealOf`). */
  @Property({ type: 'string', length: 64, nullable: true })
  snapshotHash: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  snapshotAlgorithm: DigestAlgorithm | null = null;
}

/** Tables of `accountabilityMigration` (city, district). */
export const ACCOUNTABILITY_ENTITIES = [AccountabilityCaseEntity, AccountabilityBasisEntity];
