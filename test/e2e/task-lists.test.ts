import {
  CadreEntity,
  MilestoneEntity,
  ResponsibilityItemEntity,
  sqlStatementCount,
  TaskEntity,
  UnitEntity,
  type TaskStatusCode,
} from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday } from '../support/task-fixtures';

let platform: TestPlatform;
let hedongAdmin: string;
let commission: string;
let cadreA: string;
let cadreB: string;
let ideologyItem: string;

/**
 * Seven tasks of 河东区 (120103), written straight to the table so that creation times, statuses
 * and a past due date can be set. Letters make every expected order easy to read:
 * due date  E(-3) B(+1) A(+5) D(+10) G(+15) C(+20) F(+30)
 * progress  C100 D60 B30 F20 E10 G5 A0        created  A B C D E F G
 */
const TASKS: { title: string; item: 'party' | 'ideology'; cadre: 'A' | 'B'; due: number; status: TaskStatusCode; progress: number; description?: string }[] = [
  { title: 'A 廉政谈话', item: 'party', cadre: 'A', due: 5, status: 'PLANNED', progress: 0 },
  { title: 'B 意识形态研判', item: 'ideology', cadre: 'B', due: 1, status: 'IN_PROGRESS', progress: 30 },
  { title: 'C 警示教育', item: 'party', cadre: 'A', due: 20, status: 'COMPLETED', progress: 100 },
  { title: 'D 专题学习', item: 'ideology', cadre: 'A', due: 10, status: 'IN_PROGRESS', progress: 60, description: '含个别谈话记录' },
  { title: 'E 巡察整改', item: 'party', cadre: 'B', due: -3, status: 'IN_PROGRESS', progress: 10 },
  { title: 'F 述责述廉', item: 'ideology', cadre: 'B', due: 30, status: 'CANCELLED', progress: 20 },
  { title: 'G 谈心谈话', item: 'party', cadre: 'A', due: 15, status: 'PLANNED', progress: 5 },
];

beforeAll(async () => {
  platform = await startTestPlatform();
  hedongAdmin = await platform.token({ level: 'district', code: '120103', roles: ['admin'] });
  commission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  const org = await createUnitWithCadres(platform, hedongAdmin, 'district', '120103', ['甲', '乙']);
  [cadreA, cadreB] = org.cadreIds;
  const partyItem = await createResponsibilityItem(platform, hedongAdmin, 'district', { unitId: org.unitId, cadreId: cadreA, categoryCode: 'PARTY_CONDUCT' });
  ideologyItem = await createResponsibilityItem(platform, hedongAdmin, 'district', { unitId: org.unitId, categoryCode: 'IDEOLOGY' });

  const em = platform.subgraphs.district.orm.em.fork();
  TASKS.forEach((task, index) =>
    em.create(TaskEntity, {
      jurisdictionCode: '120103',
      responsibilityItemId: task.item === 'party' ? partyItem : ideologyItem,
      cadreId: task.cadre === 'A' ? cadreA : cadreB,
      title: task.title,
      description: task.description ?? '',
      dueDate: daysFromToday(task.due),
      status: task.status,
      progress: task.progress,
      cancelReason: task.status === 'CANCELLED' ? '并入年度述职' : null,
      completedAt: task.status === 'COMPLETED' ? new Date() : null,
      createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
    }),
  );
  await em.flush();
});
afterAll(() => platform?.stop());

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { title: string } }[];
}

async function tasksPage(args: { filter?: object; sort?: object; first?: number; after?: string }, token = hedongAdmin) {
  return graphql<{ district: { tasks: Page } }>(
    platform.gateway.url,
    `query($filter: TaskFilter, $sort: TaskSort, $first: Int! = 20, $after: String) {
      district(code: "120103") {
        tasks(filter: $filter, sort: $sort, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { title } }
        }
      }
    }`,
    { token, variables: args },
  );
}

const letters = (page: Page) => page.edges.map((edge) => edge.node.title[0]).join('');

/** Follows `endCursor` until the list ends; returns each page's letters and the totals seen. */
async function allPages(args: { filter?: object; sort?: object; first: number }) {
  const pages: string[] = [];
  const totals = new Set<number>();
  let after: string | undefined;
  for (let guard = 0; guard < 10; guard += 1) {
    const response = await tasksPage({ ...args, after });
    expect(response.errors).toBeUndefined();
    const page = response.data!.district.tasks;
    pages.push(letters(page));
    totals.add(page.totalCount);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
    if (!page.pageInfo.hasNextPage) return { pages, totals: [...totals] };
    after = page.pageInfo.endCursor!;
  }
  throw new Error('the list did not end');
}

describe('District.tasks: sorting and cursor pagination', () => {
  it('sorts by due date by default and pages through it with cursors', async () => {
    expect(await allPages({ first: 3 })).toEqual({ pages: ['EBA', 'DGC', 'F'], totals: [7] });
  });

  it('sorts by progress, title and creation time, either way', async () => {
    expect(await allPages({ first: 3, sort: { field: 'PROGRESS', direction: 'DESC' } })).toEqual({ pages: ['CDB', 'FEG', 'A'], totals: [7] });
    expect(await allPages({ first: 5, sort: { field: 'TITLE', direction: 'DESC' } })).toEqual({ pages: ['GFEDC', 'BA'], totals: [7] });
    expect(await allPages({ first: 4, sort: { field: 'CREATED_AT' } })).toEqual({ pages: ['ABCD', 'EFG'], totals: [7] });
    expect(await allPages({ first: 4, sort: { field: 'CREATED_AT', direction: 'DESC' } })).toEqual({ pages: ['GFED', 'CBA'], totals: [7] });
  });

  it('refuses a cursor it did not give out', async () => {
    const response = await tasksPage({ after: 'not-a-cursor' });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('District.tasks: filters', () => {
  it.each([
    ['status', { status: ['PLANNED', 'IN_PROGRESS'] }, 'EBADG'],
    ['category', { categoryCode: 'IDEOLOGY' }, 'BDF'],
    ['cadre', () => ({ cadreId: cadreB }), 'EBF'],
    ['due range (inclusive)', { dueFrom: daysFromToday(1), dueTo: daysFromToday(15) }, 'BADG'],
    ['text in title or description', { text: '谈话' }, 'ADG'],
    ['text with a wildcard character matches it literally', { text: '%' }, ''],
    ['overdue', { overdue: true }, 'E'],
    ['not overdue', { overdue: false }, 'BADGCF'],
    ['several at once', { status: ['IN_PROGRESS'], categoryCode: 'PARTY_CONDUCT' }, 'E'],
  ])('%s', async (_name, filter, expected) => {
    const response = await tasksPage({ filter: typeof filter === 'function' ? filter() : filter, first: 2 });
    expect(response.errors).toBeUndefined();
    const page = response.data!.district.tasks;
    // the total counts every match; the page holds the first two by due date
    expect(page.totalCount).toBe(expected.length);
    expect(letters(page)).toBe(expected.slice(0, 2));
    expect(page.pageInfo.hasNextPage).toBe(expected.length > 2);
  });

  it('names a malformed filter value', async () => {
    const response = await tasksPage({ filter: { dueFrom: '2026-13-01' } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.dueFrom' });
  });

  it('is read by the district itself and the city, not by another district nor anonymously', async () => {
    expect((await tasksPage({}, commission)).data!.district.tasks.totalCount).toBe(7);
    const heping = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
    expect((await tasksPage({}, heping)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await graphql(platform.gateway.url, `{ district(code: "120103") { tasks { totalCount } } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('a task list below the district list costs a constant number of statements', () => {
  const QUERY = `{ city { districts { code tasks(first: 3) { totalCount edges { node { title responsibleCadre { name } milestones { title } } } } } } }`;

  type Result = { city: { districts: { code: string; tasks: { totalCount: number; edges: { node: { title: string; responsibleCadre: { name: string }; milestones: { title: string }[] } }[] } }[] } };

  async function measure() {
    const before = await sqlStatementCount(platform.subgraphs.district.metrics);
    const response = await graphql<Result>(platform.gateway.url, QUERY, { token: commission });
    const statements = (await sqlStatementCount(platform.subgraphs.district.metrics)) - before;
    expect(response.errors).toBeUndefined();
    return { statements, districts: response.data!.city.districts };
  }

  /** Six tasks, each with its own cadre and two milestones, in each of the given districts. */
  async function addTasks(codes: string[]) {
    const em = platform.subgraphs.district.orm.em.fork();
    // Rows reference each other by plain columns, not ORM relations: flush parents first.
    const units = codes.map((code) => em.create(UnitEntity, { jurisdictionCode: code, name: `${code} 区委`, kind: 'PARTY_COMMITTEE' }));
    await em.flush();
    const items = units.map((unit) =>
      em.create(ResponsibilityItemEntity, { jurisdictionCode: unit.jurisdictionCode, unitId: unit.id, categoryCode: 'WORK_STYLE', content: '作风建设', basis: '', year: 2026 }),
    );
    const cadres = units.map((unit) =>
      [0, 1, 2, 3, 4, 5].map((index) =>
        em.create(CadreEntity, { unitId: unit.id, jurisdictionCode: unit.jurisdictionCode, name: `${unit.jurisdictionCode}-干部${index}`, position: '委员' }),
      ),
    );
    await em.flush();
    const tasks = cadres.flatMap((unitCadres, unitIndex) =>
      unitCadres.map((cadre, index) =>
        em.create(TaskEntity, {
          jurisdictionCode: cadre.jurisdictionCode,
          responsibilityItemId: items[unitIndex].id,
          cadreId: cadre.id,
          title: `${cadre.jurisdictionCode}-任务${index}`,
          dueDate: daysFromToday(index + 1),
        }),
      ),
    );
    await em.flush();
    for (const task of tasks) {
      em.create(MilestoneEntity, { taskId: task.id, title: `${task.title}-节点一`, dueDate: task.dueDate, position: 0 });
      em.create(MilestoneEntity, { taskId: task.id, title: `${task.title}-节点二`, dueDate: task.dueDate, position: 1 });
    }
    await em.flush();
  }

  it('is the same for 7 tasks in one district as for 67 tasks in eleven, with cadres and milestones', async () => {
    const small = await measure();
    const hedong = small.districts.find((district) => district.code === '120103')!;
    expect(hedong.tasks.totalCount).toBe(7);
    expect(hedong.tasks.edges.map((edge) => [edge.node.title, edge.node.responsibleCadre.name, edge.node.milestones])).toEqual([
      ['E 巡察整改', '乙', []],
      ['B 意识形态研判', '乙', []],
      ['A 廉政谈话', '甲', []],
    ]);

    await addTasks(['120101', '120102', '120104', '120105', '120106', '120110', '120111', '120112', '120113', '120114']);
    const large = await measure();
    const heping = large.districts.find((district) => district.code === '120101')!;
    expect(heping.tasks.totalCount).toBe(6);
    expect(heping.tasks.edges.map((edge) => [edge.node.title, edge.node.responsibleCadre.name, edge.node.milestones.map((m) => m.title)])).toEqual(
      [0, 1, 2].map((index) => [`120101-任务${index}`, `120101-干部${index}`, [`120101-任务${index}-节点一`, `120101-任务${index}-节点二`]]),
    );
    expect(large.districts.reduce((sum, district) => sum + district.tasks.totalCount, 0)).toBe(67);

    // City.districts, the task pages of all sixteen districts, their cadres, their milestones
    expect(small.statements).toBe(4);
    expect(large.statements).toBe(small.statements);
  });
});
