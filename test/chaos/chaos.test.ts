import { testServerUrl } from '../support/platform';
import { printChaosReport, runChaos } from './chaos';

/*
 * The load-and-fault run at its small size (part of `npm test`); `npm run chaos` runs it larger
 * (CHAOS_SIZE=large). See chaos.ts for what it does and checks.
 */
const large = process.env.CHAOS_SIZE === 'large';

test('under kills, stalls and dropped connections every acknowledged write is stored once and both levels agree', async () => {
  const report = await runChaos({
    serverUrl: testServerUrl(),
    clients: large ? 24 : 6,
    durationMs: large ? 40_000 : 12_000,
    findings: large ? 60 : 12,
    log: (line) => process.stdout.write(`[chaos] ${line}\n`),
  });
  printChaosReport(report, (line) => process.stdout.write(`${line}\n`));
  expect(report.violations).toEqual([]);
  expect(report.acknowledgedWrites).toBeGreaterThan(0);
  expect(report.restarts).toBe(1);
  expect(report.stalls).toBe(1);
  expect(report.droppedConnections).toBeGreaterThan(0);
}, 170_000);
