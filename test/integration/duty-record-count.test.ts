import { Client } from 'pg';
import { createServiceMetrics, migrate, openDatabase, type Orm } from '@supervision/kit';
import { districtSubgraph } from '@supervision/district';
import { uniqueDatabaseUrls } from '../support/platform';

/*
 * 履职纪实计数 The counts the trigger keeps per jurisdiction and day must always equal a recount of
 * the latest versions from the rows: after new records, corrections (a new version, possibly on
 * another day), a deleted correction, a whole record deleted with its versions in one statement,
 * and a bulk insert of many versions at once.
 */

let orm: Orm;
let client: Client;

beforeAll(async () => {
  const url = uniqueDatabaseUrls().district;
  orm = await openDatabase({ url, entities: districtSubgraph.entities, migrations: districtSubgraph.migrations, metrics: createServiceMetrics('duty-record-count-test'), log: () => {} });
  await migrate(orm);
  client = new Client({ connectionString: url });
  await client.connect();
  // Links to cadres, tasks and items are beside the point here: this database holds only duty records.
  await client.query(`do $$ declare c text; begin
    for c in select "conname" from "pg_constraint" where "conrelid" = 'duty_record'::regclass and "contype" = 'f' loop
      execute format('alter table "duty_record" drop constraint %I', c);
    end loop; end $$`);
});
afterAll(async () => {
  await client?.end();
  await orm?.close();
});

const RECORD = ['a0000000-0000-7000-8000-000000000001', 'a0000000-0000-7000-8000-000000000002', 'a0000000-0000-7000-8000-000000000003'];
let next = 0;
const id = () => `b0000000-0000-7000-8000-${String(++next).padStart(12, '0')}`;
const CADRE = 'c0000000-0000-7000-8000-000000000001';

async function insert(versions: { record: string; version: number; code: string; day: string }[]): Promise<void> {
  await client.query(
    `insert into "duty_record" ("id", "record_id", "version", "jurisdiction_code", "kind", "occurred_on", "cadre_id", "task_id", "summary", "correction_reason", "recorded_by", "created_at")
     select "v"."id"::uuid, "v"."record"::uuid, "v"."version", "v"."code", 'MEETING', "v"."day"::date, $2::uuid, $2::uuid, '会议',
       case when "v"."version" > 1 then '更正日期' end, 'test', now()
     from jsonb_to_recordset($1::jsonb) as "v"("id" text, "record" text, "version" int, "code" text, "day" text)`,
    [JSON.stringify(versions.map((v) => ({ ...v, id: id() }))), CADRE],
  );
}

async function kept(): Promise<Record<string, number>> {
  const { rows } = await client.query<{ key: string; count: string }>(
    `select "jurisdiction_code" || ' ' || "occurred_on"::text as "key", "count" from "duty_record_count" where "count" > 0 order by 1`,
  );
  return Object.fromEntries(rows.map((row) => [row.key, Number(row.count)]));
}

async function recounted(): Promise<Record<string, number>> {
  const { rows } = await client.query<{ key: string; count: string }>(
    `select "jurisdiction_code" || ' ' || "occurred_on"::text as "key", count(*) as "count" from "duty_record" as "d"
     where not exists (select 1 from "duty_record" as "newer" where "newer"."record_id" = "d"."record_id" and "newer"."version" > "d"."version")
     group by 1 order by 1`,
  );
  return Object.fromEntries(rows.map((row) => [row.key, Number(row.count)]));
}

test('the kept duty-record counts follow new records, corrections and deletions', async () => {
  await insert([{ record: RECORD[0], version: 1, code: '120101', day: '2026-10-08' }, { record: RECORD[1], version: 1, code: '120101', day: '2026-10-08' }]);
  expect(await kept()).toEqual({ '120101 2026-10-08': 2 });

  // A correction moves the record to another day: the old version stops counting.
  await insert([{ record: RECORD[0], version: 2, code: '120101', day: '2026-11-02' }]);
  expect(await kept()).toEqual({ '120101 2026-10-08': 1, '120101 2026-11-02': 1 });

  // Deleting the correction hands the count back to the version before it.
  await client.query(`delete from "duty_record" where "record_id" = $1 and "version" = 2`, [RECORD[0]]);
  expect(await kept()).toEqual({ '120101 2026-10-08': 2 });

  // Three versions of a new record in one statement count once, on the latest one's day.
  await insert([1, 2, 3].map((version) => ({ record: RECORD[2], version, code: '120102', day: `2026-12-0${version}` })));
  expect(await kept()).toEqual({ '120101 2026-10-08': 2, '120102 2026-12-03': 1 });
  expect(await kept()).toEqual(await recounted());

  // A whole record deleted with all its versions in one statement leaves nothing behind.
  await client.query(`delete from "duty_record" where "record_id" = $1`, [RECORD[2]]);
  expect(await kept()).toEqual({ '120101 2026-10-08': 2 });
  expect(await kept()).toEqual(await recounted());

  // The rebuild (bulk loads without triggers) agrees with what the trigger kept.
  await client.query('select "duty_record_count_rebuild"()');
  expect(await kept()).toEqual(await recounted());
});
