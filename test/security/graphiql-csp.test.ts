import { chromium, type Browser } from 'playwright-core';
import { startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let browser: Browser;
beforeAll(async () => {
  platform = await startTestPlatform();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

describe('the local GraphiQL page under the gateway\'s Content-Security-Policy', () => {
  it('loads, runs its example query and violates no CSP directive', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    await page.goto(new URL('/', platform.gateway.url).href);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    await page.click('.graphiql-execute-button');
    // a function, not a string (the CSP rightly forbids eval); the test project has no DOM types
    await page.waitForFunction(
      () => (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes('"code": "120101"'),
      undefined,
      { timeout: 20_000 },
    );
    expect(violations).toEqual([]);
  });
});
