import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { hmac } from './digest';

/**
 * 佐证材料加密 Evidence content sealed at rest under a level's data key.
 *
 * Node's OpenSSL has no SM4-GCM, so the SM4 mode is SM4-CBC with an HMAC-SM3 over the header,
 * IV and ciphertext (encrypt-then-MAC; the MAC is checked before anything is decrypted). Where a
 * deployment prefers it, AES-256-GCM. The sealed bytes name their cipher in the first byte, and
 * the row names its key id, so keys rotate without re-encrypting old rows: a new key becomes the
 * active one for new files, old keys stay in the key ring for reading.
 */
export const EVIDENCE_CIPHERS = ['sm4-cbc-hmac-sm3', 'aes-256-gcm'] as const;
export type EvidenceCipher = (typeof EVIDENCE_CIPHERS)[number];

const CIPHER_TAG: Record<EvidenceCipher, number> = { 'sm4-cbc-hmac-sm3': 1, 'aes-256-gcm': 2 };

export interface EvidenceKeyRing {
  cipher: EvidenceCipher;
  /** The key id new files are sealed under. */
  activeKeyId: string;
  /** Every key still needed to read: 32-byte data keys by key id. */
  keys: ReadonlyMap<string, Buffer>;
}

export interface SealedEvidence {
  keyId: string;
  sealed: Buffer;
}

/** The SM4 and MAC keys are derived from the one data key, so each purpose has its own key. */
function sm4Keys(dataKey: Buffer) {
  return { encrypt: hmac('sm3', dataKey, 'evidence-sm4-encrypt').subarray(0, 16), mac: hmac('sm3', dataKey, 'evidence-sm3-mac') };
}

export function sealEvidence(ring: EvidenceKeyRing, content: Buffer): SealedEvidence {
  const keyId = ring.activeKeyId;
  const dataKey = ring.keys.get(keyId);
  if (!dataKey) throw new Error(`evidence key ${keyId} is not in the key ring`);
  const header = Buffer.from([CIPHER_TAG[ring.cipher]]);
  // The key id is bound into the MAC / GCM tag, so a row cannot be made to claim another key.
  const aad = Buffer.from(keyId, 'utf8');
  if (ring.cipher === 'aes-256-gcm') {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
    cipher.setAAD(Buffer.concat([header, aad]));
    const body = Buffer.concat([cipher.update(content), cipher.final()]);
    return { keyId, sealed: Buffer.concat([header, iv, body, cipher.getAuthTag()]) };
  }
  const keys = sm4Keys(dataKey);
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', keys.encrypt, iv);
  const body = Buffer.concat([cipher.update(content), cipher.final()]);
  const tag = hmac('sm3', keys.mac, header, aad, iv, body);
  return { keyId, sealed: Buffer.concat([header, iv, body, tag]) };
}

export function openEvidence(ring: EvidenceKeyRing, keyId: string, sealed: Buffer): Buffer {
  const dataKey = ring.keys.get(keyId);
  if (!dataKey) throw new Error(`evidence key ${keyId} is not in the key ring (was it removed before its rows were re-encrypted?)`);
  const aad = Buffer.from(keyId, 'utf8');
  const header = sealed.subarray(0, 1);
  if (header[0] === CIPHER_TAG['aes-256-gcm']) {
    const iv = sealed.subarray(1, 13);
    const decipher = createDecipheriv('aes-256-gcm', dataKey, iv);
    decipher.setAAD(Buffer.concat([header, aad]));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(13, sealed.length - 16)), decipher.final()]);
  }
  if (header[0] !== CIPHER_TAG['sm4-cbc-hmac-sm3']) throw new Error('sealed evidence names an unknown cipher');
  const keys = sm4Keys(dataKey);
  const iv = sealed.subarray(1, 17);
  const body = sealed.subarray(17, sealed.length - 32);
  const tag = sealed.subarray(sealed.length - 32);
  const expected = hmac('sm3', keys.mac, header, aad, iv, body);
  if (tag.length !== expected.length || !timingSafeEqual(tag, expected)) throw new Error('sealed evidence fails its integrity check');
  const decipher = createDecipheriv('sm4-cbc', keys.encrypt, iv);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}
