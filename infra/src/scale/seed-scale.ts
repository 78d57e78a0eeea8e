import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MultiBar, Presets } from 'cli-progress';
import { Client } from 'pg';
import { ensureLocalSecrets, readDivisions, today as tianjinToday } from '@supervision/kit';
import { startEmbeddedCluster } from '../embedded-postgres';
import { SECRETS_DIR } from '../paths';
import { copyRows } from './copy-rows';
import { LEVEL_NAMES, scaleDataSet, type LevelName } from './scale-data';
import { freePort, readScaleManifest, scaleDataDir, startSubgraphProcesses, type ScaleManifest } from './scale-platform';
import { parseScaleSize, type ScaleSize } from './scale-size';

const USAGE = `Loads a city-scale data set into its own embedded PostgreSQL under .local/scale/<size>/.

  npm run seed:scale -- [--tasks tiny|100k|1m|<n>] [--fresh]

  --tasks   size of the set (default 100k): 1m = 4,050 units, 40,500 cadres, 1,000,000 tasks,
            2,000,000 duty records, 10,000 checks, 30,000 findings, sessions and assessments
  --fresh   delete an existing set of that size and load it again`;

export interface SeedScaleOptions {
  size: ScaleSize;
  fresh?: boolean;
  /** Progress on the terminal (default: when stderr is a terminal). */
  progress?: boolean;
  log?: (line: string) => void;
}

/**
 * Seeds one data set: a fresh cluster, the databases made by each subgraph's own migrations (a
 * subgraph process started once, as deployed), then every table loaded with COPY.
 *
 * The rows carry no audit entries. The audit chain records changes made through the platform;
 * these rows stand for records migrated in bulk (as the demo's are), and leaving the chain empty
 * keeps it whole: the first real change links to the genesis hash, and `verifyAuditChain`
 * stays valid. Foreign keys are not checked row by row during COPY (`session_replication_role =
 * replica`, which also skips the append-only trigger, untouched here, and the trigger keeping
 * `task_count`, recounted by `task_count_rebuild()` afterwards); every reference is checked once
 * afterwards with an anti-join, and a dangling one fails the load.
 */
export async function seedScale(options: SeedScaleOptions): Promise<ScaleManifest> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { size } = options;
  const dir = scaleDataDir(size.label);
  const existing = readScaleManifest(size.label);
  if (existing && !options.fresh) {
    log(`[scale] ${size.label} already loaded on ${existing.loadedAt} (${dir}); --fresh loads it again`);
    return existing;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const startedAt = Date.now();
  const port = await freePort();
  const cluster = await startEmbeddedCluster({ dataDir: join(dir, 'pgdata'), port });
  try {
    const secrets = await ensureLocalSecrets(SECRETS_DIR);
    const databaseUrls = Object.fromEntries(LEVEL_NAMES.map((level) => [level, `${cluster.serverUrl}/supervision_${level}`])) as Record<LevelName, string>;
    log(`[scale] migrating the three databases (each subgraph applies its own migrations)…`);
    const subgraphs = await startSubgraphProcesses({ databaseUrls, secrets, logDir: join(dir, 'logs') });
    await subgraphs.stop();
    const migratedAt = Date.now();

    const today = tianjinToday();
    const { rows, copySeconds } = await loadScaleData(databaseUrls, size, today, { progress: options.progress ?? process.stderr.isTTY, log });
    const copiedAt = migratedAt + copySeconds * 1000;
    const finishedAt = Date.now();
    const manifest: ScaleManifest = {
      size: size.label,
      today,
      loadedAt: new Date(finishedAt).toISOString(),
      port,
      rows,
      seconds: {
        migrate: (migratedAt - startedAt) / 1000,
        copy: (copiedAt - migratedAt) / 1000,
        index: (finishedAt - copiedAt) / 1000,
        total: (finishedAt - startedAt) / 1000,
      },
    };
    writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const total = LEVEL_NAMES.reduce((sum, level) => sum + Object.values(rows[level]).reduce((a, b) => a + b, 0), 0);
    log(`[scale] ${size.label}: ${total.toLocaleString('en')} rows in ${manifest.seconds.total.toFixed(1)} s ` +
      `(migrations ${manifest.seconds.migrate.toFixed(1)} s, COPY ${manifest.seconds.copy.toFixed(1)} s, checks + vacuum ${manifest.seconds.index.toFixed(1)} s)`);
    for (const level of LEVEL_NAMES) {
      log(`  ${level.padEnd(8)} ${Object.entries(rows[level]).filter(([, n]) => n).map(([table, n]) => `${table} ${n.toLocaleString('en')}`).join(', ')}`);
    }
    return manifest;
  } catch (error) {
    // A half-loaded set must not pass for a loaded one.
    rmSync(join(dir, 'manifest.json'), { force: true });
    throw error;
  } finally {
    await cluster.stop().catch(() => {});
  }
}

/**
 * Loads the data set into three migrated, otherwise empty databases (one per level): COPY per
 * table, then the checks and the recount described at `seedScale`, then VACUUM ANALYZE.
 */
export async function loadScaleData(
  databaseUrls: Record<LevelName, string>,
  size: ScaleSize,
  today: string,
  options: { progress?: boolean; log?: (line: string) => void } = {},
): Promise<{ rows: ScaleManifest['rows']; copySeconds: number }> {
  const log = options.log ?? (() => {});
  const startedAt = Date.now();
  const data = scaleDataSet(size, readDivisions(), today);
  const rows = Object.fromEntries(
    LEVEL_NAMES.map((level) => [level, Object.fromEntries(data[level].map((table) => [table.table, table.count]))]),
  ) as ScaleManifest['rows'];
  const bars = new MultiBar(
    { format: ' {level} |{bar}| {percentage}% | {value}/{total} rows | {table}', hideCursor: true, noTTYOutput: false, stopOnComplete: true },
    Presets.shades_classic,
  );
  const clients = await Promise.all(
    LEVEL_NAMES.map(async (level) => {
      const client = new Client({ connectionString: databaseUrls[level] });
      await client.connect();
      return client;
    }),
  );
  try {
    try {
      await Promise.all(
        LEVEL_NAMES.map(async (level, index) => {
          const client = clients[index];
          const total = data[level].reduce((sum, table) => sum + table.count, 0);
          const bar = options.progress ? bars.create(total, 0, { level: level.padEnd(8), table: '' }) : undefined;
          await client.query('set session_replication_role = replica; set synchronous_commit = off');
          await client.query('begin');
          for (const table of data[level]) {
            bar?.update({ table: table.table });
            await copyRows(client, table, (n) => bar?.increment(n));
          }
          await client.query('commit');
          await client.query('set session_replication_role = origin');
          bar?.update({ table: 'done' });
        }),
      );
    } finally {
      bars.stop();
    }
    const copySeconds = (Date.now() - startedAt) / 1000;
    log(`[scale] copied in ${copySeconds.toFixed(1)} s; checking references, vacuum and analyze…`);
    await Promise.all(LEVEL_NAMES.map(async (level, index) => {
      const client = clients[index];
      await assertReferencesHold(client, level);
      // COPY ran without triggers, so the counts they keep are recounted from the rows once.
      await client.query('select "task_count_rebuild"()');
      await client.query('select "duty_record_count_rebuild"()');
      // VACUUM sets the visibility map, so index-only scans work on the fresh rows at once.
      await client.query('vacuum (analyze)');
    }));
    return { rows, copySeconds };
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** Every foreign key of the loaded tables, checked once in bulk (COPY ran without the per-row triggers). */
async function assertReferencesHold(client: Client, level: LevelName): Promise<void> {
  const { rows } = await client.query<{ table: string; constraint: string; child: string; parent: string; columns: string[]; parent_columns: string[] }>(
    `select c.conrelid::regclass::text as "table", c.conname as "constraint",
            c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
            array(select attname from unnest(c.conkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by o)::text[] as columns,
            array(select attname from unnest(c.confkey) with ordinality k(n, o) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by o)::text[] as parent_columns
     from pg_constraint c where c.contype = 'f'`,
  );
  for (const fk of rows) {
    const join = fk.columns.map((column, i) => `p."${fk.parent_columns[i]}" = t."${column}"`).join(' and ');
    const notNull = fk.columns.map((column) => `t."${column}" is not null`).join(' and ');
    const { rows: [found] } = await client.query<{ dangling: number }>(
      `select count(*)::int as dangling from ${fk.child} t where ${notNull} and not exists (select 1 from ${fk.parent} p where ${join})`,
    );
    if (found.dangling) throw new Error(`${level}: ${found.dangling} rows of ${fk.table} break ${fk.constraint}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { tasks: { type: 'string', default: '100k' }, fresh: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  await seedScale({ size: parseScaleSize(values.tasks!), fresh: values.fresh });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`[scale] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
