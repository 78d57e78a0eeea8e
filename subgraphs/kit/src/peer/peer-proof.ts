import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import type { JWK } from 'jose';
import { LEVELS, type Level } from '../jurisdiction/admin-code';

/**
 * Who a peer call comes from is proven, not claimed: the calling subgraph signs (Ed25519, its
 * own key) the method, the path, a timestamp, a one-time nonce and the SHA-256 of the body; the
 * receiver checks the signature with that subgraph's public key, refuses a timestamp outside
 * the window and a nonce it has already seen. The gateway secret alone proves nothing here.
 */
export const PEER_HEADER = 'x-peer-subgraph';
export const PEER_TIMESTAMP_HEADER = 'x-peer-timestamp';
export const PEER_NONCE_HEADER = 'x-peer-nonce';
export const PEER_SIGNATURE_HEADER = 'x-peer-signature';

/** A subgraph's own signing key and the public keys of every level it accepts peer calls from. */
export interface PeerKeys {
  privateJwk?: JWK;
  publicJwks: Partial<Record<Level, JWK>>;
}

/** One Ed25519 key pair per level (the launcher and the tests provision these). */
export function newPeerKeyPairs(): Record<Level, { privateJwk: JWK; publicJwk: JWK }> {
  const pairs = {} as Record<Level, { privateJwk: JWK; publicJwk: JWK }>;
  for (const level of LEVELS) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    pairs[level] = { privateJwk: privateKey.export({ format: 'jwk' }) as JWK, publicJwk: publicKey.export({ format: 'jwk' }) as JWK };
  }
  return pairs;
}

/** The keys one level's subgraph needs: its own private key, every level's public key. */
export function peerKeysFor(level: Level, pairs: Record<Level, { privateJwk: JWK; publicJwk: JWK }>): PeerKeys {
  return {
    privateJwk: pairs[level].privateJwk,
    publicJwks: Object.fromEntries(LEVELS.map((other) => [other, pairs[other].publicJwk])) as Record<Level, JWK>,
  };
}

export function bodyDigest(body: Buffer | string): string {
  return createHash('sha256').update(body).digest('base64url');
}

function signedText(level: string, method: string, path: string, timestamp: string, nonce: string, digest: string): string {
  return ['peer-v1', level, method.toUpperCase(), path, timestamp, nonce, digest].join('\n');
}

export class PeerSigner {
  private readonly key: KeyObject;

  constructor(
    readonly level: Level,
    privateJwk: JWK,
  ) {
    this.key = createPrivateKey({ key: privateJwk as import('node:crypto').JsonWebKey, format: 'jwk' });
  }

  headers(method: string, url: string, body: string): Record<string, string> {
    const timestamp = String(Date.now());
    const nonce = randomUUID();
    const text = signedText(this.level, method, new URL(url).pathname, timestamp, nonce, bodyDigest(body));
    return {
      [PEER_HEADER]: this.level,
      [PEER_TIMESTAMP_HEADER]: timestamp,
      [PEER_NONCE_HEADER]: nonce,
      [PEER_SIGNATURE_HEADER]: sign(null, Buffer.from(text), this.key).toString('base64url'),
    };
  }
}

export interface PeerRequest {
  method: string;
  path: string;
  header(name: string): string | undefined;
  digest: string;
}

export type PeerVerdict = { ok: true; level: Level } | { ok: false; reason: string };

export class PeerVerifier {
  private readonly keys = new Map<Level, KeyObject>();
  /** nonce → the time after which it can no longer be replayed anyway (outside the window). */
  private readonly seen = new Map<string, number>();

  constructor(
    publicJwks: Partial<Record<Level, JWK>>,
    private readonly windowMs = 30_000,
    private readonly maxNonces = 100_000,
  ) {
    for (const [level, jwk] of Object.entries(publicJwks)) {
      if (jwk) this.keys.set(level as Level, createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' }));
    }
  }

  verify(request: PeerRequest): PeerVerdict {
    const level = request.header(PEER_HEADER);
    const timestamp = request.header(PEER_TIMESTAMP_HEADER) ?? '';
    const nonce = request.header(PEER_NONCE_HEADER) ?? '';
    const signature = request.header(PEER_SIGNATURE_HEADER) ?? '';
    const key = LEVELS.find((candidate) => candidate === level) && this.keys.get(level as Level);
    if (!key) return { ok: false, reason: `no key for peer "${level}"` };
    const now = Date.now();
    const sent = Number(timestamp);
    if (!/^\d{13}$/.test(timestamp) || Math.abs(now - sent) > this.windowMs) return { ok: false, reason: 'timestamp outside the window' };
    if (!/^[0-9a-f-]{36}$/.test(nonce)) return { ok: false, reason: 'malformed nonce' };
    const text = signedText(level!, request.method, request.path, timestamp, nonce, request.digest);
    let valid = false;
    try {
      valid = verify(null, Buffer.from(text), key, Buffer.from(signature, 'base64url'));
    } catch {
      valid = false;
    }
    if (!valid) return { ok: false, reason: 'bad signature' };
    this.forgetExpired(now);
    if (this.seen.has(nonce)) return { ok: false, reason: 'replayed' };
    if (this.seen.size >= this.maxNonces) return { ok: false, reason: 'too many peer calls in the window' };
    this.seen.set(nonce, sent + this.windowMs);
    return { ok: true, level: level as Level };
  }

  private forgetExpired(now: number): void {
    for (const [nonce, until] of this.seen) {
      if (until >= now) break; // insertion order is roughly time order
      this.seen.delete(nonce);
    }
  }
}
