import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import { z } from 'zod';

/**
 * 杂凑算法 The hash functions the platform may use for its chains and evidence digests:
 * SHA-256, or SM3 (GB/T 32905-2016) where commercial cryptography is required. Both give 32 bytes.
 */
export const DIGEST_ALGORITHMS = ['sha256', 'sm3'] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

export const digestAlgorithmSchema = z.enum(DIGEST_ALGORITHMS);

/** The hex digest of the parts in order, under the named algorithm (Node's OpenSSL provides both). */
export function digestHex(algorithm: DigestAlgorithm, ...parts: BinaryLike[]): string {
  const hash = createHash(algorithm);
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

export function hmac(algorithm: DigestAlgorithm, key: BinaryLike, ...parts: BinaryLike[]): Buffer {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}
