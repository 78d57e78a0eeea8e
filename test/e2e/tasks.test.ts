import { AuditEntryEntity, MilestoneEntity, TaskEntity } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday, type OrgFixture } from '../support/task-fixtures';

let platform: TestPlatform;
let binhaiAdmin: string;
let hepingAdmin: string;
let cityAdmin: string;
let binhai: OrgFixture;
let binhaiItemId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  binhaiAdmin = await platform.token({ level: 'district', code: '120116', roles: ['admin'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  cityAdmin = await platform.token({ level: 'city', code: '120000', roles: ['admin', 'commission'] });
  binhai = await createUnitWithCadres(platform, binhaiAdmin, 'district', '120116', ['张明', '李华']);
  binhaiItemId = await createResponsibilityItem(platform, binhaiAdmin, 'district', {
    unitId: binhai.unitId,
    cadreId: binhai.cadreIds[0],
    categoryCode: 'PARTY_CONDUCT',
  });
});
afterAll(() => platform?.stop());

const TASK_FIELDS = `id title status progress dueDate cancelReason completedAt overdue milestones { id title dueDate done doneAt }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createDistrictTask(input: $input) { ${TASK_FIELDS} responsibilityItem { id category { code name } } responsibleCadre { name } district { name } } }`;

interface TaskView {
  id: string;
  title: string;
  status: string;
  progress: number;
  dueDate: string;
  cancelReason: string | null;
  completedAt: string | null;
  overdue: boolean;
  milestones: { id: string; title: string; dueDate: string; done: boolean; doneAt: string | null }[];
}

function taskInput(overrides: Record<string, unknown> = {}) {
  return {
    responsibilityItemId: binhaiItemId,
    cadreId: binhai.cadreIds[0],
    title: '开展廉政风险排查',
    description: '覆盖区属各部门',
    dueDate: daysFromToday(60),
    ...overrides,
  };
}

async function createTask(token: string, overrides: Record<string, unknown> = {}, mutation = CREATE_TASK) {
  return graphql<{ createDistrictTask: TaskView & { responsibleCadre: { name: string }; district: { name: string } } }>(
    platform.gateway.url,
    mutation,
    { token, variables: { input: taskInput(overrides) } },
  );
}

/** Runs one task mutation by name (`startDistrictTask` …) and returns the task or the errors. */
async function act(name: string, args: Record<string, unknown>, token = binhaiAdmin) {
  const params = Object.keys(args);
  const types: Record<string, string> = { id: 'ID!', taskId: 'ID!', progress: 'Int!', reason: 'String!', input: 'TaskMilestoneInput!' };
  const response = await graphql<Record<string, TaskView>>(
    platform.gateway.url,
    `mutation(${params.map((param) => `$${param}: ${types[param]}`).join(', ')}) { ${name}(${params.map((param) => `${param}: $${param}`).join(', ')}) { ${TASK_FIELDS} } }`,
    { token, variables: args },
  );
  return { task: response.data?.[name], errors: response.errors };
}

function districtEm() {
  return platform.subgraphs.district.orm.em.fork();
}

/** Task rows and audit entries of one subgraph's database: what a refused change must leave as it was. */
async function footprint(subgraph: 'city' | 'district') {
  const em = platform.subgraphs[subgraph].orm.em.fork();
  return { tasks: await em.count(TaskEntity), milestones: await em.count(MilestoneEntity), audit: await em.count(AuditEntryEntity) };
}

describe('a district task from creation to completion', () => {
  it('is created for a responsibility item, progressed, its milestone done, completed, and every step audited', async () => {
    const created = await createTask(binhaiAdmin, {
      milestones: [
        { title: '制定排查方案', dueDate: daysFromToday(10) },
        { title: '形成排查报告', dueDate: daysFromToday(50) },
      ],
    });
    expect(created.errors).toBeUndefined();
    const task = created.data!.createDistrictTask;
    expect(task).toMatchObject({
      title: '开展廉政风险排查',
      status: 'PLANNED',
      progress: 0,
      dueDate: daysFromToday(60),
      overdue: false,
      completedAt: null,
      responsibilityItem: { id: binhaiItemId, category: { code: 'PARTY_CONDUCT', name: '党风廉政建设' } },
      responsibleCadre: { name: '张明' },
      district: { name: '滨海新区' },
    });
    expect(task.milestones.map((milestone) => [milestone.title, milestone.done])).toEqual([
      ['制定排查方案', false],
      ['形成排查报告', false],
    ]);

    const progressed = await act('updateDistrictTaskProgress', { id: task.id, progress: 40 });
    expect(progressed.errors).toBeUndefined();
    // progress on a planned task means work has started
    expect(progressed.task).toMatchObject({ status: 'IN_PROGRESS', progress: 40 });

    const milestoneDone = await act('completeDistrictTaskMilestone', { id: task.milestones[0].id });
    expect(milestoneDone.errors).toBeUndefined();
    expect(milestoneDone.task!.milestones.map((milestone) => milestone.done)).toEqual([true, false]);

    const beforeCompletion = Date.now();
    const completed = await act('completeDistrictTask', { id: task.id });
    expect(completed.errors).toBeUndefined();
    expect(completed.task).toMatchObject({ status: 'COMPLETED', progress: 100, overdue: false });
    expect(Date.parse(completed.task!.completedAt!)).toBeGreaterThanOrEqual(beforeCompletion - 1000);

    const trail = await graphql<{ districtAuditTrail: { action: string; before: Record<string, unknown> | null; after: Record<string, unknown> }[] }>(
      platform.gateway.url,
      `query($id: ID!) { districtAuditTrail(entityType: TASK, entityId: $id) { action before after } }`,
      { token: binhaiAdmin, variables: { id: task.id } },
    );
    expect(trail.errors).toBeUndefined();
    const entries = trail.data!.districtAuditTrail;
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update', 'transition']);
    expect(entries[0].before).toBeNull();
    expect(entries[0].after).toMatchObject({ title: '开展廉政风险排查', status: 'PLANNED', milestones: [{ title: '制定排查方案' }, { title: '形成排查报告' }] });
    expect(entries[1].before).toMatchObject({ status: 'PLANNED', progress: 0 });
    expect(entries[1].after).toMatchObject({ status: 'IN_PROGRESS', progress: 40 });
    expect(entries[2].before).toMatchObject({ status: 'IN_PROGRESS', progress: 40, completedAt: null });
    expect(entries[2].after).toMatchObject({ status: 'COMPLETED', progress: 100 });

    const milestoneTrail = await districtEm().find(AuditEntryEntity, { entityType: 'TaskMilestone', entityId: task.milestones[0].id });
    expect(milestoneTrail.map((entry) => [entry.action, entry.before?.doneAt ?? null, entry.after?.doneAt != null])).toEqual([['update', null, true]]);
  });

  it('starts a task explicitly, cancels it with a reason, and lists it under the cadre and the item', async () => {
    const created = await createTask(binhaiAdmin, { title: '专项整治', cadreId: binhai.cadreIds[1] });
    const id = created.data!.createDistrictTask.id;
    expect((await act('startDistrictTask', { id })).task).toMatchObject({ status: 'IN_PROGRESS', progress: 0 });
    expect((await act('cancelDistrictTask', { id, reason: '  任务调整,并入年度检查  ' })).task).toMatchObject({
      status: 'CANCELLED',
      cancelReason: '任务调整,并入年度检查',
    });

    const read = await graphql<{ districtCadre: { tasks: { title: string }[] }; districtResponsibilityItem: { tasks: { title: string; status: string }[] } }>(
      platform.gateway.url,
      `query($cadre: ID!, $item: ID!) {
        districtCadre(id: $cadre) { tasks { title } }
        districtResponsibilityItem(id: $item) { tasks { title status } }
      }`,
      { token: binhaiAdmin, variables: { cadre: binhai.cadreIds[1], item: binhaiItemId } },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.districtCadre.tasks).toEqual([{ title: '专项整治' }]);
    expect(read.data!.districtResponsibilityItem.tasks).toEqual(
      expect.arrayContaining([{ title: '专项整治', status: 'CANCELLED' }, { title: '开展廉政风险排查', status: 'COMPLETED' }]),
    );
  });
});

describe('the workflow refuses illegal steps and changes nothing', () => {
  let cancelledId: string;
  let completedId: string;
  let plannedId: string;

  beforeAll(async () => {
    cancelledId = (await createTask(binhaiAdmin, { title: '已撤销的任务' })).data!.createDistrictTask.id;
    await act('cancelDistrictTask', { id: cancelledId, reason: '重复下达' });
    completedId = (await createTask(binhaiAdmin, { title: '已完成的任务', milestones: [{ title: '节点', dueDate: daysFromToday(5) }] })).data!
      .createDistrictTask.id;
    await act('startDistrictTask', { id: completedId });
    await act('completeDistrictTask', { id: completedId });
    plannedId = (await createTask(binhaiAdmin, { title: '未开始的任务' })).data!.createDistrictTask.id;
  });

  it.each([
    ['completeDistrictTask', () => ({ id: cancelledId }), 'a task cannot go from CANCELLED to COMPLETED'],
    ['startDistrictTask', () => ({ id: completedId }), 'a task cannot go from COMPLETED to IN_PROGRESS'],
    ['cancelDistrictTask', () => ({ id: completedId, reason: '补撤' }), 'a task cannot go from COMPLETED to CANCELLED'],
    ['completeDistrictTask', () => ({ id: plannedId }), 'a task cannot go from PLANNED to COMPLETED'],
    ['updateDistrictTaskProgress', () => ({ id: cancelledId, progress: 50 }), 'a task cannot take progress in status CANCELLED'],
    ['updateDistrictTaskProgress', () => ({ id: completedId, progress: 50 }), 'a task cannot take progress in status COMPLETED'],
    ['addDistrictTaskMilestone', () => ({ taskId: completedId, input: { title: '补充节点', dueDate: daysFromToday(3) } }), 'a COMPLETED task cannot be changed'],
  ])('%s %# is refused naming status', async (name, args, message) => {
    const rowsBefore = await districtEm().find(TaskEntity, { id: { $in: [cancelledId, completedId, plannedId] } }, { orderBy: { id: 'asc' } });
    const before = await footprint('district');
    const { task, errors } = await act(name, args());
    expect(task).toBeUndefined();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    // Chinese first, then the English.
    expect(errors?.[0].message).toMatch(new RegExp(`^status: [^/]*[\u4e00-\u9fa5][^/]* / ${message}$`));
    expect(await footprint('district')).toEqual(before);
    const rowsAfter = await districtEm().find(TaskEntity, { id: { $in: [cancelledId, completedId, plannedId] } }, { orderBy: { id: 'asc' } });
    expect(rowsAfter.map((row) => [row.status, row.progress, row.updatedAt.getTime()])).toEqual(
      rowsBefore.map((row) => [row.status, row.progress, row.updatedAt.getTime()]),
    );
  });

  it('refuses to complete a milestone twice', async () => {
    const task = (await createTask(binhaiAdmin, { title: '两个节点', milestones: [{ title: '一', dueDate: daysFromToday(1) }] })).data!.createDistrictTask;
    expect((await act('completeDistrictTaskMilestone', { id: task.milestones[0].id })).errors).toBeUndefined();
    const before = await footprint('district');
    const again = await act('completeDistrictTaskMilestone', { id: task.milestones[0].id });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await footprint('district')).toEqual(before);
  });
});

describe('bad input gets a clear error naming the field, and nothing is written', () => {
  let before: Awaited<ReturnType<typeof footprint>>;
  beforeEach(async () => {
    before = await footprint('district');
  });
  afterEach(async () => {
    expect(await footprint('district')).toEqual(before);
  });

  it('a due date in the past', async () => {
    const response = await createTask(binhaiAdmin, { dueDate: daysFromToday(-1) });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueDate' });
    expect(response.errors?.[0].message).toContain(`today is ${daysFromToday(0)}`);
  });

  it('a date that is no date, a milestone in the past or after the task is due', async () => {
    expect((await createTask(binhaiAdmin, { dueDate: '2026-02-30' })).errors?.[0].extensions).toMatchObject({ field: 'input.dueDate' });
    const past = await createTask(binhaiAdmin, { milestones: [{ title: '节点', dueDate: daysFromToday(-3) }] });
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.milestones.0.dueDate' });
    const late = await createTask(binhaiAdmin, {
      dueDate: daysFromToday(10),
      milestones: [{ title: '节点一', dueDate: daysFromToday(5) }, { title: '节点二', dueDate: daysFromToday(11) }],
    });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.milestones.1.dueDate' });
    const blankMilestone = await createTask(binhaiAdmin, { milestones: [{ title: ' ', dueDate: daysFromToday(5) }] });
    expect(blankMilestone.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.milestones.0.title' });
  });

  it('an empty title', async () => {
    for (const title of ['', '   ']) {
      const response = await createTask(binhaiAdmin, { title });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    }
  });

  it('progress outside 0–100 and a blank cancel reason', async () => {
    const task = (await createTask(binhaiAdmin, { title: '进度校验' })).data!.createDistrictTask;
    before = await footprint('district');
    for (const progress of [101, -1]) {
      const response = await act('updateDistrictTaskProgress', { id: task.id, progress });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'progress' });
    }
    const blank = await act('cancelDistrictTask', { id: task.id, reason: '  ' });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const [row] = await districtEm().find(TaskEntity, { id: task.id });
    expect([row.status, row.progress]).toEqual(['PLANNED', 0]);
  });

  it('unknown ids are NOT_FOUND, malformed ids name the argument', async () => {
    const unknown = '01890a5d-ac96-774b-bcce-b302099a8057';
    expect((await createTask(binhaiAdmin, { responsibilityItemId: unknown })).errors?.[0]).toMatchObject({
      message: `未找到主体责任清单事项 ${unknown} / responsibility item ${unknown} not found`,
      extensions: { code: 'NOT_FOUND' },
    });
    expect((await createTask(binhaiAdmin, { cadreId: unknown })).errors?.[0]).toMatchObject({
      message: `未找到领导干部 ${unknown} / cadre ${unknown} not found`,
      extensions: { code: 'NOT_FOUND' },
    });
    for (const [name, args] of [
      ['startDistrictTask', { id: unknown }],
      ['completeDistrictTask', { id: unknown }],
      ['cancelDistrictTask', { id: unknown, reason: '无' }],
      ['updateDistrictTaskProgress', { id: unknown, progress: 10 }],
      ['addDistrictTaskMilestone', { taskId: unknown, input: { title: '节点', dueDate: daysFromToday(1) } }],
      ['completeDistrictTaskMilestone', { id: unknown }],
    ] as const) {
      expect((await act(name, args)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect((await act('startDistrictTask', { id: 'nope' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect((await createTask(binhaiAdmin, { cadreId: 'nope' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.cadreId',
    });
  });

  it('a cadre of another district', async () => {
    const heping = await createUnitWithCadres(platform, hepingAdmin, 'district', '120101', ['王强']);
    before = await footprint('district');
    const response = await createTask(binhaiAdmin, { cadreId: heping.cadreIds[0] });
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(response.errors?.[0].message).toContain(heping.cadreIds[0]);
  });
});

describe('a district administrator writes only its own district', () => {
  it('cannot create a task in another district, nor change one there; nothing is written', async () => {
    const binhaiTask = (await createTask(binhaiAdmin, { title: '滨海新区的任务' })).data!.createDistrictTask;
    const before = await footprint('district');
    const create = await createTask(hepingAdmin);
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expect(create.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    for (const [name, args] of [
      ['startDistrictTask', { id: binhaiTask.id }],
      ['updateDistrictTaskProgress', { id: binhaiTask.id, progress: 10 }],
      ['cancelDistrictTask', { id: binhaiTask.id, reason: '越权' }],
      ['addDistrictTaskMilestone', { taskId: binhaiTask.id, input: { title: '越权节点', dueDate: daysFromToday(1) } }],
    ] as const) {
      expect((await act(name, args, hepingAdmin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    expect(await footprint('district')).toEqual(before);
    const read = await graphql(platform.gateway.url, `query($id: ID!) { districtTask(id: $id) { title } }`, {
      token: hepingAdmin,
      variables: { id: binhaiTask.id },
    });
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ districtTask: null });
  });

  it('cannot create a task in the city; nothing is written in either database', async () => {
    const city = await createUnitWithCadres(platform, cityAdmin, 'city', '120000', ['赵刚']);
    const cityItemId = await createResponsibilityItem(platform, cityAdmin, 'city', { unitId: city.unitId, categoryCode: 'IDEOLOGY' });
    const before = { city: await footprint('city'), district: await footprint('district') };
    const response = await graphql(
      platform.gateway.url,
      `mutation($input: CreateTaskInput!) { createCityTask(input: $input) { id } }`,
      {
        token: binhaiAdmin,
        variables: { input: { responsibilityItemId: cityItemId, cadreId: city.cadreIds[0], title: '越级下达', dueDate: daysFromToday(5) } },
      },
    );
    // The city's list is open to the districts below it (they break it down), so the item is found;
    // writing stays the city's own: refused, never written.
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect({ city: await footprint('city'), district: await footprint('district') }).toEqual(before);

    // the city's own administrator may
    const own = await graphql<{ createCityTask: { status: string; city: { name: string } } }>(
      platform.gateway.url,
      `mutation($input: CreateTaskInput!) { createCityTask(input: $input) { status city { name } } }`,
      {
        token: cityAdmin,
        variables: { input: { responsibilityItemId: cityItemId, cadreId: city.cadreIds[0], title: '市级任务', dueDate: daysFromToday(5) } },
      },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.createCityTask).toEqual({ status: 'PLANNED', city: { name: '天津市' } });
  });

  it('needs a token', async () => {
    const response = await createTask('');
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('overdue is derived on every read', () => {
  it('is true for an open task past its due date and false once it is closed', async () => {
    const em = districtEm();
    // Written straight to the table: the API refuses past due dates, old data may have them.
    const late = em.create(TaskEntity, {
      jurisdictionCode: '120116',
      responsibilityItemId: binhaiItemId,
      cadreId: binhai.cadreIds[0],
      title: '逾期未办结',
      dueDate: daysFromToday(-2),
      status: 'IN_PROGRESS',
      progress: 30,
    });
    const lateButDone = em.create(TaskEntity, {
      jurisdictionCode: '120116',
      responsibilityItemId: binhaiItemId,
      cadreId: binhai.cadreIds[0],
      title: '逾期前已办结',
      dueDate: daysFromToday(-2),
      status: 'COMPLETED',
      progress: 100,
      completedAt: new Date(),
    });
    const dueToday = em.create(TaskEntity, {
      jurisdictionCode: '120116',
      responsibilityItemId: binhaiItemId,
      cadreId: binhai.cadreIds[0],
      title: '今日到期',
      dueDate: daysFromToday(0),
    });
    await em.flush();

    const read = await graphql<Record<string, { overdue: boolean }>>(
      platform.gateway.url,
      `query($a: ID!, $b: ID!, $c: ID!) { a: districtTask(id: $a) { overdue } b: districtTask(id: $b) { overdue } c: districtTask(id: $c) { overdue } }`,
      { token: binhaiAdmin, variables: { a: late.id, b: lateButDone.id, c: dueToday.id } },
    );
    expect(read.data).toEqual({ a: { overdue: true }, b: { overdue: false }, c: { overdue: false } });

    const list = await graphql<{ district: { tasks: { totalCount: number; edges: { node: { title: string; overdue: boolean } }[] } } }>(
      platform.gateway.url,
      `{ district(code: "120116") { tasks(filter: { overdue: true }) { totalCount edges { node { title overdue } } } } }`,
      { token: binhaiAdmin },
    );
    expect(list.data!.district.tasks).toEqual({ totalCount: 1, edges: [{ node: { title: '逾期未办结', overdue: true } }] });

    // closing it ends the overdue state without anything being stored about it
    await act('completeDistrictTask', { id: late.id });
    const after = await graphql<{ districtTask: { overdue: boolean; status: string } }>(
      platform.gateway.url,
      `query($id: ID!) { districtTask(id: $id) { status overdue } }`,
      { token: binhaiAdmin, variables: { id: late.id } },
    );
    expect(after.data!.districtTask).toEqual({ status: 'COMPLETED', overdue: false });
  });
});

describe('the same task list at street level', () => {
  it('a street administrator keeps its own list, which the district above reads through the Task interface', async () => {
    const streetAdmin = await platform.token({ level: 'street', code: '120116001', roles: ['admin'] });
    const street = await createUnitWithCadres(platform, streetAdmin, 'street', '120116001', ['钱进']);
    const itemId = await createResponsibilityItem(platform, streetAdmin, 'street', { unitId: street.unitId, categoryCode: 'RECTIFICATION' });
    const created = await graphql<{ createStreetTask: { id: string; street: { name: string } } }>(
      platform.gateway.url,
      `mutation($input: CreateTaskInput!) { createStreetTask(input: $input) { id street { name } } }`,
      { token: streetAdmin, variables: { input: { responsibilityItemId: itemId, cadreId: street.cadreIds[0], title: '巡察反馈问题整改', dueDate: daysFromToday(20) } } },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createStreetTask.street).toEqual({ name: '塘沽街道' });
    expect((await act('startStreetTask', { id: created.data!.createStreetTask.id }, streetAdmin)).task).toMatchObject({ status: 'IN_PROGRESS' });

    // the district administrator above reads it, down the chain, but may not change it
    const read = await graphql<{ district: { streets: { tasks: { edges: { node: { __typename: string; status: string; responsibilityItem: { category: { name: string } } } }[] } }[] } }>(
      platform.gateway.url,
      `{ district(code: "120116") { streets { code tasks(first: 5) { edges { node { __typename ... on Task { status responsibilityItem { category { name } } } } } } } } }`,
      { token: binhaiAdmin },
    );
    expect(read.errors).toBeUndefined();
    const withTasks = read.data!.district.streets.filter((entry) => entry.tasks.edges.length > 0);
    expect(withTasks.map((entry) => entry.tasks.edges.map((edge) => edge.node))).toEqual([
      [{ __typename: 'StreetTask', status: 'IN_PROGRESS', responsibilityItem: { category: { name: '整改落实' } } }],
    ]);
    const write = await act('completeStreetTask', { id: created.data!.createStreetTask.id }, binhaiAdmin);
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
