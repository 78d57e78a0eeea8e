import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { digestAlgorithmSchema, type DigestAlgorithm } from './digest';
import { EVIDENCE_CIPHERS, type EvidenceKeyRing } from './evidence-cipher';

/** 密码配置 The cryptography one level's deployment chose. */
export interface CryptoSettings {
  /** Hash of new audit and read-trace entries and of new evidence digests; old entries keep theirs. */
  digestAlgorithm: DigestAlgorithm;
  /** Without a key ring evidence is stored as it came (development); with one, sealed. */
  evidenceKeys?: EvidenceKeyRing;
}

export const DEFAULT_CRYPTO_SETTINGS: CryptoSettings = { digestAlgorithm: 'sha256' };

const hexKey = z.string().regex(/^[0-9a-fA-F]{64}$/, 'each evidence key must be 32 bytes as 64 hex digits');

export const cryptoEnvSchema = z.object({
  DIGEST_ALGORITHM: digestAlgorithmSchema.default('sha256'),
  EVIDENCE_CIPHER: z.enum(EVIDENCE_CIPHERS).default('sm4-cbc-hmac-sm3'),
  /** `{"<key id>":"<64 hex>", …}`: this level's data keys, old ones kept for reading. */
  EVIDENCE_KEYS: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of key id → 64 hex digits' });
        return z.NEVER;
      }
    })
    .pipe(z.record(z.string().min(1).max(64), hexKey))
    .optional(),
  EVIDENCE_KEY_ID: z.string().min(1).max(64).optional(),
});

export function cryptoSettingsFromEnv(env: z.infer<typeof cryptoEnvSchema>): CryptoSettings {
  if (!env.EVIDENCE_KEYS) return { digestAlgorithm: env.DIGEST_ALGORITHM };
  const keys = new Map(Object.entries(env.EVIDENCE_KEYS).map(([id, hex]) => [id, Buffer.from(hex, 'hex')]));
  const activeKeyId = env.EVIDENCE_KEY_ID ?? [...keys.keys()].at(-1)!;
  if (!keys.has(activeKeyId)) throw new Error(`EVIDENCE_KEY_ID ${activeKeyId} is not among EVIDENCE_KEYS`);
  return { digestAlgorithm: env.DIGEST_ALGORITHM, evidenceKeys: { cipher: env.EVIDENCE_CIPHER, activeKeyId, keys } };
}

/**
 * Settings travel with the level's ORM configuration, which every forked EntityManager shares:
 * the three levels of a test run in one process and must not see each other's keys, and the
 * code that appends to a chain already holds the EntityManager.
 */
const settingsByOrm = new WeakMap<object, CryptoSettings>();

export function registerCryptoSettings(em: EntityManager, settings: CryptoSettings): void {
  settingsByOrm.set(em.config, settings);
}

export function cryptoSettingsOf(em: EntityManager): CryptoSettings {
  return settingsByOrm.get(em.config) ?? DEFAULT_CRYPTO_SETTINGS;
}
