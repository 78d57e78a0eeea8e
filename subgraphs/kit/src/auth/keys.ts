import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { JWT_ALGORITHM } from './tokens';

export interface LocalSecrets {
  privateJwk: JWK;
  publicJwk: JWK;
  gatewaySecret: string;
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
  // Only the secrets folder is private: parents stay traversable for the PostgreSQL user.
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o700);
  if (!existsSync(privatePath) || !existsSync(publicPath)) {
    const pair = await generateKeyPair(JWT_ALGORITHM, { extractable: true });
    writeFileSync(privatePath, JSON.stringify(await exportJWK(pair.privateKey)), { mode: 0o600 });
    writeFileSync(publicPath, JSON.stringify(await exportJWK(pair.publicKey)), { mode: 0o644 });
  }
  if (!existsSync(secretPath)) {
    writeFileSync(secretPath, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return {
    privateJwk: JSON.parse(readFileSync(privatePath, 'utf8')) as JWK,
    publicJwk: JSON.parse(readFileSync(publicPath, 'utf8')) as JWK,
    gatewaySecret: readFileSync(secretPath, 'utf8').trim(),
  };
}

/** A fresh key pair and secret held in memory only (tests). */
export async function ephemeralSecrets(): Promise<LocalSecrets> {
  const pair = await generateKeyPair(JWT_ALGORITHM, { extractable: true });
  return {
    privateJwk: await exportJWK(pair.privateKey),
    publicJwk: await exportJWK(pair.publicKey),
    gatewaySecret: randomBytes(32).toString('hex'),
  };
}
