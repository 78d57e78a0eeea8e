import { createServer } from 'node:http';
import { Pool } from 'pg';

/*
 * The dashboard's figures straight from the three databases through `pg`, behind a bare HTTP
 * endpoint so the load generator measures it like the gateways: the floor any GraphQL layer
 * sits on. POST /dashboard runs the fewest statements that give the same figures (task counts
 * per jurisdiction from the trigger-kept counts and the open-task indexes, findings by state, the
 * 10 most overdue tasks), all three databases at once;
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
const MOST_OVERDUE = `select "id", "title", "due_date"::text as "dueDate", "jurisdiction_code" as "code" from "task"
  where "status" in ('PLANNED', 'IN_PROGRESS') and "due_date" < current_date order by "due_date", "id" limit 10`;

/** Statements per request, per database, for the report. */
export const FLOOR_STATEMENTS = { dashboard: { city: 3, district: 3, street: 2 }, scan: { city: 1, district: 1, street: 1 } };

async function dashboard() {
  const [cityTasks, districtTasks, streetTasks, cityFindings, districtFindings, ...overdue] = await Promise.all([
    pools.city.query(KEPT_COUNTS),
    pools.district.query(KEPT_COUNTS),
    pools.street.query(KEPT_COUNTS),
    pools.city.query(FINDINGS),
    pools.district.query(FINDINGS),
    pools.city.query(MOST_OVERDUE),
    pools.district.query(MOST_OVERDUE),
    pools.street.query(MOST_OVERDUE),
  ]);
  const mostOverdue = overdue
    .flatMap((result) => result.rows as { dueDate: string; id: string }[])
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id))
    .slice(0, 10);
  return {
    city: cityTasks.rows,
    districts: districtTasks.rows,
    streets: streetTasks.rows,
    findings: [...cityFindings.rows, ...districtFindings.rows],
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
