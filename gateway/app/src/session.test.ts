import { signToken, ephemeralSecrets } from '@supervision/kit';
import { levelOfCode, sessionFromToken } from './session';

describe('sessionFromToken', () => {
  it('reads level, code, roles and expiry from a platform token', async () => {
    const secrets = await ephemeralSecrets();
    const token = await signToken({ subject: 's', level: 'district', code: '120117', roles: ['commission'], name: '王芳', expiresIn: '1h' }, secrets.privateJwk);
    const session = sessionFromToken(`  ${token}\n`);
    expect(session).toMatchObject({ token, level: 'district', code: '120117', roles: ['commission'], name: '王芳' });
    expect(session.expiresAt).toBeGreaterThan(Date.now());
  });

  it('refuses text that is not a JWT or names no level', () => {
    expect(() => sessionFromToken('not a token')).toThrow('not a JWT');
    const payload = Buffer.from(JSON.stringify({ code: '120117' })).toString('base64url');
    expect(() => sessionFromToken(`x.${payload}.y`)).toThrow('names no level');
  });
});

it('tells the level from the shape of an administrative code', () => {
  expect(['120000', '120116', '120116001'].map(levelOfCode)).toEqual(['city', 'district', 'street']);
});
