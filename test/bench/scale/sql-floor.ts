import { createServer } from 'node:http';
import { Pool } from 'pg';

/*
 * The dashboard's figures straight from the three databases through `pg`, behind a bare HTTP
 * endpoint so the load generator measures it like the gateways: the floor any GraphQL layer
 * sits on. POST /dashboard runs the fewest statements that give the dashboard's figures (task
 * counts per jurisdiction from the trigger-kept counts and the open-task indexes, duty records of
 * the quarter and findings not rectified per district, findings by state and the newest 20 per
 * district, each level's 10 most overdue tasks with their cadre, merged), all three databases at once;
 * POST /scan counts the whole task table of every level with index scans turned off: the cost
 * of counting from the rows.
 */

const urls = { city: process.env.CITY_DATABASE_URL!, district: process.env.DISTRICT_DATABASE_URL!, street: process.env.STREET_DATABASE_URL! };
// Session settings travel with the connection start-up, so no statement is spent on them.
const poolsWith = (options: string) => Object.fromEntries(
  Object.entries(urls).map(([level, url]) => [level, new Pool({ connectionString: url, max: 4, options })]),
) as Record<keyof typeof urls, Pool>;
// The platform's sessions count "today" in Tianjin; so do these.
const pools = poolsWith('-c TimeZone=Asia/Shanghai');
const scanPools = poolsWith('-c TimeZone=Asia/Shanghai -c enable_indexscan=off -c enable_indexonlyscan=off -c enable_bitmapscan=off');

const TASK_COUNTS = `count(*)::int as "total",
  count(*) filter (where "status" = 'PLANNED')::int as "planned",
  count(*) filter (where "status" = 'IN_PROGRESS')::int as "inProgress",
  count(*) filter (where "status" = 'COMPLETED')::int as "completed",
  count(*) filter (where "status" = 'CANCELLED')::int as "cancelled",
  count(*) filter (where "status" in ('PLANNED', 'IN_PROGRESS') and "due_date" < current_date)::int as "overdue"`;
/** The plain scan: every task row counted. */
const BY_JURISDICTION = `select "jurisdiction_code" as "code", ${TASK_COUNTS} from "task" group by 1`;
/** The best SQL for the same figures: the trigger-kept counts, overdue from the index of open tasks. */
const KEPT_COUNTS = `select "c"."code", "c"."total", "c"."planned", "c"."inProgress", "c"."completed", "c"."cancelled", "o"."overdue"
  from (select "jurisdiction_code" as "code", sum("count")::int as "total",
          coalesce(sum("count") filter (where "status" = 'PLANNED'), 0)::int as "planned",
          coalesce(sum("count") filter (where "status" = 'IN_PROGRESS'), 0)::int as "inProgress",
          coalesce(sum("count") filter (where "status" = 'COMPLETED'), 0)::int as "completed",
          coalesce(sum("count") filter (where "status" = 'CANCELLED'), 0)::int as "cancelled"
        from "task_count" group by 1 having sum("count") > 0) as "c"
  cross join lateral (select count(*)::int as "overdue" from "task" where "jurisdiction_code" = "c"."code"
    and "status" in ('PLANNED', 'IN_PROGRESS') and "due_date" < current_date) as "o"`;
const FINDINGS = `select "unit_jurisdiction_code" as "code", "status", count(*)::int as "count",
  count(*) filter (where "status" in ('OPEN', 'SENT_BACK', 'REOPENED') and "deadline" < current_date)::int as "overdue",
  count(*) filter (where "reopen_count" > 0)::int as "checkedButNotFixed"
  from "supervision_finding" group by 1, 2`;
/** The city's 20 newest findings about each district's units (the overview's findings list). */
const NEWEST_FINDINGS = `select "d"."code", "f".* from unnest($1::text[]) as "d"("code")
  cross join lateral (select "id", "description", "deadline"::text as "deadline", "status", "reopen_count" from "supervision_finding"
    where "unit_jurisdiction_code" = "d"."code" order by "created_at" desc, "id" desc limit 20) as "f"`;
/** Duty records of the quarter by district, own and streets' alike by the first six digits: the counts kept per jurisdiction and day. */
const QUARTER_DUTY_RECORDS = `select left("jurisdiction_code", 6) as "district", sum("count")::int as "count" from "duty_record_count"
  where "occurred_on" between date_trunc('quarter', current_date)::date and (date_trunc('quarter', current_date) + interval '3 months - 1 day')::date
  group by 1`;
/** A district's findings not rectified about its own and its streets' units. */
const NOT_RECTIFIED = `select left("unit_jurisdiction_code", 6) as "district", length("unit_jurisdiction_code") = 6 as "own", count(*)::int as "count"
  from "supervision_finding" where "status" not in ('ACCEPTED', 'CONFIRMED') group by 1, 2`;
/** A level's 10 most overdue tasks with the responsible cadre: the city's ten are among the three levels' tens. */
const MOST_OVERDUE = `select "t"."id", "t"."title", "t"."due_date"::text as "dueDate", "t"."jurisdiction_code" as "code",
    current_date - "t"."due_date" as "daysOverdue", "c"."name" as "cadre", "c"."position"
  from "task" as "t" left join "cadre" as "c" on "c"."id" = "t"."cadre_id"
  where "t"."status" in ('PLANNED', 'IN_PROGRESS') and "t"."due_date" < current_date order by "t"."due_date", "t"."id" limit 10`;

const DISTRICT_CODES = ['120101', '120102', '120103', '120104', '120105', '120106', '120110', '120111', '120112', '120113', '120114', '120115', '120116', '120117', '120118', '120119'];

/** Statements per request, per database, for the report. */
export const FLOOR_STATEMENTS = { dashboard: { city: 3, district: 4, street: 3 }, scan: { city: 1, district: 1, street: 1 } };

/** The dashboard's figures (`dashboard-operations.ts`): ranking counts, per-district figures, findings by state, the 10 most overdue. */
async function dashboard() {
  const [districtTasks, streetTasks, cityFindings, newestFindings, districtDuty, streetDuty, districtNotRectified, ...overdue] = await Promise.all([
    pools.district.query(KEPT_COUNTS),
    pools.street.query(KEPT_COUNTS),
    pools.city.query(FINDINGS),
    pools.city.query(NEWEST_FINDINGS, [DISTRICT_CODES]),
    pools.district.query(QUARTER_DUTY_RECORDS),
    pools.street.query(QUARTER_DUTY_RECORDS),
    pools.district.query(NOT_RECTIFIED),
    pools.city.query(MOST_OVERDUE),
    pools.district.query(MOST_OVERDUE),
    pools.street.query(MOST_OVERDUE),
  ]);
  const mostOverdue = overdue
    .flatMap((result) => result.rows as { dueDate: string; id: string }[])
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
    .slice(0, 10);
  return {
    districts: districtTasks.rows,
    streets: streetTasks.rows,
    findings: cityFindings.rows,
    newestFindings: newestFindings.rows,
    dutyRecords: [...districtDuty.rows, ...streetDuty.rows],
    notRectified: districtNotRectified.rows,
    mostOverdue,
  };
}

async function scan() {
  const results = await Promise.all(Object.values(scanPools).map((pool) => pool.query(BY_JURISDICTION)));
  return { jurisdictions: results.reduce((sum, result) => sum + result.rowCount!, 0) };
}

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const work = request.url === '/dashboard' ? dashboard() : request.url === '/scan' ? scan() : undefined;
    if (!work) {
      response.writeHead(request.url === '/ready' ? 200 : 404).end();
      return;
    }
    work.then(
      (data) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data })),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void Promise.all([...Object.values(pools), ...Object.values(scanPools)].map((p) => p.end())).then(() => process.exit(0))));
