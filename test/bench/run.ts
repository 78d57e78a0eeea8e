import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCluster } from '@supervision/infra';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { formatScenario, type ScenarioReport } from './report';
import { measureScenarios } from './measure-scenarios';
import { interleave } from './rounds';
import { readTraceScenario, scenarios, statementsPerRequest, type BenchOptions, type Scenario } from './scenarios';

const RESULTS = join(__dirname, '..', '..', 'bench', 'results', 'latest.json');

async function measure(platform: TestPlatform, untraced: TestPlatform | undefined, options: BenchOptions): Promise<ScenarioReport[]> {
  const all: Scenario[] = [...(await scenarios(platform, options)), ...(untraced ? [await readTraceScenario(platform, untraced, options)] : [])];
  return measureScenarios(all.filter((candidate) => !options.only || options.only.includes(candidate.name)), {
    alone: (side) => statementsPerRequest(platform, side),
    load: (scenario, _alone, onSample) => interleave(scenario.sides, scenario.plan, onSample),
    sideReport: (side, result, alone) => ({ ...result, query: side.query, answer: alone.answer, statements: alone.statements }),
    format: formatScenario,
  });
}

/**
 * `npm run bench`: the real platform in this process (three subgraphs and the gateway on
 * 127.0.0.1, demo data) on a throwaway embedded PostgreSQL, measured with autocannon.
 * `--quick` runs every scenario briefly, to check that the benchmark itself works; `--only a,b`
 * runs just those scenarios (`gateway-overhead`, `batching`, `statistics`, `read-trace`).
 */
async function main(): Promise<void> {
  const onlyAt = process.argv.indexOf('--only');
  const options: BenchOptions = {
    quick: process.argv.includes('--quick'),
    only: onlyAt > 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : undefined,
  };
  const wantsReadTrace = !options.only || options.only.includes('read-trace');
  const root = mkdtempSync(join(tmpdir(), 'supervision-bench-'));
  // mkdtemp makes the folder private; the PostgreSQL user (when run as root) must enter it.
  chmodSync(root, 0o755);
  const cluster = await startEmbeddedCluster({ dataDir: join(root, 'pgdata'), port: 60000 + Math.floor(Math.random() * 5000) });
  let platform: TestPlatform | undefined;
  let untraced: TestPlatform | undefined;
  let failed = 0;
  try {
    process.env.TEST_POSTGRES_URL = cluster.serverUrl;
    platform = await startTestPlatform({ seedDemo: true });
    // The read-trace scenario's other side: the same platform and data, the trace left unwritten.
    if (wantsReadTrace) untraced = await startTestPlatform({ seedDemo: true, readTrace: false });
    const startedAt = new Date();
    const loadBefore = loadavg();
    const reports = await measure(platform, untraced, options);
    failed = reports.flatMap((report) => report.sides).reduce((sum, side) => sum + side.failed, 0);
    mkdirSync(join(RESULTS, '..'), { recursive: true });
    writeFileSync(
      RESULTS,
      `${JSON.stringify(
        {
          startedAt,
          finishedAt: new Date(),
          quick: options.quick,
          machine: {
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model,
            node: process.version,
            loadAverage: { before: loadBefore, after: loadavg() },
          },
          scenarios: reports,
        },
        null,
        2,
      )}\n`,
    );
    console.log(`\nratios: median over rounds of the per-round ratio (min–max); written to ${RESULTS}`);
  } finally {
    await platform?.stop();
    await untraced?.stop();
    await cluster.stop();
    rmSync(root, { recursive: true, force: true });
  }
  if (failed) {
    console.error(`${failed} requests failed under load: the figures above do not describe working requests`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
