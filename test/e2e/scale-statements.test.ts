import { Client } from 'pg';
import { loadScaleData, parseScaleSize } from '@supervision/infra';
import { sqlStatementCount, today } from '@supervision/kit';
import { DASHBOARD_QUERY, DASHBOARD_VARIABLES, drillDownQuery } from '../bench/scale/scale-scenarios';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

/*
 * The figures must not be counted from the rows on every request: the commission's dashboard and
 * a district drill-down cost the same number of SQL statements in every level, and read the
 * figures kept current in the writing transaction, whether a level holds three thousand tasks or
 * five times as many.
 */

const LEVELS = ['city', 'district', 'street'] as const;
let platform: TestPlatform;
let token: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  await loadScaleData(platform.databaseUrls, parseScaleSize('tiny'), today());
  token = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

async function statementsOf(query: string, variables?: Record<string, unknown>): Promise<{ counts: Record<(typeof LEVELS)[number], number>; data: Record<string, unknown> }> {
  const read = () => Promise.all(LEVELS.map((level) => sqlStatementCount(platform.subgraphs[level].metrics)));
  await graphql(platform.gateway.url, query, { token, variables });
  const before = await read();
  const response = await graphql(platform.gateway.url, query, { token, variables });
  const after = await read();
  expect(response.errors).toBeUndefined();
  return { counts: Object.fromEntries(LEVELS.map((level, i) => [level, after[i] - before[i]])) as never, data: response.data! };
}

/** Every task and duty record of a level again `copies` times, as plain INSERTs (the trigger counts them). */
async function multiplyRecords(url: string, copies: number): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(
      `insert into "task" ("id", "jurisdiction_code", "responsibility_item_id", "title", "description", "cadre_id", "due_date", "progress",
         "status", "cancel_reason", "completed_at", "created_at", "updated_at")
       select gen_random_uuid(), "jurisdiction_code", "responsibility_item_id", "title", "description", "cadre_id", "due_date", "progress",
         "status", "cancel_reason", "completed_at", "created_at", "updated_at"
       from "task" cross join generate_series(1, $1)`,
      [copies],
    );
    await client.query(
      `insert into "duty_record" ("id", "record_id", "version", "jurisdiction_code", "kind", "occurred_on", "cadre_id", "task_id",
         "responsibility_item_id", "summary", "correction_reason", "recorded_by", "created_at")
       select gen_random_uuid(), gen_random_uuid(), 1, "jurisdiction_code", "kind", "occurred_on", "cadre_id", "task_id",
         "responsibility_item_id", "summary", null, "recorded_by", "created_at"
       from "duty_record" cross join generate_series(1, $1) where "version" = 1`,
      [copies],
    );
    await client.query('commit');
    await client.query('analyze');
  } finally {
    await client.end();
  }
}

const rankedTotal = (data: Record<string, unknown>) =>
  ((data.city as { districtRanking: { stats: { total: number; overdue: number } }[] }).districtRanking).reduce(
    (sum, row) => ({ total: sum.total + row.stats.total, overdue: sum.overdue + row.stats.overdue }),
    { total: 0, overdue: 0 },
  );

test('dashboard and drill-down statements per request stay the same with five times the records', async () => {
  const dashboardBefore = await statementsOf(DASHBOARD_QUERY, DASHBOARD_VARIABLES);
  const drillBefore = await statementsOf(drillDownQuery('120116'));
  for (const level of LEVELS) expect(dashboardBefore.counts[level]).toBeGreaterThan(0);

  for (const level of ['district', 'street'] as const) await multiplyRecords(platform.databaseUrls[level], 4);

  const dashboardAfter = await statementsOf(DASHBOARD_QUERY, DASHBOARD_VARIABLES);
  const drillAfter = await statementsOf(drillDownQuery('120116'));
  expect(dashboardAfter.counts).toEqual(dashboardBefore.counts);
  expect(drillAfter.counts).toEqual(drillBefore.counts);

  // The counts kept by trigger followed the inserts: five times the districts' and streets' tasks.
  const before = rankedTotal(dashboardBefore.data);
  const after = rankedTotal(dashboardAfter.data);
  expect(after.total).toBe(before.total * 5);
  expect(after.overdue).toBe(before.overdue * 5);
}, 120_000);
