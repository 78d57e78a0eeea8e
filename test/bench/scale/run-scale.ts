import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import {
  freePort,
  parseScaleSize,
  scaleDataDir,
  seedScale,
  startEmbeddedCluster,
  type LevelName,
} from '@supervision/infra';
import { ephemeralSecrets, readDivisions, signToken } from '@supervision/kit';
import { runLoad, type Sample } from '../load';
import { measureScenarios, type MeasuredScenario } from '../measure-scenarios';
import { median, METRICS, type Metric, type SideResult } from '../rounds';
import { peakRssMb, sqlStatements, startScaleServices, type ScaleServices } from './scale-services';
import { scaleScenarios, type ScaleScenario, type ScaleSide, type StatementCounts, type WriterFixture } from './scale-scenarios';

const RESULTS_DIR = join(__dirname, '..', '..', '..', 'bench', 'results');
const DRILL_DISTRICT = '120116';
const WRITE_TITLE = '压力测试任务';
const WRITE_SUMMARY = '压力测试履职纪实';

const USAGE = `Benchmarks the platform as deployed on a city-scale data set (seeded first if missing).

  npm run bench:scale -- [--tasks tiny|100k|1m] [--quick] [--only dashboard,writes] [--profile gateway,street] [--heap 160]

  --quick     every side briefly (one round of 0.5 s): does the benchmark work?
  --only      run only the named scenarios (dashboard, drill-down, chain-hop, districts-list, writes)
  --profile   start the named processes with --cpu-prof (profiles in .local/scale/<size>/profiles)
  --heap      old-space ceiling in MB for our gateway and subgraphs (--max-old-space-size)`;

interface SideReport extends SideResult {
  query: string;
  target: ScaleSide['target'];
  answer: string;
  statements: StatementCounts;
  writers: number;
}

type ScenarioReport = MeasuredScenario<SideReport>;

async function graphqlOnce(side: ScaleSide): Promise<Record<string, unknown>> {
  const request = side.requests[0];
  const response = await fetch(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  let body: { data?: Record<string, unknown>; errors?: unknown[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${side.name}: HTTP ${response.status} ${text.slice(0, 300)}`);
  }
  if (response.status !== 200 || body.errors || !body.data) {
    throw new Error(`${side.name}: HTTP ${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 600)}`);
  }
  return body.data;
}

/**
 * Sends the side's request alone: checks its answer and counts each subgraph's statements, three
 * times after one unrecorded request; the three counts must agree.
 */
async function checkAndCount(services: ScaleServices, side: ScaleSide, gatewaySecret: string): Promise<{ answer: string; statements: StatementCounts; aloneMs: number }> {
  const levels: LevelName[] = ['city', 'district', 'street'];
  const read = () => Promise.all(levels.map((level) => sqlStatements(services.subgraphs.processes[level], gatewaySecret)));
  await settle(read);
  await graphqlOnce(side);
  const counts: StatementCounts[] = [];
  let answer = '';
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const before = await read();
    const sentAt = performance.now();
    const data = await graphqlOnce(side);
    times.push(performance.now() - sentAt);
    answer = side.check(data);
    const after = await read();
    counts.push(Object.fromEntries(levels.map((level, i) => [level, after[i] - before[i]])) as StatementCounts);
  }
  if (counts.some((count) => JSON.stringify(count) !== JSON.stringify(counts[0]))) {
    throw new Error(`${side.name}: statement counts differ between identical requests: ${JSON.stringify(counts)}`);
  }
  return { answer, statements: side.fixedStatements ?? counts[0], aloneMs: median(times) };
}

/**
 * Waits until no statement is being counted: requests still in flight in the subgraphs when a
 * load run stops (the load generator has gone, the subgraph finishes them) would land in the
 * next count.
 */
async function settle(read: () => Promise<number[]>): Promise<void> {
  let last = JSON.stringify(await read());
  for (let attempt = 0; attempt < 100; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = JSON.stringify(await read());
    if (now === last) return;
    last = now;
  }
  throw new Error('the subgraphs never stopped sending statements');
}

/** The writers' samples of one round as one: their requests added up, the slowest writer's latencies. */
function combine(samples: Sample[]): Sample {
  if (samples.length === 1) return samples[0];
  const completed = samples.reduce((sum, s) => sum + s.completed, 0);
  return {
    completed,
    failed: samples.reduce((sum, s) => sum + s.failed, 0),
    seconds: Math.max(...samples.map((s) => s.seconds)),
    requestsPerSecond: samples.reduce((sum, s) => sum + s.requestsPerSecond, 0),
    meanMs: samples.reduce((sum, s) => sum + s.meanMs * s.completed, 0) / Math.max(1, completed),
    p50Ms: Math.max(...samples.map((s) => s.p50Ms)),
    p99Ms: Math.max(...samples.map((s) => s.p99Ms)),
  };
}

/** Rounds as `rounds.ts` runs them (each round starts one side later), for sides of several writers. */
async function interleave(scenario: ScaleScenario, aloneMs: number[], onSample: () => void): Promise<SideResult[]> {
  const { plan, sides } = scenario;
  // A sample must hold enough requests to have a median: a side whose request takes seconds gets
  // a longer sample (about 8 latencies of each connection, up to 30 s); its requests may take a minute.
  const sampleSeconds = (index: number, seconds: number, latencies: number) => Math.min(30, Math.max(seconds, (latencies * aloneMs[index]) / 1000));
  const load = async (index: number, seconds: number, latencies = 8) => {
    const side = sides[index];
    return combine(await Promise.all(side.requests.map((request) =>
      runLoad({ ...request, connections: side.requests.length > 1 ? 1 : plan.connections, seconds: sampleSeconds(index, seconds, latencies), maxRequests: plan.maxRequests, timeoutSeconds: 60 }))));
  };
  for (let index = 0; index < sides.length; index++) await load(index, plan.warmupSeconds, 2);
  const samples: Sample[][] = sides.map(() => []);
  for (let round = 0; round < plan.rounds; round++) {
    for (let offset = 0; offset < sides.length; offset++) {
      const index = (round + offset) % sides.length;
      samples[index][round] = await load(index, plan.seconds);
      onSample();
    }
  }
  return sides.map((side, index) => ({
    name: side.name,
    samples: samples[index],
    median: Object.fromEntries(METRICS.map((metric) => [metric, median(samples[index].map((s) => s[metric]))])) as Record<Metric, number>,
    failed: samples[index].reduce((sum, sample) => sum + sample.failed, 0),
  }));
}

function formatScenario(report: ScenarioReport): string {
  const width = Math.max(...report.sides.map((side) => side.name.length));
  const lines = [
    `${report.title} — ${report.plan.rounds} rounds × ${report.plan.seconds} s per side`,
    `  ${report.measures}`,
    `  ${''.padEnd(width)}    req/s   p50 ms   p99 ms  SQL city/district/street  answer`,
  ];
  for (const side of report.sides) {
    const { median: m, statements: s } = side;
    lines.push(`  ${side.name.padEnd(width)} ${m.requestsPerSecond.toFixed(1).padStart(8)} ${m.p50Ms.toFixed(0).padStart(8)} ${m.p99Ms.toFixed(0).padStart(8)}  ${`${s.city}/${s.district}/${s.street}`.padEnd(24)}  ${side.answer}${side.failed ? `  (${side.failed} FAILED)` : ''}`);
  }
  for (const ratio of report.ratios) {
    const parts = Object.entries(ratio.byMetric).map(([metric, r]) => `${metric === 'requestsPerSecond' ? 'req/s' : metric.replace('Ms', '')} ${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})`);
    lines.push(`  ${ratio.label}: ${parts.join(', ')}`);
  }
  return lines.join('\n');
}

/** The run as a Markdown table (for the README): one row per side, then the ratios and memory. */
function markdown(reports: ScenarioReport[], memory: Record<string, number | null>, heading: string): string {
  const lines = [heading, '', '| scenario · side | req/s | p50 ms | p99 ms | SQL city/district/street |', '|---|---:|---:|---:|---|'];
  for (const report of reports) {
    for (const side of report.sides) {
      const { median: m, statements: s } = side;
      lines.push(`| ${side.name} | ${m.requestsPerSecond.toFixed(1)} | ${m.p50Ms.toFixed(0)} | ${m.p99Ms.toFixed(0)} | ${s.city}/${s.district}/${s.street} |`);
    }
  }
  lines.push('', '| ratio (median of per-round ratios, min–max) | req/s | p50 |', '|---|---:|---:|');
  for (const report of reports) {
    for (const ratio of report.ratios) {
      const cell = (metric: Metric) => {
        const r = ratio.byMetric[metric];
        return r ? `${r.median.toFixed(2)}× (${r.min.toFixed(2)}–${r.max.toFixed(2)})` : '';
      };
      lines.push(`| ${report.name}: ${ratio.label} | ${cell('requestsPerSecond')} | ${cell('p50Ms')} |`);
    }
  }
  lines.push('', `Peak RSS (MB): ${Object.entries(memory).map(([name, mb]) => `${name} ${mb ?? '?'}`).join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

async function writerFixtures(districtUrl: string, privateJwk: JsonWebKey): Promise<WriterFixture[]> {
  const districts = readDivisions().filter((d) => d.level === 'district').slice(0, 8);
  const client = new Client({ connectionString: districtUrl });
  await client.connect();
  try {
    const fixtures: WriterFixture[] = [];
    for (const district of districts) {
      const { rows: [task] } = await client.query<{ id: string; item: string; cadre: string }>(
        `select "id", "responsibility_item_id" as "item", "cadre_id" as "cadre" from "task" where "jurisdiction_code" = $1 order by "id" limit 1`,
        [district.code],
      );
      if (!task) throw new Error(`no task of district ${district.code} to write against`);
      const token = await signToken({ subject: `bench-writer-${district.code}`, level: 'district', code: district.code, roles: ['admin'] }, privateJwk as never);
      fixtures.push({ districtCode: district.code, token, responsibilityItemId: task.item, cadreId: task.cadre, taskId: task.id });
    }
    return fixtures;
  } finally {
    await client.end();
  }
}

/**
 * The benchmark's own writes leave the data set as it was loaded (the audit entries stay: the chain
 * is append-only). Those rows are audited, so the database's `keep_referenced_records` rule refuses
 * their deletion; on this scratch data set the benchmark, as the tables' owner, lifts that one
 * trigger inside its own transaction (the kept task counts' triggers stay on).
 */
async function removeWrites(districtUrl: string): Promise<number> {
  const client = new Client({ connectionString: districtUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query(`alter table "duty_record" disable trigger "keep_referenced_records"; alter table "task" disable trigger "keep_referenced_records"`);
    await client.query(`delete from "duty_record" where "summary" = $1 or "task_id" in (select "id" from "task" where "title" = $2)`, [WRITE_SUMMARY, WRITE_TITLE]);
    const { rowCount } = await client.query(`delete from "task" where "title" = $1`, [WRITE_TITLE]);
    await client.query(`alter table "duty_record" enable trigger "keep_referenced_records"; alter table "task" enable trigger "keep_referenced_records"`);
    await client.query('commit');
    return rowCount ?? 0;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

export async function runScaleBench(options: { tasks: string; quick: boolean; only?: string[]; profile?: string[]; heapMb?: number }): Promise<{ failed: number; file: string }> {
  const size = parseScaleSize(options.tasks);
  const manifest = await seedScale({ size });
  const dir = scaleDataDir(size.label);
  const cluster = await startEmbeddedCluster({ dataDir: join(dir, 'pgdata'), port: await freePort() });
  const databaseUrls = Object.fromEntries((['city', 'district', 'street'] as const).map((level) => [level, `${cluster.serverUrl}/supervision_${level}`])) as Record<LevelName, string>;
  let services: ScaleServices | undefined;
  // Ctrl-C stops every process this run started, PostgreSQL last.
  const interrupt = () => void (async () => {
    await services?.stop();
    await cluster.stop();
    process.exit(130);
  })();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    const secrets = await ephemeralSecrets();
    const startedAt = new Date();
    const loadBefore = loadavg();
    services = await startScaleServices({ databaseUrls, secrets, logDir: join(dir, 'logs'), profile: options.profile, profileDir: join(dir, 'profiles'), heapMb: options.heapMb });
    const divisions = readDivisions();
    const streets = divisions.filter((d) => d.parentCode === DRILL_DISTRICT);
    const all = scaleScenarios({
      targets: {
        gateway: services.gateway.url,
        hive: services.hive.url,
        hiveNoDedupe: services.hiveNoDedupe.url,
        subgraphs: { city: services.subgraphs.processes.city.url, district: services.subgraphs.processes.district.url, street: services.subgraphs.processes.street.url },
        floor: services.floor.url,
        gatewaySecret: secrets.gatewaySecret,
      },
      commissionToken: await signToken({ subject: 'bench-commission', level: 'city', code: '120000', roles: ['commission'] }, secrets.privateJwk),
      districtCode: DRILL_DISTRICT,
      streetCode: streets[0].code,
      streetsOfDistrict: streets.length,
      writers: await writerFixtures(databaseUrls.district, secrets.privateJwk as JsonWebKey),
      quick: options.quick,
    });
    const chosen = options.only?.length ? all.filter((s) => options.only!.includes(s.name)) : all;
    if (services.hiveUnavailable) console.log(`${services.hiveUnavailable}: its sides are left out`);
    const hiveUnavailable = services.hiveUnavailable;
    const scenarios = hiveUnavailable
      ? chosen.map((scenario) => {
          const sides = scenario.sides.filter((side) => side.target !== 'hive' && side.target !== 'hive-no-dedupe');
          const names = new Set(sides.map((side) => side.name));
          return { ...scenario, sides, ratios: scenario.ratios.filter((r) => names.has(r.numerator) && names.has(r.denominator)) };
        })
      : chosen;
    const reports = await measureScenarios(scenarios, {
      alone: (side) => checkAndCount(services!, side, secrets.gatewaySecret),
      load: (scenario, alone, onSample) => interleave(scenario, alone.map((a) => a.aloneMs), onSample),
      sideReport: (side, result, alone): SideReport => ({ ...result, query: side.query, target: side.target, writers: side.requests.length, ...alone }),
      format: formatScenario,
    });
    const memory = Object.fromEntries(services.all().map((service) => [service.name, peakRssMb(service)]));
    console.log(`\npeak RSS (MB): ${Object.entries(memory).map(([name, mb]) => `${name} ${mb ?? '?'}`).join(', ')}`);
    const failed = reports.flatMap((report) => report.sides).reduce((sum, side) => sum + side.failed, 0);
    const file = join(RESULTS_DIR, `scale-${size.label}${options.quick ? '-quick' : ''}.json`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(file, `${JSON.stringify({
      startedAt,
      finishedAt: new Date(),
      size: size.label,
      quick: options.quick,
      heapMb: options.heapMb ?? null,
      dataSet: { today: manifest.today, loadedAt: manifest.loadedAt, rows: manifest.rows, loadSeconds: manifest.seconds },
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage: { before: loadBefore, after: loadavg() } },
      peakRssMb: memory,
      hiveUnavailable,
      scenarios: reports,
    }, null, 2)}\n`);
    const load = loadavg();
    writeFileSync(file.replace(/\.json$/, '.md'), markdown(reports, memory,
      `${size.label} tasks, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ` +
      `Node ${process.version}${options.heapMb ? `, --max-old-space-size=${options.heapMb}` : ''}, load average ${loadBefore[0].toFixed(1)} before / ${load[0].toFixed(1)} after`));
    console.log(`written to ${file} (and .md)`);
    return { failed, file };
  } finally {
    await services?.stop();
    await removeWrites(databaseUrls.district).catch(() => 0);
    await cluster.stop();
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tasks: { type: 'string', default: '100k' },
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      profile: { type: 'string' },
      heap: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const { failed } = await runScaleBench({
    tasks: values.tasks!,
    quick: values.quick!,
    only: values.only?.split(',').map((s) => s.trim()),
    profile: values.profile?.split(',').map((s) => s.trim()),
    heapMb: values.heap ? Number(values.heap) : undefined,
  });
  if (failed) {
    console.error(`${failed} requests failed under load: the figures above do not describe working requests`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
