import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { JWT_ALGORITHM, keyId } from './tokens';
import { newPeerKeyPairs } from '../peer/peer-proof';
import type { Level } from '../jurisdiction/admin-code';

export interface LocalSecrets {
  privateJwk: JWK;
  publicJwk: JWK;
  gatewaySecret: string;
  /** One Ed25519 key pair per level: peer calls are signed with these (peer-proof.ts). */
  peerKeyPairs: Record<Level, { privateJwk: JWK; publicJwk: JWK }>;
}

/**
 * The signing key pair and the gateway's shared secret for a local installation. They are
 * made on first start and kept in a git-ignored folder, so no secret ever sits in the repo
 * and a second start keeps accepting the tokens the first one issued.
 */
export async function ensureLocalSecrets(dir: string): Promise<LocalSecrets> {
  const privatePath = join(dir, 'jwt-private.jwk.json');
  const publicPath = join(dir, 'jwt-public.jwk.json');
  const secretPath = join(dir, 'gateway-secret');
  const peerPath = join(dir, 'peer-keys.json');
  // Only the secrets folder is private: parents stay traversable for the PostgreSQL user.
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o700);
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    const { privateJwk, publicJwk } = await newKeyPair();
    writeFileSync(privatePath, JSON.stringify(privateJwk), { mode: 0o600 });
    writeFileSync(publicPath, JSON.stringify(publicJwk), { mode: 0o644 });
  }
  if (!existsSync(peerPath)) {
    writeFileSync(peerPath, JSON.stringify(newPeerKeyPairs()), { mode: 0o600 });
  }
  if (!existsSync(secretPath)) {
    writeFileSync(secretPath, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return {
    privateJwk: JSON.parse(readFileSync(privatePath, 'utf8')) as JWK,
    publicJwk: JSON.parse(readFileSync(publicPath, 'utf8')) as JWK,
    gatewaySecret: readFileSync(secretPath, 'utf8').trim(),
    peerKeyPairs: JSON.parse(readFileSync(peerPath, 'utf8')) as LocalSecrets['peerKeyPairs'],
  };
}

/** A signing key pair whose two halves carry the same `kid`, so a rotated key set can tell keys apart. */
export async function newKeyPair(): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const pair = await generateKeyPair(JWT_ALGORITHM, { extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await keyId(publicJwk);
  return {
    privateJwk: { ...(await exportJWK(pair.privateKey)), kid, alg: JWT_ALGORITHM },
    publicJwk: { ...publicJwk, kid, alg: JWT_ALGORITHM },
  };
}

/** A fresh key pair and secret held in memory only (tests). */
export async function ephemeralSecrets(): Promise<LocalSecrets> {
  return { ...(await newKeyPair()), gatewaySecret: randomBytes(32).toString('hex'), peerKeyPairs: newPeerKeyPairs() };
}
