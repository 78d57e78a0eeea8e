import type { EntityManager } from '@mikro-orm/postgresql';
import { cryptoSettingsOf } from '../crypto/crypto-settings';
import { digestHex, type DigestAlgorithm } from '../crypto/digest';
import type { Principal } from '../auth/principal';
import type { AuditEntityTypeName } from './audit-entity-type';
import { AuditEntryEntity } from './audit-entry.entity';
import { canonicalJson, snapshot } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Any constant key: with the hash of the owner's code as the second key it names the lock that
 * serialises the writers of one jurisdiction's chain. Two codes hashing alike only share a lock.
 */
const AUDIT_CHAIN_LOCK = 7_201_000;

export interface AuditChange {
  action: string;
  entityType: AuditEntityTypeName;
  entityId: string;
  ownerCode: string;
  before?: object | null;
  after?: object | null;
}

type HashedFields = Pick<
  AuditEntryEntity,
  'at' | 'actorSubject' | 'actorCode' | 'ownerCode' | 'action' | 'entityType' | 'entityId' | 'before' | 'after' | 'prevHash'
> & { algorithm: DigestAlgorithm };

/**
 * The hash covers every field but the position and the hash itself, named one by one, under the
 * entry's own algorithm: a chain may switch from SHA-256 to SM3 at any entry and still verify
 * (and changing the recorded algorithm of an entry changes what its hash must be).
 */
export function hashEntry(entry: HashedFields): string {
  const body = canonicalJson({
    at: entry.at.toISOString(),
    actorSubject: entry.actorSubject,
    actorCode: entry.actorCode,
    ownerCode: entry.ownerCode,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before,
    after: entry.after,
  });
  return digestHex(entry.algorithm, entry.prevHash, body);
}

/**
 * Appends one entry to the audit chain. Must run inside the transaction of the change it
 * records, so that a rolled-back change leaves no entry and a committed one always has one.
 * The advisory lock makes concurrent writers of one chain take turns: each must see the previous
 * hash. Each owning jurisdiction has its own chain, so writers of unrelated jurisdictions do not
 * wait for each other (a transaction that audits two owners takes both locks; the database
 * breaks the rare deadlock of two such transactions by failing one, which changes nothing).
 */
export async function appendAudit(em: EntityManager, principal: Principal, change: AuditChange): Promise<AuditEntryEntity> {
  if (!em.isInTransaction()) throw new Error('appendAudit must run inside the transaction of the change');
  const connection = em.getConnection();
  const transaction = em.getTransactionContext();
  await connection.execute('select pg_advisory_xact_lock(?, hashtext(?))', [AUDIT_CHAIN_LOCK, change.ownerCode], 'all', transaction);
  const last = await connection.execute<{ hash: string }>(
    // The chain's newest hash, whoever wrote it: row-level security hides entries the actor may
    // not read (a peer's entry in an owner's chain), so a function with the owner's rights reads just this one.
    'select audit_chain_tail(?) as "hash"',
    [change.ownerCode],
    'get',
    transaction,
  );
  const entry: HashedFields = {
    at: new Date(),
    actorSubject: principal.subject,
    actorCode: principal.code,
    ownerCode: change.ownerCode,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: snapshot(change.before),
    after: snapshot(change.after),
    prevHash: (last as { hash: string } | undefined)?.hash ?? GENESIS_HASH,
    algorithm: cryptoSettingsOf(em).digestAlgorithm,
  };
  const row = em.create(AuditEntryEntity, { ...entry, chain: change.ownerCode, hash: hashEntry(entry) });
  await em.persistAndFlush(row);
  return row;
}

export interface AuditChainReport {
  valid: boolean;
  entriesChecked: number;
  /** The first entry whose stored hash or link does not match; null when the chain is whole. */
  firstInvalidSeq: string | null;
  reason: string | null;
}

/**
 * Re-computes every hash in order of position, a page at a time, each entry linked to the one
 * before it in its own chain, and reports the first break.
 */
export async function verifyAuditChain(em: EntityManager, pageSize = 1000): Promise<AuditChainReport> {
  const lastHashOf = new Map<string | null, string>();
  let checked = 0;
  let after = '0';
  for (;;) {
    const page = await em.find(
      AuditEntryEntity,
      { seq: { $gt: after } },
      { orderBy: { seq: 'asc' }, limit: pageSize, disableIdentityMap: true },
    );
    for (const entry of page) {
      const chain = entry.chain ?? null;
      if (entry.prevHash !== (lastHashOf.get(chain) ?? GENESIS_HASH)) {
        return { valid: false, entriesChecked: checked, firstInvalidSeq: entry.seq, reason: 'link to the previous entry is broken' };
      }
      if (hashEntry(entry) !== entry.hash) {
        return { valid: false, entriesChecked: checked, firstInvalidSeq: entry.seq, reason: 'contents do not match the hash' };
      }
      lastHashOf.set(chain, entry.hash);
      checked += 1;
    }
    if (page.length < pageSize) return { valid: true, entriesChecked: checked, firstInvalidSeq: null, reason: null };
    after = page[page.length - 1].seq;
  }
}
