import { startGateway, type RunningGateway } from '@supervision/gateway';
import { AuditEntryEntity, databaseScopeOf, ResponsibilityItemEntity, TaskEntity, withDatabaseScope } from '@supervision/kit';
import { expectError, gatewayCaller, ok, type AnyData } from '../support/gateway-client';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { deadAddress } from '../reliability/fault-servers';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday, type OrgFixture } from '../support/task-fixtures';

/**
 * 三级联通 The three levels linked by their records, through the real gateway in front of the real
 * city, district and street subgraphs (one embedded PostgreSQL each): a district item breaks a city
 * item down, a street item its district's item, and one query walks the chain down (city item →
 * district items → street items → their tasks and duty records) and up again.
 */
let platform: TestPlatform;
const { call, callOk } = gatewayCaller(() => platform);
const tokens: Record<string, string> = {};
let cityUnit: OrgFixture;
let binhaiUnit: OrgFixture;
let ningheUnit: OrgFixture;
let tangguUnit: OrgFixture;
let lutaiUnit: OrgFixture;
let cityItem: string;
let binhaiItem: string;
let ningheItem: string;
let tangguItem: string;
let tangguTask: string;
let tangguDuty: string;

const ITEM = { categoryCode: 'PARTY_CONDUCT', year: 2026 };

beforeAll(async () => {
  platform = await startTestPlatform();
  const admin = (level: 'city' | 'district' | 'street', code: string) => platform.token({ level, code, roles: ['admin'] });
  tokens.city = await admin('city', '120000');
  tokens.binhai = await admin('district', '120116');
  tokens.ninghe = await admin('district', '120117');
  tokens.tanggu = await admin('street', '120116001');
  tokens.lutai = await admin('street', '120117001');
  tokens.cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
  cityUnit = await createUnitWithCadres(platform, tokens.city, 'city', '120000', ['李明'], '中共天津市委员会');
  binhaiUnit = await createUnitWithCadres(platform, tokens.binhai, 'district', '120116', ['王海'], '中共天津市滨海新区委员会');
  ningheUnit = await createUnitWithCadres(platform, tokens.ninghe, 'district', '120117', ['赵宁'], '中共天津市宁河区委员会');
  tangguUnit = await createUnitWithCadres(platform, tokens.tanggu, 'street', '120116001', ['陈塘'], '中共塘沽街道工作委员会');
  lutaiUnit = await createUnitWithCadres(platform, tokens.lutai, 'street', '120117001', ['刘台'], '中共芦台街道工作委员会');
  cityItem = await createResponsibilityItem(platform, tokens.city, 'city', { unitId: cityUnit.unitId, ...ITEM, content: '全市落实全面从严治党主体责任' });
  binhaiItem = await createResponsibilityItem(platform, tokens.binhai, 'district', { unitId: binhaiUnit.unitId, ...ITEM, content: '滨海新区分解落实', parentItemId: cityItem });
  ningheItem = await createResponsibilityItem(platform, tokens.ninghe, 'district', { unitId: ningheUnit.unitId, ...ITEM, content: '宁河区分解落实', parentItemId: cityItem });
  tangguItem = await createResponsibilityItem(platform, tokens.tanggu, 'street', { unitId: tangguUnit.unitId, ...ITEM, content: '塘沽街道分解落实', parentItemId: binhaiItem });
  tangguTask = (
    await callOk(tokens.tanggu, `mutation($input: CreateTaskInput!) { t: createStreetTask(input: $input) { id } }`, {
      input: { responsibilityItemId: tangguItem, cadreId: tangguUnit.cadreIds[0], title: '开展廉政谈话', dueDate: daysFromToday(30) },
    })
  ).t.id;
  tangguDuty = (
    await callOk(tokens.tanggu, `mutation($input: RecordDutyInput!) { d: recordStreetDuty(input: $input) { id } }`, {
      input: { cadreId: tangguUnit.cadreIds[0], kind: 'TALK', occurredOn: daysFromToday(-1), taskId: tangguTask, responsibilityItemId: tangguItem, summary: '与班子成员逐一谈话' },
    })
  ).d.id;
});
afterAll(() => platform?.stop());

const DOWN = `query($id: ID!) {
  cityResponsibilityItem(id: $id) {
    content
    breakdownItems {
      content district { code }
      breakdownItems { content street { code } tasks { id title } dutyRecords { id summary } }
    }
  }
}`;

describe('responsibility items broken down level by level (分解)', () => {
  it('walks city item → district items → street items → tasks and duty records in one query', async () => {
    const data = await callOk(tokens.cityCommission, DOWN, { id: cityItem });
    const item = data.cityResponsibilityItem;
    expect(item.content).toBe('全市落实全面从严治党主体责任');
    expect(item.breakdownItems.map((district: AnyData) => district.district.code)).toEqual(['120116', '120117']);
    const binhai = item.breakdownItems[0];
    expect(binhai.content).toBe('滨海新区分解落实');
    expect(binhai.breakdownItems).toEqual([
      { content: '塘沽街道分解落实', street: { code: '120116001' }, tasks: [{ id: tangguTask, title: '开展廉政谈话' }], dutyRecords: [{ id: tangguDuty, summary: '与班子成员逐一谈话' }] },
    ]);
    expect(item.breakdownItems[1].breakdownItems).toEqual([]);
  });

  it('walks up again: street task → street item → district item → city item', async () => {
    const data = await callOk(tokens.cityCommission, `query($id: ID!) {
      streetTask(id: $id) { responsibilityItem { ... on StreetResponsibilityItem { content parentItem { content district { code } parentItem { id content city { code } } } } } }
    }`, { id: tangguTask });
    expect(data.streetTask.responsibilityItem).toEqual({
      content: '塘沽街道分解落实',
      parentItem: { content: '滨海新区分解落实', district: { code: '120116' }, parentItem: { id: cityItem, content: '全市落实全面从严治党主体责任', city: { code: '120000' } } },
    });
  });

  it('shows a district, traversing down from the city item, only its own breakdown', async () => {
    const ninghe = await callOk(tokens.ninghe, DOWN, { id: cityItem });
    expect(ninghe.cityResponsibilityItem.content).toBe('全市落实全面从严治党主体责任');
    expect(ninghe.cityResponsibilityItem.breakdownItems).toEqual([{ content: '宁河区分解落实', district: { code: '120117' }, breakdownItems: [] }]);
    // A street sees its own district's breakdown of the city item and, below it, only its own items.
    const lutai = await callOk(tokens.lutai, DOWN, { id: cityItem });
    expect(lutai.cityResponsibilityItem.breakdownItems).toEqual([{ content: '宁河区分解落实', district: { code: '120117' }, breakdownItems: [] }]);
    // Lists stay closed sideways: another district's item is not there for 宁河区.
    const sideways = await call(tokens.ninghe, `query($id: ID!) { districtResponsibilityItem(id: $id) { id } }`, { id: binhaiItem });
    expect(sideways.data?.districtResponsibilityItem ?? null).toBeNull();
  });

  it('keeps the district database itself to that rule: a street sees its own district\'s list, not another district\'s, and never changes it', async () => {
    const asStreet = (code: string) => databaseScopeOf({ subject: 's', level: 'street', code, roles: ['admin'] });
    const district = platform.subgraphs.district.requestOrm;
    const seen = (code: string) =>
      withDatabaseScope(asStreet(code), () => district.em.fork().getConnection().execute<{ jurisdiction_code: string }[]>('select distinct jurisdiction_code from responsibility_item order by 1'));
    expect(await seen('120116001')).toEqual([{ jurisdiction_code: '120116' }]);
    expect(await seen('120117001')).toEqual([{ jurisdiction_code: '120117' }]);
    const changed = await withDatabaseScope(asStreet('120116001'), () =>
      district.em.fork().getConnection().execute<{ id: string }[]>(`update responsibility_item set content = 'x' where id = ? returning id`, [binhaiItem]),
    );
    expect(changed).toEqual([]);
  });

  it('refuses a parent outside the jurisdiction directly above, naming the field, and writes nothing', async () => {
    const count = async () => ({
      district: await platform.subgraphs.district.orm.em.fork().count(ResponsibilityItemEntity),
      street: await platform.subgraphs.street.orm.em.fork().count(ResponsibilityItemEntity),
      city: await platform.subgraphs.city.orm.em.fork().count(ResponsibilityItemEntity),
    });
    const before = await count();
    const create = (token: string, level: 'City' | 'District' | 'Street', unitId: string, parentItemId: string) =>
      call(token, `mutation($input: CreateResponsibilityItemInput!) { r: create${level}ResponsibilityItem(input: $input) { id } }`, {
        input: { unitId, ...ITEM, content: '分解', parentItemId },
      });
    // 芦台街道 (宁河区) names 滨海新区's item: not its own district's.
    const foreign = await create(tokens.lutai, 'Street', lutaiUnit.unitId, binhaiItem);
    expectError(foreign, 'BAD_USER_INPUT', 'input.parentItemId');
    expect(foreign.errors![0].message).toContain('宁河区');
    // A street names the city's item: not the level directly above it.
    expectError(await create(tokens.tanggu, 'Street', tangguUnit.unitId, cityItem), 'BAD_USER_INPUT', 'input.parentItemId');
    // A district names a district item (its own level), an id that exists nowhere, and the city names a parent at all.
    expectError(await create(tokens.binhai, 'District', binhaiUnit.unitId, ningheItem), 'BAD_USER_INPUT', 'input.parentItemId');
    expectError(await create(tokens.binhai, 'District', binhaiUnit.unitId, '01900000-0000-7000-8000-000000000000'), 'BAD_USER_INPUT', 'input.parentItemId');
    expectError(await create(tokens.city, 'City', cityUnit.unitId, cityItem), 'BAD_USER_INPUT', 'input.parentItemId');
    expectError(await create(tokens.binhai, 'District', binhaiUnit.unitId, 'not-a-uuid'), 'BAD_USER_INPUT', 'input.parentItemId');
    // The same check on a change.
    const moved = await call(tokens.tanggu, `mutation($id: ID!, $p: ID) { updateStreetResponsibilityItem(id: $id, input: { parentItemId: $p }) { id } }`, { id: tangguItem, p: ningheItem });
    expectError(moved, 'BAD_USER_INPUT', 'input.parentItemId');
    expect(await count()).toEqual(before);
    const unchanged = await platform.subgraphs.street.orm.em.fork().findOneOrFail(ResponsibilityItemEntity, { id: tangguItem });
    expect(unchanged.parentItemId).toBe(binhaiItem);
  });

  it('breaks down only an item of the same year, on creation and on a change of year', async () => {
    const before = await platform.subgraphs.district.orm.em.fork().count(ResponsibilityItemEntity);
    const create = await call(tokens.binhai, `mutation($input: CreateResponsibilityItemInput!) { r: createDistrictResponsibilityItem(input: $input) { id } }`, {
      input: { unitId: binhaiUnit.unitId, ...ITEM, year: 2027, content: '跨年度分解', parentItemId: cityItem },
    });
    expectError(create, 'BAD_USER_INPUT', 'input.parentItemId');
    expect(create.errors![0].message).toMatch(/只能分解同一年度的条目 \/ the item above is of 2026, this item of 2027/);
    expect(await platform.subgraphs.district.orm.em.fork().count(ResponsibilityItemEntity)).toBe(before);
    // Moving the linked item to another year while it keeps its 2026 parent is refused on the year.
    const moved = await call(tokens.binhai, `mutation($id: ID!) { u: updateDistrictResponsibilityItem(id: $id, input: { year: 2027 }) { year } }`, { id: binhaiItem });
    expectError(moved, 'BAD_USER_INPUT', 'input.year');
    const kept = await platform.subgraphs.district.orm.em.fork().findOneOrFail(ResponsibilityItemEntity, { id: binhaiItem });
    expect(kept.year).toBe(2026);
  });

  it('audits a change of parent, and still refuses a change based on an old version', async () => {
    const item = await createResponsibilityItem(platform, tokens.binhai, 'district', { unitId: binhaiUnit.unitId, ...ITEM, content: '待分解' });
    const UPDATE = `mutation($id: ID!, $input: UpdateResponsibilityItemInput!) { u: updateDistrictResponsibilityItem(id: $id, input: $input) { version parentItem { id } } }`;
    const linked = await callOk(tokens.binhai, UPDATE, { id: item, input: { parentItemId: cityItem, expectedVersion: 1 } });
    expect(linked.u).toEqual({ version: 2, parentItem: { id: cityItem } });
    expectError(await call(tokens.binhai, UPDATE, { id: item, input: { parentItemId: null, expectedVersion: 1 } }), 'CONFLICT');
    const unlinked = await callOk(tokens.binhai, UPDATE, { id: item, input: { parentItemId: null, expectedVersion: 2 } });
    expect(unlinked.u).toEqual({ version: 3, parentItem: null });
    const entries = await platform.subgraphs.district.orm.em.fork().find(AuditEntryEntity, { entityType: 'ResponsibilityItem', entityId: item }, { orderBy: { seq: 'asc' } });
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update', 'update']);
    expect(entries[1].before).toMatchObject({ parentItemId: null });
    expect(entries[1].after).toMatchObject({ parentItemId: cityItem });
    expect(entries[2].after).toMatchObject({ parentItemId: null });
  });

  it('lets a street walk up its own chain: its item → its district\'s item → the city\'s item', async () => {
    const data = await callOk(tokens.tanggu, `query($id: ID!) {
      streetTask(id: $id) { responsibilityItem { ... on StreetResponsibilityItem { parentItem { content parentItem { content } } } } }
    }`, { id: tangguTask });
    expect(data.streetTask.responsibilityItem.parentItem).toEqual({ content: '滨海新区分解落实', parentItem: { content: '全市落实全面从严治党主体责任' } });
  });

  it('weighs the breakdown lists by their first argument in the operation limits', async () => {
    const nested = (outer: number, inner: number) =>
      `query($id: ID!) { cityResponsibilityItem(id: $id) { breakdownItems(first: ${outer}) { id breakdownItems(first: ${inner}) { id tasks { id title } dutyRecords { id summary } } } } }`;
    expectError(await call(tokens.cityCommission, nested(200, 200), { id: cityItem }), 'QUERY_TOO_COMPLEX');
    expect((await call(tokens.cityCommission, nested(16, 5), { id: cityItem })).errors).toBeUndefined();
  });

  it('refuses anonymous callers and a breakdown list larger than allowed', async () => {
    const anonymous = await call(undefined, `query($id: ID!) { cityResponsibilityItem(id: $id) { breakdownItems { id } } }`, { id: cityItem });
    expectError(anonymous, 'UNAUTHENTICATED');
    const tooMany = await call(tokens.cityCommission, `query($id: ID!) { cityResponsibilityItem(id: $id) { breakdownItems(first: 201) { id } } }`, { id: cityItem });
    expectError(tooMany, 'BAD_USER_INPUT', 'first');
  });
});

describe('a level down is a field down', () => {
  let gateway: RunningGateway | undefined;
  afterAll(() => gateway?.stop());

  it('answers the city and district levels when the street subgraph is gone, with null and SUBGRAPH_UNAVAILABLE on the street fields only', async () => {
    gateway = await startGateway({
      port: 0,
      gatewaySecret: platform.secrets.gatewaySecret,
      jwtPublicJwk: platform.secrets.publicJwk,
      subgraphDeadlineMs: 800,
      subgraphUrls: { city: platform.subgraphs.city.url, district: platform.subgraphs.district.url, street: await deadAddress() },
      log: () => {},
    });
    const answer = await graphql<AnyData>(gateway.url, `query($id: ID!) { cityResponsibilityItem(id: $id) { content breakdownItems { content breakdownItems { id } } } }`, {
      token: tokens.cityCommission,
      variables: { id: cityItem },
    });
    expect(answer.data?.cityResponsibilityItem.content).toBe('全市落实全面从严治党主体责任');
    expect(answer.data?.cityResponsibilityItem.breakdownItems).toEqual([
      { content: '滨海新区分解落实', breakdownItems: null },
      { content: '宁河区分解落实', breakdownItems: null },
    ]);
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(expect.arrayContaining(['SUBGRAPH_UNAVAILABLE']));
    for (const error of answer.errors!) expect(error.extensions).toMatchObject({ serviceName: 'street' });
  });
});

describe('a level down is a field down, for answering tasks too', () => {
  let gateway: RunningGateway | undefined;
  afterAll(() => gateway?.stop());

  it('answers a city directive when the district subgraph is gone, with answeringTasks null and SUBGRAPH_UNAVAILABLE', async () => {
    const directive = (
      await callOk(tokens.city, `mutation($input: IssueDirectiveInput!) { d: issueCityDirective(input: $input) { id } }`, {
        input: { title: '关于报送清单分解情况的通知', requirements: '报送分解情况', deadline: daysFromToday(20), targetCodes: ['120116'] },
      })
    ).d.id;
    gateway = await startGateway({
      port: 0,
      gatewaySecret: platform.secrets.gatewaySecret,
      jwtPublicJwk: platform.secrets.publicJwk,
      subgraphDeadlineMs: 800,
      subgraphUrls: { city: platform.subgraphs.city.url, district: await deadAddress(), street: platform.subgraphs.street.url },
      log: () => {},
    });
    const answer = await graphql<AnyData>(gateway.url, `query($id: ID!) { cityDirective(id: $id) { title answeringTasks { id } } }`, {
      token: tokens.cityCommission,
      variables: { id: directive },
    });
    expect(answer.data?.cityDirective).toEqual({ title: '关于报送清单分解情况的通知', answeringTasks: null });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'district' });
  });
});

describe('tasks answering directives (任务落实指令)', () => {
  let cityDirective: string;
  let binhaiOnlyDirective: string;
  let binhaiDirective: string;
  let binhaiTask: string;
  let binhaiOwnTask: string;
  let ningheTask: string;
  let tangguAnswer: string;

  const issue = async (token: string, level: 'City' | 'District', targetCodes: string[], title: string) =>
    (
      await callOk(token, `mutation($input: IssueDirectiveInput!) { d: issue${level}Directive(input: $input) { id } }`, {
        input: { title, requirements: '逐项落实并报送', deadline: daysFromToday(20), targetCodes },
      })
    ).d.id as string;
  const createTask = (token: string, level: 'District' | 'Street', itemId: string, cadreId: string, directiveId: string, title = '落实指令') =>
    call(token, `mutation($input: CreateTaskInput!) { t: create${level}Task(input: $input) { id } }`, {
      input: { responsibilityItemId: itemId, cadreId, title, dueDate: daysFromToday(15), directiveId },
    });

  beforeAll(async () => {
    cityDirective = await issue(tokens.city, 'City', ['120116', '120117'], '关于落实主体责任清单的通知');
    binhaiOnlyDirective = await issue(tokens.city, 'City', ['120116'], '关于滨海新区专项整治的通知');
    binhaiDirective = await issue(tokens.binhai, 'District', ['120116001'], '滨海新区关于街道落实主体责任清单的通知');
    binhaiTask = ok(await createTask(tokens.binhai, 'District', binhaiItem, binhaiUnit.cadreIds[0], cityDirective, '滨海新区落实市级通知')).t.id;
    binhaiOwnTask = ok(await createTask(tokens.binhai, 'District', binhaiItem, binhaiUnit.cadreIds[0], binhaiDirective, '滨海新区督导街道落实')).t.id;
    ningheTask = ok(await createTask(tokens.ninghe, 'District', ningheItem, ningheUnit.cadreIds[0], cityDirective, '宁河区落实市级通知')).t.id;
    tangguAnswer = ok(await createTask(tokens.tanggu, 'Street', tangguItem, tangguUnit.cadreIds[0], binhaiDirective, '塘沽街道落实区级通知')).t.id;
  });

  it('lists, on a city directive, the tasks of its addressees that answer it — all for the city, its own for a district', async () => {
    const QUERY = `query($id: ID!) { cityDirective(id: $id) { title answeringTasks { id title district { code } directive { ... on CityDirective { id } } } issuerTasks { id } } }`;
    const city = await callOk(tokens.cityCommission, QUERY, { id: cityDirective });
    expect(city.cityDirective.answeringTasks).toEqual([
      { id: binhaiTask, title: '滨海新区落实市级通知', district: { code: '120116' }, directive: { id: cityDirective } },
      { id: ningheTask, title: '宁河区落实市级通知', district: { code: '120117' }, directive: { id: cityDirective } },
    ]);
    expect(city.cityDirective.issuerTasks).toEqual([]);
    const binhai = await callOk(tokens.binhai, QUERY, { id: cityDirective });
    expect(binhai.cityDirective.answeringTasks.map((task: AnyData) => task.id)).toEqual([binhaiTask]);
  });

  it('walks down from a district directive to its own tasks and its streets\' answering tasks', async () => {
    const data = await callOk(tokens.cityCommission, `query($id: ID!) {
      districtDirective(id: $id) { issuerTasks { id title } answeringTasks { id street { code } responsibilityItem { ... on StreetResponsibilityItem { id } } } }
    }`, { id: binhaiDirective });
    expect(data.districtDirective).toEqual({
      issuerTasks: [{ id: binhaiOwnTask, title: '滨海新区督导街道落实' }],
      answeringTasks: [{ id: tangguAnswer, street: { code: '120116001' }, responsibilityItem: { id: tangguItem } }],
    });
  });

  it('walks up in one query: street task → the directive it answers, and → street item → district item → city item', async () => {
    const data = await callOk(tokens.cityCommission, `query($id: ID!) {
      streetTask(id: $id) {
        directive { ... on DistrictDirective { id title issuerCode } }
        responsibilityItem { ... on StreetResponsibilityItem { parentItem { id parentItem { id content } } } }
      }
    }`, { id: tangguAnswer });
    expect(data.streetTask).toEqual({
      directive: { id: binhaiDirective, title: '滨海新区关于街道落实主体责任清单的通知', issuerCode: '120116' },
      responsibilityItem: { parentItem: { id: binhaiItem, parentItem: { id: cityItem, content: '全市落实全面从严治党主体责任' } } },
    });
    // A district task names a city directive or one of its own; the union says which.
    const district = await callOk(tokens.binhai, `query($a: ID!, $b: ID!) {
      a: districtTask(id: $a) { directive { __typename ... on CityDirective { id title } } }
      b: districtTask(id: $b) { directive { __typename ... on DistrictDirective { id targetCodes } } }
    }`, { a: binhaiTask, b: binhaiOwnTask });
    expect(district).toEqual({
      a: { directive: { __typename: 'CityDirective', id: cityDirective, title: '关于落实主体责任清单的通知' } },
      b: { directive: { __typename: 'DistrictDirective', id: binhaiDirective, targetCodes: ['120116001'] } },
    });
  });

  it('refuses a directive not addressed to the task\'s jurisdiction (nor its own), naming the field, and writes nothing', async () => {
    const count = async () => ({
      district: await platform.subgraphs.district.orm.em.fork().count(TaskEntity),
      street: await platform.subgraphs.street.orm.em.fork().count(TaskEntity),
    });
    const before = await count();
    // 宁河区 names a city directive addressed only to 滨海新区, and 滨海新区's own directive.
    const notAddressed = await createTask(tokens.ninghe, 'District', ningheItem, ningheUnit.cadreIds[0], binhaiOnlyDirective);
    expectError(notAddressed, 'BAD_USER_INPUT', 'input.directiveId');
    expect(notAddressed.errors![0].message).toContain('宁河区');
    expectError(await createTask(tokens.ninghe, 'District', ningheItem, ningheUnit.cadreIds[0], binhaiDirective), 'BAD_USER_INPUT', 'input.directiveId');
    // 芦台街道 names 滨海新区's directive to 塘沽街道; 塘沽街道 names the city's directive (not from the level directly above).
    expectError(await createTask(tokens.lutai, 'Street', (await lutaiItem()), lutaiUnit.cadreIds[0], binhaiDirective), 'BAD_USER_INPUT', 'input.directiveId');
    expectError(await createTask(tokens.tanggu, 'Street', tangguItem, tangguUnit.cadreIds[0], cityDirective), 'BAD_USER_INPUT', 'input.directiveId');
    expectError(await createTask(tokens.binhai, 'District', binhaiItem, binhaiUnit.cadreIds[0], '01900000-0000-7000-8000-000000000000'), 'BAD_USER_INPUT', 'input.directiveId');
    expectError(await createTask(tokens.binhai, 'District', binhaiItem, binhaiUnit.cadreIds[0], 'nope'), 'BAD_USER_INPUT', 'input.directiveId');
    expect(await count()).toEqual(before);
  });

  it('audits the directive a task answers with the task\'s creation', async () => {
    const [entry] = await platform.subgraphs.street.orm.em.fork().find(AuditEntryEntity, { entityType: 'Task', entityId: tangguAnswer });
    expect(entry.action).toBe('create');
    expect(entry.after).toMatchObject({ directiveId: binhaiDirective });
  });

  let lutaiItemId: string | undefined;
  async function lutaiItem(): Promise<string> {
    lutaiItemId ??= await createResponsibilityItem(platform, tokens.lutai, 'street', { unitId: lutaiUnit.unitId, ...ITEM, content: '芦台街道清单' });
    return lutaiItemId;
  }
});
