import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { launchChromium, type Browser } from './chromium';

/**
 * The commission's dashboard in a real chromium against the real gateway, subgraphs and
 * PostgreSQL with the demo data: sign-in, the ranking, a drill-down from the city to one duty
 * record and its evidence, an export download, and a district principal seeing its district.
 * `DASHBOARD_SCREENSHOT=docs/dashboard.png` also saves the city overview as the README's image.
 */
let platform: TestPlatform;
let browser: Browser;
let page: Page;
let appUrl: string;
let cityToken: string;

jest.setTimeout(120_000);

beforeAll(async () => {
  platform = await startTestPlatform({ seedDemo: true });
  appUrl = platform.gateway.url.replace(/\/graphql$/, '/app/');
  cityToken = await platform.token({ level: 'city', code: '120000', roles: ['commission', 'analyst'] });
  browser = await launchChromium();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function signIn(token: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByLabel('令牌 Token').fill(token);
  await page.getByRole('button', { name: '登录 Sign in' }).click();
}

interface RankingEntry {
  rank: number;
  district: { code: string; name: string };
  stats: { overdue: number };
}

it('signs in with a pasted token and shows the district ranking and the overdue chart', async () => {
  const response = await graphql<{ city: { districtRanking: RankingEntry[] } }>(
    platform.gateway.url,
    '{ city { districtRanking { rank district { code name } stats { overdue } } } }',
    { token: cityToken },
  );
  const ranking = response.data!.city.districtRanking;

  await signIn(cityToken);
  await expectText(page.getByTestId('principal'), '120000');
  const rows = page.getByTestId('ranking').locator('tbody tr');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(16);
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  expect(cells.map((row) => [row[0], row[1], row[4]])).toEqual(ranking.map((entry) => [String(entry.rank), entry.district.name, String(entry.stats.overdue)]));
  // ECharts draws on a canvas inside the chart panel.
  await page.getByTestId('overdue-chart').locator('canvas').first().waitFor();
  await page.getByTestId('assessment').locator('tbody tr').first().waitFor();
  await page.getByTestId('accountability').locator('tbody tr').first().waitFor();
  expect(await page.getByTestId('findings').locator('.tag.alarm', { hasText: '查而不改' }).count()).toBeGreaterThan(0);

  if (process.env.DASHBOARD_SCREENSHOT) {
    await page.waitForTimeout(1000); // let the chart's entry animation finish
    await page.screenshot({ path: process.env.DASHBOARD_SCREENSHOT, clip: { x: 0, y: 0, width: 1366, height: 1500 }, fullPage: true });
  }
});

it('shows the city\'s 10 most overdue tasks across the levels, as the city-wide list returns them', async () => {
  const response = await graphql<{ citywideTasks: { edges: { daysOverdue: number; node: { title: string } }[] } }>(
    platform.gateway.url,
    '{ citywideTasks(scope: ["120000"], filter: { overdue: true }, first: 10) { edges { daysOverdue node { ... on Task { title } } } } }',
    { token: cityToken },
  );
  const expected = response.data!.citywideTasks.edges;
  expect(expected.length).toBeGreaterThan(0);
  // Signed in by the test before: the token is in localStorage.
  await page.goto(`${appUrl}#/`);
  const rows = page.getByTestId('most-overdue-tasks').locator('tbody tr');
  await rows.first().waitFor();
  const cells = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  expect(cells.map((row) => [row[0], row[1]])).toEqual(expected.map((edge) => [String(edge.daysOverdue), edge.node.title]));
  await page.getByTestId('district-figures').locator('tbody tr').first().waitFor();
  expect(await page.getByTestId('district-figures').locator('tbody tr').count()).toBe(16);
  await page.getByTestId('cadres-without-duty-records').locator('table').waitFor();
});

it('drills down from the city to a district, a street, a task and one duty record with its evidence', async () => {
  // A street task with a duty record that has a file attached, found through GraphQL.
  const response = await graphql<{
    district: { name: string; streets: { code: string; name: string; tasks: { edges: { node: { title: string; dutyRecords: { summary: string; attachments: { name: string }[] }[] } }[] } }[] };
  }>(
    platform.gateway.url,
    `{ district(code: "120116") { name streets { code name tasks(first: 20) { edges { node { title dutyRecords { summary attachments { name } } } } } } } }`,
    { token: cityToken },
  );
  const district = response.data!.district;
  const target = district.streets
    .flatMap((street) => street.tasks.edges.map(({ node }) => ({ street, task: node, record: node.dutyRecords.find((r) => r.attachments.length > 0) })))
    .find((candidate) => candidate.record)!;
  expect(target).toBeDefined();

  await page.getByTestId('ranking').getByRole('link', { name: district.name }).click();
  await expectText(page.getByTestId('district').locator('h2'), district.name);
  await page.getByTestId('district').getByRole('link', { name: target.street.name, exact: true }).click();
  await expectText(page.getByTestId('street'), target.street.name);
  await page.getByTestId('tasks').getByRole('link', { name: target.task.title }).first().click();
  await expectText(page.getByTestId('task'), target.task.title);
  await page.getByTestId('task').getByRole('link', { name: target.record!.summary }).click();
  await expectText(page.getByTestId('duty-record-summary'), target.record!.summary);
  const evidence = page.getByTestId('evidence');
  await expectText(evidence.first(), target.record!.attachments[0]!.name);

  // The evidence file itself downloads through the attachment-content query.
  const [download] = await Promise.all([page.waitForEvent('download'), evidence.first().getByRole('button').click()]);
  expect(download.suggestedFilename()).toBe(target.record!.attachments[0]!.name);
  expect(readFileSync((await download.path())!).length).toBeGreaterThan(0);
});

it('downloads the ranking as an Excel file with Chinese headers', async () => {
  await page.getByRole('link', { name: '主体责任动态监管平台' }).click();
  const panel = page.getByTestId('ranking');
  await panel.locator('tbody tr').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '导出 Excel' }).click()]);
  expect(download.suggestedFilename()).toBe('district-ranking.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet('区排名')!;
  expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['名次', '区代码', '区']);
  expect(sheet.rowCount).toBe(17);
  const uiFirst = await panel.locator('tbody tr').first().locator('td').nth(1).textContent();
  expect(sheet.getRow(2).getCell(3).value).toBe(uiFirst);
});

it('shows a district commission its own district and not the city’s ranking', async () => {
  await page.getByRole('button', { name: '退出 Sign out' }).click();
  await signIn(await platform.token({ level: 'district', code: '120117', roles: ['commission'] }));
  await expectText(page.getByTestId('district').locator('h2'), '宁河区');
  expect(await page.getByTestId('ranking').count()).toBe(0);
  // A city-only list stays closed to the district's token, in the browser as at the endpoint.
  await page.evaluate("location.hash = '#/district/120116'");
  await expectText(page.getByTestId('tasks').locator('.error'), 'FORBIDDEN');
});

async function expectText(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 20_000 });
}
