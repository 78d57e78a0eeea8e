import { randomBytes } from 'node:crypto';
import { sm2 } from 'sm-crypto';
import { DEFAULT_TOKEN_POLICY } from '../auth/token-keys';
import { JWT_AUDIENCE, JWT_ISSUER, signSm2Token } from '../auth/tokens';
import { digestHex } from './digest';
import { openEvidence, sealEvidence, type EvidenceKeyRing } from './evidence-cipher';
import { newSm2KeyPair, signSm2Jwt, sm2PublicJwk, sm2PublicKeyHex, verifySm2Jwt } from './sm2-token';

/**
 * GB/T 32918.5-2017 (GM/T 0003.5-2012) 附录 A 数字签名与验证示例, on the recommended 256-bit curve:
 * message "message digest", user id "1234567812345678" (ALICE's ID in the standard's notation).
 */
const STANDARD = {
  privateKey: '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8',
  publicKey:
    '04' + '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' + 'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13',
  message: 'message digest',
  signature: 'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' + 'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa',
};

describe('SM3 (GB/T 32905-2016 examples)', () => {
  it('hashes "abc" and the 64-byte "abcd…" message to the standard digests', () => {
    expect(digestHex('sm3', 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(digestHex('sm3', 'abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
});

describe('SM2 signatures (sm-crypto) against the standard example', () => {
  it('derives the example public key from its private key', () => {
    expect(sm2.getPublicKeyFromPrivateKey(STANDARD.privateKey)).toBe(STANDARD.publicKey);
  });

  it('verifies the example signature, and refuses it for another message or a changed signature', () => {
    const verify = (message: string, signature: string) =>
      sm2.doVerifySignature(message, signature, STANDARD.publicKey, { hash: true, der: false, userId: '1234567812345678' });
    expect(verify(STANDARD.message, STANDARD.signature)).toBe(true);
    expect(verify('message digesT', STANDARD.signature)).toBe(false);
    const flipped = STANDARD.signature.slice(0, -1) + (STANDARD.signature.endsWith('a') ? 'b' : 'a');
    expect(verify(STANDARD.message, flipped)).toBe(false);
  });

  it('round-trips the public key through its JWK form', () => {
    expect(sm2PublicKeyHex(sm2PublicJwk(STANDARD.publicKey, 'k'))).toBe(STANDARD.publicKey);
  });
});

describe('SM2 tokens', () => {
  const pair = newSm2KeyPair('sm2-test');
  const keys = new Map([['sm2-test', sm2PublicKeyHex(pair.publicJwk)]]);
  const rules = { issuer: JWT_ISSUER, audience: JWT_AUDIENCE, policy: DEFAULT_TOKEN_POLICY };
  const request = { subject: 'u1', level: 'district' as const, code: '120116', roles: ['commission' as const] };

  it('verifies a token it signed and reads its claims', () => {
    const payload = verifySm2Jwt(signSm2Token(request, { privateKeyHex: pair.privateKeyHex, kid: 'sm2-test' }), keys, rules);
    expect(payload).toMatchObject({ sub: 'u1', code: '120116', iss: JWT_ISSUER });
  });

  it('refuses another key, a changed payload, an unknown kid, an expired token and a 100-year lifetime', () => {
    const other = newSm2KeyPair('sm2-test');
    expect(() => verifySm2Jwt(signSm2Token(request, { privateKeyHex: other.privateKeyHex, kid: 'sm2-test' }), keys, rules)).toThrow(/SIGNATURE/);
    const [header, , signature] = signSm2Token(request, { privateKeyHex: pair.privateKeyHex, kid: 'sm2-test' }).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', code: '120000', level: 'city', roles: ['commission'] })).toString('base64url');
    expect(() => verifySm2Jwt(`${header}.${forged}.${signature}`, keys, rules)).toThrow(/SIGNATURE/);
    expect(() => verifySm2Jwt(signSm2Token(request, { privateKeyHex: pair.privateKeyHex, kid: 'nope' }), keys, rules)).toThrow(/NO_MATCHING_KEY/);
    const now = Math.floor(Date.now() / 1000);
    const base = { sub: 'u1', iss: JWT_ISSUER, aud: JWT_AUDIENCE, level: 'district', code: '120116', roles: ['admin'] };
    expect(() => verifySm2Jwt(signSm2Jwt({ ...base, iat: now - 7200, exp: now - 3600 }, pair.privateKeyHex, 'sm2-test'), keys, rules)).toThrow(/过期/);
    expect(() => verifySm2Jwt(signSm2Jwt({ ...base, iat: now, exp: now + 100 * 365 * 86400 }, pair.privateKeyHex, 'sm2-test'), keys, rules)).toThrow(/有效期过长/);
    expect(() => verifySm2Jwt(signSm2Jwt({ ...base, aud: 'other', iat: now, exp: now + 60 }, pair.privateKeyHex, 'sm2-test'), keys, rules)).toThrow(/aud/);
  });
});

describe('evidence sealing', () => {
  const ring = (cipher: EvidenceKeyRing['cipher'], activeKeyId: string): EvidenceKeyRing => ({
    cipher,
    activeKeyId,
    keys: new Map([
      ['k1', Buffer.alloc(32, 1)],
      ['k2', Buffer.alloc(32, 2)],
    ]),
  });
  const content = Buffer.concat([Buffer.from('谈话记录：'), randomBytes(1000)]);

  it.each(['sm4-cbc-hmac-sm3', 'aes-256-gcm'] as const)('%s round-trips, hides the content and detects a changed byte', (cipher) => {
    const { keyId, sealed } = sealEvidence(ring(cipher, 'k1'), content);
    expect(keyId).toBe('k1');
    expect(sealed.includes(content.subarray(0, 16))).toBe(false);
    expect(openEvidence(ring(cipher, 'k1'), keyId, sealed).equals(content)).toBe(true);
    const tampered = Buffer.from(sealed);
    tampered[40] ^= 1;
    expect(() => openEvidence(ring(cipher, 'k1'), keyId, tampered)).toThrow();
    // The key id is bound in: the same bytes do not open as if sealed under another key.
    expect(() => openEvidence(ring(cipher, 'k1'), 'k2', sealed)).toThrow();
  });

  it('after a rotation old files still open with the old key while new ones use the new key', () => {
    const old = sealEvidence(ring('sm4-cbc-hmac-sm3', 'k1'), content);
    const rotated = ring('sm4-cbc-hmac-sm3', 'k2');
    const fresh = sealEvidence(rotated, content);
    expect(fresh.keyId).toBe('k2');
    expect(openEvidence(rotated, old.keyId, old.sealed).equals(content)).toBe(true);
    expect(openEvidence(rotated, fresh.keyId, fresh.sealed).equals(content)).toBe(true);
  });
});
