import { createHash } from 'node:crypto';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/** Automatic persisted queries as the README documents them: hash, register once, hash alone. */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

it('answers a registered operation by its SHA-256 alone, over GET', async () => {
  const query = '{ districts { code name } }';
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
  const byHash = () =>
    fetch(`${platform.gateway.url}?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, {
      headers: { 'apollo-require-preflight': 'true' },
    }).then((response) => response.json() as Promise<{ data?: { districts: unknown[] }; errors?: { extensions: { code: string } }[] }>);

  expect((await byHash()).errors?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  const registered = await fetch(platform.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, extensions }),
  }).then((response) => response.json() as Promise<{ data: { districts: unknown[] } }>);
  expect(registered.data.districts).toHaveLength(16);
  const answered = await byHash();
  expect(answered.errors).toBeUndefined();
  expect(answered.data!.districts).toHaveLength(16);
});
