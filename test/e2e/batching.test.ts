import { sqlStatementCount } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

/** SQL statements each subgraph sends while `run` executes. */
async function countStatements(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const names = ['city', 'district', 'street'] as const;
  const before = await Promise.all(names.map((name) => sqlStatementCount(platform.subgraphs[name].metrics)));
  await run();
  const after = await Promise.all(names.map((name) => sqlStatementCount(platform.subgraphs[name].metrics)));
  return Object.fromEntries(names.map((name, index) => [name, after[index] - before[index]]));
}

describe('DataLoader batching across the federation', () => {
  it('fetches 16 districts, 299 streets and each street\'s district in a constant number of statements', async () => {
    let streetCount = 0;
    const counts = await countStatements(async () => {
      const response = await graphql<{ districts: { streets: { district: { name: string } }[] }[] }>(
        platform.gateway.url,
        `{ districts { code name streets { code name district { code name city { name } } } } }`,
      );
      expect(response.errors).toBeUndefined();
      streetCount = response.data!.districts.flatMap((district) => district.streets).length;
    });
    expect(streetCount).toBe(299);
    // district: the root list, then one batch for the 299 street.district references;
    // street: one batch for the streets of all 16 districts; city: one batch for the city name.
    expect(counts).toEqual({ city: 1, district: 2, street: 1 });
  });

  it('does not grow with the number of rows asked for', async () => {
    const oneDistrict = await countStatements(() =>
      graphql(platform.gateway.url, `{ district(code: "120101") { streets { district { name } } } }`),
    );
    const allDistricts = await countStatements(() =>
      graphql(platform.gateway.url, `{ districts { streets { district { name } } } }`),
    );
    expect(allDistricts).toEqual(oneDistrict);
  });
});
