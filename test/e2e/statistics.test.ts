import type { EntityManager } from '@mikro-orm/postgresql';
import { CadreEntity, DutyRecordEntity, newId, sqlStatementCount, TaskEntity, UnitEntity, type TaskStatusCode } from '@supervision/kit';
import { divisionsFromFile } from '../support/divisions';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Roll-up statistics through the gateway. Rows are written straight into each level's database
 * (tasks and duty records have their own mutations elsewhere; these tests only read), and every
 * expected figure below is worked out by hand from the rows listed here.
 */

let platform: TestPlatform;
let cityToken: string;
let hepingToken: string;
let quanyechangToken: string;

type Level = 'city' | 'district' | 'street';

/** Far enough in the past / future that "today" never changes the outcome. */
const PAST = '2001-01-15';
const FUTURE = '2999-12-31';

interface Owner {
  cadreId: string;
  itemId: string;
}

const owners = new Map<string, Owner>();

/** A unit, a cadre and a responsibility item for a jurisdiction: the rows tasks point at. */
async function ownerOf(level: Level, code: string): Promise<Owner> {
  const known = owners.get(code);
  if (known) return known;
  const em = platform.subgraphs[level].orm.em.fork() as EntityManager;
  // Two flushes: the entities hold plain ids, not relations, so the ORM cannot order the inserts.
  const unit = em.create(UnitEntity, { jurisdictionCode: code, name: `${code} 党委`, kind: 'PARTY_COMMITTEE' });
  await em.flush();
  const cadre = em.create(CadreEntity, { unitId: unit.id, jurisdictionCode: code, name: '张三', position: '书记', principal: true });
  await em.flush();
  const itemId = newId();
  await em.getConnection().execute(
    em.getKnex()('responsibility_item').insert({
      id: itemId,
      jurisdiction_code: code,
      unit_id: unit.id,
      category_code: 'PARTY_CONDUCT',
      content: '落实全面从严治党主体责任',
      basis: '党内法规',
      year: 2026,
      created_at: new Date(),
      updated_at: new Date(),
    }),
  );
  const owner = { cadreId: cadre.id, itemId };
  owners.set(code, owner);
  return owner;
}

/** Tasks of one jurisdiction, each given as [status, due date], inserted in one statement. */
async function addTasks(level: Level, code: string, tasks: [TaskStatusCode, string][]): Promise<void> {
  const owner = await ownerOf(level, code);
  const em = platform.subgraphs[level].orm.em.fork() as EntityManager;
  await em.insertMany(
    TaskEntity,
    tasks.map(([status, dueDate], index) => ({
      id: newId(),
      jurisdictionCode: code,
      responsibilityItemId: owner.itemId,
      cadreId: owner.cadreId,
      title: `任务 ${index + 1}`,
      description: '',
      dueDate,
      progress: status === 'COMPLETED' ? 100 : 0,
      status,
      cancelReason: status === 'CANCELLED' ? '不再需要' : null,
      completedAt: status === 'COMPLETED' ? new Date() : null,
      createdAt: new Date(),
      updatedAt: new Date(),
    })),
  );
}

/** A duty record and its corrections: each date is one version, the last one is the latest. */
async function addDutyRecord(level: Level, code: string, versionDates: string[]): Promise<void> {
  const owner = await ownerOf(level, code);
  const em = platform.subgraphs[level].orm.em.fork() as EntityManager;
  const recordId = newId();
  await em.insertMany(
    DutyRecordEntity,
    versionDates.map((occurredOn, index) => ({
      id: newId(),
      recordId,
      version: index + 1,
      jurisdictionCode: code,
      kind: 'MEETING' as const,
      occurredOn,
      cadreId: owner.cadreId,
      taskId: null,
      responsibilityItemId: owner.itemId,
      summary: '专题会议',
      correctionReason: index === 0 ? null : '更正日期',
      recordedBy: 'test',
      createdAt: new Date(),
    })),
  );
}

beforeAll(async () => {
  platform = await startTestPlatform();
  cityToken = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  hepingToken = await platform.token({ level: 'district', code: '120101', roles: ['leader'] });
  quanyechangToken = await platform.token({ level: 'street', code: '120101001', roles: ['leader'] });

  // The city itself: total 4, 1 each; the in-progress one is overdue, the cancelled one (also
  // past due) is not; completion 1 / (4 − 1).
  await addTasks('city', '120000', [['COMPLETED', PAST], ['IN_PROGRESS', PAST], ['PLANNED', FUTURE], ['CANCELLED', PAST]]);

  // 和平区 120101 itself: 2 completed, 1 planned and overdue → rate 2/3.
  await addTasks('district', '120101', [['COMPLETED', PAST], ['COMPLETED', FUTURE], ['PLANNED', PAST]]);
  // 河东区 120102 itself: 1 completed, 1 in progress (not yet due) → rate 1/2.
  await addTasks('district', '120102', [['COMPLETED', PAST], ['IN_PROGRESS', FUTURE]]);

  // 劝业场街道 120101001: 1 completed, 1 planned overdue → 1/2.
  await addTasks('street', '120101001', [['COMPLETED', PAST], ['PLANNED', PAST]]);
  // 小白楼街道 120101002: 1 completed, 1 cancelled → 1/1.
  await addTasks('street', '120101002', [['COMPLETED', FUTURE], ['CANCELLED', FUTURE]]);
  // 大王庄街道 120102001: 2 in progress overdue, 1 completed → 1/3.
  await addTasks('street', '120102001', [['IN_PROGRESS', PAST], ['IN_PROGRESS', PAST], ['COMPLETED', PAST]]);
  // 大营门街道 120103001 (河西区 has no tasks of its own): 2 completed, 2 planned overdue, 1 in progress → 2/5.
  await addTasks('street', '120103001', [
    ['COMPLETED', PAST], ['COMPLETED', PAST], ['PLANNED', PAST], ['PLANNED', PAST], ['IN_PROGRESS', FUTURE],
  ]);

  // Duty records of 和平区, latest version decides the date:
  await addDutyRecord('district', '120101', ['2026-10-05', '2026-11-03']); // A: November
  await addDutyRecord('district', '120101', ['2026-11-20']); // B: November
  await addDutyRecord('district', '120101', ['2026-10-31', '2026-10-31', '2026-10-30']); // C: October, once
  await addDutyRecord('district', '120101', ['2026-12-01']); // D: December
  await addDutyRecord('district', '120101', ['2026-08-31']); // E: August (Q3)
  await addDutyRecord('district', '120101', ['2026-09-10', '2027-01-02']); // F: moved to 2027
  // Elsewhere, so each jurisdiction counts only its own:
  await addDutyRecord('district', '120102', ['2026-11-11']);
  await addDutyRecord('city', '120000', ['2026-11-15']);
  await addDutyRecord('street', '120101001', ['2026-10-10', '2026-10-11']);
});
afterAll(() => platform?.stop());

const STATS = 'total planned inProgress completed cancelled overdue completionRate';

function stats(total: number, planned: number, inProgress: number, completed: number, cancelled: number, overdue: number, completionRate: number) {
  return { total, planned, inProgress, completed, cancelled, overdue, completionRate };
}

const NONE = stats(0, 0, 0, 0, 0, 0, 0);

const DISTRICT_CODES = [
  '120101', '120102', '120103', '120104', '120105', '120106', '120110', '120111',
  '120112', '120113', '120114', '120115', '120116', '120117', '120118', '120119',
];

describe('task statistics per jurisdiction', () => {
  it('counts each level\'s own tasks: status, overdue and completion rate', async () => {
    const response = await graphql<{
      city: { taskStats: unknown };
      heping: { taskStats: unknown };
      hedong: { taskStats: unknown };
      hexi: { taskStats: unknown };
      street: { taskStats: unknown };
    }>(
      platform.gateway.url,
      `{
        city { taskStats { ${STATS} } }
        heping: district(code: "120101") { taskStats { ${STATS} } }
        hedong: district(code: "120102") { taskStats { ${STATS} } }
        hexi: district(code: "120103") { taskStats { ${STATS} } }
        street(code: "120101001") { taskStats { ${STATS} } }
      }`,
      { token: cityToken },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      city: { taskStats: stats(4, 1, 1, 1, 1, 1, 1 / 3) },
      heping: { taskStats: stats(3, 1, 0, 2, 0, 1, 2 / 3) },
      hedong: { taskStats: stats(2, 0, 1, 1, 0, 0, 1 / 2) },
      hexi: { taskStats: NONE },
      street: { taskStats: stats(2, 1, 0, 1, 0, 1, 1 / 2) },
    });
  });

  it('lists every street of a district with its figures, streets without tasks included', async () => {
    const response = await graphql<{ district: { streetTaskStats: { street: { code: string; name: string }; stats: unknown }[] } }>(
      platform.gateway.url,
      `{ district(code: "120101") { streetTaskStats { street { code name } stats { ${STATS} } } } }`,
      { token: hepingToken },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.district.streetTaskStats).toEqual([
      { street: { code: '120101001', name: '劝业场街道' }, stats: stats(2, 1, 0, 1, 0, 1, 1 / 2) },
      { street: { code: '120101002', name: '小白楼街道' }, stats: stats(2, 0, 0, 1, 1, 0, 1) },
      { street: { code: '120101003', name: '五大道街道' }, stats: NONE },
      { street: { code: '120101004', name: '新兴街道' }, stats: NONE },
      { street: { code: '120101005', name: '南营门街道' }, stats: NONE },
      { street: { code: '120101006', name: '南市街道' }, stats: NONE },
    ]);
  });

  it('ranks districts by their own and their streets\' tasks, ties sharing a rank', async () => {
    const response = await graphql<{
      city: { districtRanking: { rank: number; district: { code: string; name: string }; stats: unknown; ownStats: unknown; streetStats: unknown }[] };
    }>(
      platform.gateway.url,
      `{ city { districtRanking { rank district { code name } stats { ${STATS} } ownStats { ${STATS} } streetStats { ${STATS} } } } }`,
      { token: cityToken },
    );
    expect(response.errors).toBeUndefined();
    const ranking = response.data!.city.districtRanking;
    expect(ranking).toHaveLength(16);
    // 和平区: own 3 + streets 4 = 7 tasks, 4 completed, 1 cancelled, 2 overdue → 4/6.
    expect(ranking[0]).toEqual({
      rank: 1,
      district: { code: '120101', name: '和平区' },
      stats: stats(7, 2, 0, 4, 1, 2, 4 / 6),
      ownStats: stats(3, 1, 0, 2, 0, 1, 2 / 3),
      streetStats: stats(4, 1, 0, 2, 1, 1, 2 / 3),
    });
    // 河东区: own 2 + streets 3 = 5 tasks, 2 completed, 2 overdue → 2/5.
    expect(ranking[1]).toEqual({
      rank: 2,
      district: { code: '120102', name: '河东区' },
      stats: stats(5, 0, 3, 2, 0, 2, 2 / 5),
      ownStats: stats(2, 0, 1, 1, 0, 0, 1 / 2),
      streetStats: stats(3, 0, 2, 1, 0, 2, 1 / 3),
    });
    // 河西区: only street tasks, 5 with 2 completed and 2 overdue → 2/5, the same standing as
    // 河东区: rank 2 again, listed after it by code.
    expect(ranking[2]).toEqual({
      rank: 2,
      district: { code: '120103', name: '河西区' },
      stats: stats(5, 2, 1, 2, 0, 2, 2 / 5),
      ownStats: NONE,
      streetStats: stats(5, 2, 1, 2, 0, 2, 2 / 5),
    });
    // The 13 districts without tasks tie at 0: rank 4 (two districts share rank 2), by code.
    expect(ranking.slice(3).map((entry) => [entry.rank, entry.district.code, entry.stats])).toEqual(
      DISTRICT_CODES.slice(3).map((code) => [4, code, NONE]),
    );
  });
});

describe('duty record statistics', () => {
  const DUTY = `dutyRecordStats(period: $period, from: $from, to: $to) { period count }`;

  it('counts the latest version of each record, per month, quarter and year, zeros included', async () => {
    const query = `query($period: StatisticsPeriod!, $from: String!, $to: String!) {
      city { ${DUTY} }
      districts { code ${DUTY} }
      street(code: "120101001") { ${DUTY} }
    }`;
    const monthly = await graphql<{
      city: { dutyRecordStats: unknown };
      districts: { code: string; dutyRecordStats: unknown }[];
      street: { dutyRecordStats: unknown };
    }>(platform.gateway.url, query, { token: cityToken, variables: { period: 'MONTH', from: '2026-09-01', to: '2026-12-31' } });
    expect(monthly.errors).toBeUndefined();
    const months = (counts: number[]) =>
      ['2026-09', '2026-10', '2026-11', '2026-12'].map((period, index) => ({ period, count: counts[index] }));
    const byDistrict = new Map(monthly.data!.districts.map((district) => [district.code, district.dutyRecordStats]));
    expect(byDistrict.get('120101')).toEqual(months([0, 1, 2, 1]));
    expect(byDistrict.get('120102')).toEqual(months([0, 0, 1, 0]));
    expect(byDistrict.get('120116')).toEqual(months([0, 0, 0, 0]));
    expect(monthly.data!.city.dutyRecordStats).toEqual(months([0, 0, 1, 0]));
    expect(monthly.data!.street.dutyRecordStats).toEqual(months([0, 1, 0, 0]));

    const heping = `query($period: StatisticsPeriod!, $from: String!, $to: String!) { district(code: "120101") { ${DUTY} } }`;
    const quarterly = await graphql<{ district: { dutyRecordStats: unknown } }>(platform.gateway.url, heping, {
      token: hepingToken,
      variables: { period: 'QUARTER', from: '2026-01-01', to: '2026-12-31' },
    });
    expect(quarterly.errors).toBeUndefined();
    // E (31 August) in Q3; A, B, C, D in Q4; F moved to 2027.
    expect(quarterly.data!.district.dutyRecordStats).toEqual([
      { period: '2026-Q1', count: 0 },
      { period: '2026-Q2', count: 0 },
      { period: '2026-Q3', count: 1 },
      { period: '2026-Q4', count: 4 },
    ]);

    const yearly = await graphql<{ district: { dutyRecordStats: unknown } }>(platform.gateway.url, heping, {
      token: hepingToken,
      variables: { period: 'YEAR', from: '2026-01-01', to: '2027-12-31' },
    });
    expect(yearly.errors).toBeUndefined();
    expect(yearly.data!.district.dutyRecordStats).toEqual([
      { period: '2026', count: 5 },
      { period: '2027', count: 1 },
    ]);

    // A range that starts mid-period counts only the days inside it: 1–3 November holds A only.
    const partial = await graphql<{ district: { dutyRecordStats: unknown } }>(platform.gateway.url, heping, {
      token: hepingToken,
      variables: { period: 'MONTH', from: '2026-11-01', to: '2026-11-03' },
    });
    expect(partial.data!.district.dutyRecordStats).toEqual([{ period: '2026-11', count: 1 }]);
  });

  it('names the bad argument of a date range', async () => {
    const ask = (from: string, to: string) =>
      graphql(platform.gateway.url, `{ district(code: "120101") { dutyRecordStats(period: MONTH, from: "${from}", to: "${to}") { period } } }`, {
        token: hepingToken,
      });
    expect((await ask('2026-02-30', '2026-12-31')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect((await ask('2026-01-01', '26-12-31')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await ask('2026-12-01', '2026-11-30')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await ask('2000-01-01', '2026-12-31')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});

describe('who may read statistics', () => {
  it('refuses anonymous callers', async () => {
    const response = await graphql(platform.gateway.url, `{ city { taskStats { total } } }`);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const ranking = await graphql(platform.gateway.url, `{ district(code: "120101") { streetTaskStats { stats { total } } } }`);
    expect(ranking.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a district read itself and its streets, but not the city, its ranking or another district', async () => {
    const own = await graphql<{ district: { taskStats: { total: number }; streetTaskStats: unknown[] } }>(
      platform.gateway.url,
      `{ district(code: "120101") { taskStats { total } streetTaskStats { stats { total } } } street(code: "120101002") { taskStats { total } } }`,
      { token: hepingToken },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.district.taskStats.total).toBe(3);
    for (const query of [
      `{ city { taskStats { total } } }`,
      `{ city { districtRanking { rank } } }`,
      `{ district(code: "120102") { taskStats { total } } }`,
      `{ district(code: "120102") { streetTaskStats { stats { total } } } }`,
      `{ street(code: "120102001") { taskStats { total } } }`,
    ]) {
      const response = await graphql(platform.gateway.url, query, { token: hepingToken });
      expect({ query, code: response.errors?.[0].extensions?.code }).toEqual({ query, code: 'FORBIDDEN' });
    }
  });

  it('lets a street read only itself', async () => {
    const own = await graphql<{ street: { taskStats: { total: number } } }>(
      platform.gateway.url,
      `{ street(code: "120101001") { taskStats { total } } }`,
      { token: quanyechangToken },
    );
    expect(own.data!.street.taskStats.total).toBe(2);
    const district = await graphql(platform.gateway.url, `{ district(code: "120101") { streetTaskStats { stats { total } } } }`, {
      token: quanyechangToken,
    });
    expect(district.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('SQL statements of the city-wide statistics', () => {
  const CITY_WIDE = `{
    city {
      taskStats { ${STATS} }
      districtRanking { rank district { code name } stats { ${STATS} } ownStats { total } streetStats { total } }
      districts {
        code
        taskStats { ${STATS} }
        streetTaskStats { street { name } stats { ${STATS} } }
        dutyRecordStats(period: MONTH, from: "2026-01-01", to: "2026-12-31") { period count }
      }
    }
  }`;

  /** SQL statements each subgraph sends while the query runs. */
  async function countStatements(query: string): Promise<Record<Level, number>> {
    const names = ['city', 'district', 'street'] as const;
    const before = await Promise.all(names.map((name) => sqlStatementCount(platform.subgraphs[name].metrics)));
    const response = await graphql(platform.gateway.url, query, { token: cityToken });
    expect(response.errors).toBeUndefined();
    const after = await Promise.all(names.map((name) => sqlStatementCount(platform.subgraphs[name].metrics)));
    return { city: after[0] - before[0], district: after[1] - before[1], street: after[2] - before[2] };
  }

  it('costs the same for sixteen districts as for one', async () => {
    const perDistrict = `taskStats { total } streetTaskStats { street { name } stats { total } }`;
    const one = await countStatements(`{ district(code: "120101") { ${perDistrict} } }`);
    const all = await countStatements(`{ districts { ${perDistrict} } }`);
    expect(all).toEqual(one);
    // district: the district(s), then ONE task GROUP BY; street: the streets, then ONE GROUP BY.
    expect(all).toEqual({ city: 0, district: 2, street: 2 });
  });

  it('is the same number per subgraph however many rows there are', async () => {
    const answer = await graphql<{ city: { districts: { streetTaskStats: unknown[] }[] } }>(platform.gateway.url, CITY_WIDE, {
      token: cityToken,
    });
    expect(answer.data!.city.districts.flatMap((district) => district.streetTaskStats)).toHaveLength(299);
    const small = await countStatements(CITY_WIDE);

    // Many more rows at every level: tasks in every district and in three streets of each, duty records too.
    const streets = divisionsFromFile().filter((division) => division.level === 'street');
    await addTasks('city', '120000', Array.from({ length: 30 }, (_, index) => [index % 2 ? 'COMPLETED' : 'PLANNED', PAST]));
    for (const code of DISTRICT_CODES) {
      await addTasks('district', code, Array.from({ length: 12 }, (_, index) => [index % 3 ? 'IN_PROGRESS' : 'COMPLETED', index % 2 ? PAST : FUTURE]));
      await addDutyRecord('district', code, ['2026-03-03', '2026-04-04']);
      for (const street of streets.filter((division) => division.parent === code).slice(0, 3)) {
        await addTasks('street', street.code, Array.from({ length: 7 }, (_, index) => [index % 2 ? 'COMPLETED' : 'CANCELLED', PAST]));
      }
    }
    const large = await countStatements(CITY_WIDE);

    expect(large).toEqual(small);
    // city: the city row and its own task counts.
    // district, asked twice by the gateway: for `districts { … }` the city's districts, ONE task
    // GROUP BY for all 16 and ONE duty-record statement for all 16 (3); for the ranking, which
    // waits for the street totals (@requires), the districts and one task GROUP BY again (2).
    // street: the street totals per district (1); for `streetTaskStats` the streets of all 16
    // districts and ONE GROUP BY of their tasks (2).
    expect(large).toEqual({ city: 2, district: 5, street: 3 });
  });
});
