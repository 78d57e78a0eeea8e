import { analystCatalogue } from '@supervision/gateway';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * The analysts' catalogue (gateway/catalogue/analyst-operations.graphql): every operation runs on
 * the demo data with a city commission token without an error, and GraphiQL offers each as a tab.
 */
let platform: TestPlatform;
let token: string;
const catalogue = analystCatalogue();

beforeAll(async () => {
  platform = await startTestPlatform({ seedDemo: true });
  token = await platform.token({ level: 'city', code: '120000', roles: ['commission', 'analyst'] });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

it('has the common questions, each a named operation with the comment that says what it answers', () => {
  expect(catalogue.map((operation) => operation.name)).toEqual(
    expect.arrayContaining(['DistrictRanking', 'OverdueTasksOfDistrict', 'FindingsByDistrict', 'CheckedButNotFixed', 'InterviewsNeverFollowedUp']),
  );
  for (const operation of catalogue) expect(operation.query).toMatch(/^# \S/);
});

it.each(catalogue.map((operation) => [operation.name, operation.query]))('%s runs on the demo data without errors', async (_name, query) => {
  const response = await graphql(platform.gateway.url, query, { token });
  expect(response.errors).toBeUndefined();
  expect(Object.values(response.data ?? {}).every((value) => value !== null)).toBe(true);
});

it('answers the ranking question with all 16 districts', async () => {
  const ranking = catalogue.find((operation) => operation.name === 'DistrictRanking')!;
  const response = await graphql<{ city: { districtRanking: unknown[] } }>(platform.gateway.url, ranking.query, { token });
  expect(response.data!.city.districtRanking).toHaveLength(16);
});

it('opens every operation as a GraphiQL tab', async () => {
  // The page loads its start script as a file (the CSP allows no inline script); the tabs are in it.
  const origin = platform.gateway.url.replace(/\/graphql$/, '');
  const html = await (await fetch(`${origin}/`)).text();
  expect(html).toContain('/graphiql/assets/start.js');
  const script = await (await fetch(`${origin}/graphiql/assets/start.js`)).text();
  for (const operation of catalogue) expect(script).toContain(`query ${operation.name}`);
  expect(script).toContain('defaultTabs');
});
