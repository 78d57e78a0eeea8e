import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { cryptoSettingsOf } from './crypto-settings';
import { digestHex, type DigestAlgorithm } from './digest';
import { openEvidence, sealEvidence } from './evidence-cipher';

/** The columns of one evidence file as stored: digests of the plaintext, content sealed when the level has keys. */
export interface StoredEvidence {
  sha256: string;
  digestAlgorithm: DigestAlgorithm;
  digest: string;
  keyId: string | null;
  content: Buffer;
}

/**
 * The one hook on the attachment write path. The SHA-256 stays (it is how copies and duplicates
 * are recognised); the level's own digest is beside it; the bytes written are sealed under the
 * active data key when the level has one.
 */
export function storeEvidence(em: EntityManager, plaintext: Buffer): StoredEvidence {
  const settings = cryptoSettingsOf(em);
  const sha256 = createHash('sha256').update(plaintext).digest('hex');
  const digest = settings.digestAlgorithm === 'sha256' ? sha256 : digestHex(settings.digestAlgorithm, plaintext);
  if (!settings.evidenceKeys) return { sha256, digestAlgorithm: settings.digestAlgorithm, digest, keyId: null, content: plaintext };
  const { keyId, sealed } = sealEvidence(settings.evidenceKeys, plaintext);
  return { sha256, digestAlgorithm: settings.digestAlgorithm, digest, keyId, content: sealed };
}

/** The one hook on the read path: the plaintext of a stored file (rows without a key id were stored as they came). */
export function readEvidence(em: EntityManager, row: { keyId: string | null; content: Buffer }): Buffer {
  if (row.keyId === null) return row.content;
  const ring = cryptoSettingsOf(em).evidenceKeys;
  if (!ring) throw new Error(`evidence sealed under key ${row.keyId}, but this level has no evidence keys configured`);
  return openEvidence(ring, row.keyId, row.content);
}
