import { AuditEntryEntity, verifyAuditChain } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

/*
 * Each jurisdiction has its own audit chain, so writers of unrelated districts do not take turns
 * on one lock (the benchmark's 8-writer scenario measures that); within one jurisdiction
 * concurrent writers still form one unbroken chain.
 */

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

async function createUnits(code: string, count: number): Promise<void> {
  const token = await platform.token({ level: 'district', code, roles: ['admin'] });
  const answers = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      graphql(platform.gateway.url, `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`, {
        token,
        variables: { input: { jurisdictionCode: code, name: `并发测试单位${i}`, kind: 'DEPARTMENT' } },
      }),
    ),
  );
  for (const answer of answers) expect(answer.errors).toBeUndefined();
}

test('concurrent writes of two districts form two unbroken chains, each linked within its own jurisdiction', async () => {
  await Promise.all([createUnits('120101', 6), createUnits('120102', 6)]);

  const em = platform.subgraphs.district.orm.em.fork();
  const entries = await em.find(AuditEntryEntity, {}, { orderBy: { seq: 'asc' } });
  expect(entries).toHaveLength(12);
  for (const code of ['120101', '120102']) {
    const chain = entries.filter((entry) => entry.ownerCode === code);
    expect(chain).toHaveLength(6);
    expect(chain.every((entry) => entry.chain === code)).toBe(true);
    // Each links to the one before it in its own chain, the first to the genesis hash: no fork.
    expect(chain.map((entry) => entry.prevHash)).toEqual(['0'.repeat(64), ...chain.slice(0, -1).map((entry) => entry.hash)]);
  }
  expect(await verifyAuditChain(em)).toEqual({ valid: true, entriesChecked: 12, firstInvalidSeq: null, reason: null });
});
