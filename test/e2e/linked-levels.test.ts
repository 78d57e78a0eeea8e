import { startGateway, type RunningGateway } from '@supervision/gateway';
import { AuditEntryEntity, databaseScopeOf, ResponsibilityItemEntity, withDatabaseScope } from '@supervision/kit';
import { expectError, gatewayCaller, type AnyData } from '../support/gateway-client';
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
