import { AuditEntryEntity, ResponsibilityCategoryEntity, ResponsibilityItemEntity } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { createResponsibilityItem, createUnitWithCadres, type OrgFixture } from '../support/task-fixtures';

let platform: TestPlatform;
let xiqingAdmin: string;
let hepingAdmin: string;
let xiqing: OrgFixture;
let otherUnit: OrgFixture;

beforeAll(async () => {
  platform = await startTestPlatform();
  xiqingAdmin = await platform.token({ level: 'district', code: '120111', roles: ['admin'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  xiqing = await createUnitWithCadres(platform, xiqingAdmin, 'district', '120111', ['孙立', '周平']);
  otherUnit = await createUnitWithCadres(platform, xiqingAdmin, 'district', '120111', ['吴军'], '西青区人民政府');
});
afterAll(() => platform?.stop());

const CREATE = `mutation($input: CreateResponsibilityItemInput!) {
  createDistrictResponsibilityItem(input: $input) { id year content basis category { code name sortOrder } unit { id } cadre { name } district { code } }
}`;

async function create(input: Record<string, unknown>, token = xiqingAdmin) {
  return graphql<{ createDistrictResponsibilityItem: { id: string; cadre: { name: string } | null } }>(platform.gateway.url, CREATE, {
    token,
    variables: { input: { unitId: xiqing.unitId, categoryCode: 'PARTY_CONDUCT', year: 2026, content: '履行第一责任人职责', ...input } },
  });
}

async function footprint() {
  const em = platform.subgraphs.district.orm.em.fork();
  return { items: await em.count(ResponsibilityItemEntity), categories: await em.count(ResponsibilityCategoryEntity), audit: await em.count(AuditEntryEntity) };
}

describe('responsibility items', () => {
  it('are created for the leadership team or one cadre, updated, and audited', async () => {
    const team = await create({ basis: '《党委(党组)落实全面从严治党主体责任规定》' });
    expect(team.errors).toBeUndefined();
    expect(team.data!.createDistrictResponsibilityItem).toMatchObject({
      year: 2026,
      basis: '《党委(党组)落实全面从严治党主体责任规定》',
      category: { code: 'PARTY_CONDUCT', name: '党风廉政建设', sortOrder: 1 },
      unit: { id: xiqing.unitId },
      cadre: null,
      district: { code: '120111' },
    });
    const id = team.data!.createDistrictResponsibilityItem.id;

    const updated = await graphql<{ updateDistrictResponsibilityItem: { content: string; category: { code: string }; cadre: { name: string } | null; year: number } }>(
      platform.gateway.url,
      `mutation($id: ID!, $input: UpdateResponsibilityItemInput!) { updateDistrictResponsibilityItem(id: $id, input: $input) { content year category { code } cadre { name } } }`,
      { token: xiqingAdmin, variables: { id, input: { content: ' 抓好意识形态工作 ', categoryCode: 'IDEOLOGY', cadreId: xiqing.cadreIds[1] } } },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateDistrictResponsibilityItem).toEqual({ content: '抓好意识形态工作', year: 2026, category: { code: 'IDEOLOGY' }, cadre: { name: '周平' } });

    const backToTeam = await graphql<{ updateDistrictResponsibilityItem: { cadre: null } }>(
      platform.gateway.url,
      `mutation($id: ID!) { updateDistrictResponsibilityItem(id: $id, input: { cadreId: null }) { cadre { name } } }`,
      { token: xiqingAdmin, variables: { id } },
    );
    expect(backToTeam.data!.updateDistrictResponsibilityItem.cadre).toBeNull();

    const entries = await platform.subgraphs.district.orm.em.fork().find(AuditEntryEntity, { entityType: 'ResponsibilityItem', entityId: id }, { orderBy: { seq: 'asc' } });
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update', 'update']);
    expect(entries[1].before).toMatchObject({ categoryCode: 'PARTY_CONDUCT', content: '履行第一责任人职责', cadreId: null });
    expect(entries[1].after).toMatchObject({ categoryCode: 'IDEOLOGY', content: '抓好意识形态工作', cadreId: xiqing.cadreIds[1] });
    expect(entries[2].after).toMatchObject({ cadreId: null });
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await footprint();
    expect((await create({ categoryCode: 'NO_SUCH' })).errors?.[0]).toMatchObject({
      message: 'input.categoryCode: 没有责任类别“NO_SUCH” / no responsibility category "NO_SUCH"',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.categoryCode' },
    });
    expect((await create({ year: 1999 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.year' });
    expect((await create({ year: 2101 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.year' });
    expect((await create({ content: '  ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    // a cadre of another unit is not on this unit's list
    expect((await create({ cadreId: otherUnit.cadreIds[0] })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.cadreId' });
    const unknown = '01890a5d-ac96-774b-bcce-b302099a8057';
    expect((await create({ unitId: unknown })).errors?.[0]).toMatchObject({ message: `未找到单位 ${unknown} / unit ${unknown} not found`, extensions: { code: 'NOT_FOUND' } });
    expect((await create({ cadreId: unknown })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const update = await graphql(
      platform.gateway.url,
      `mutation($id: ID!) { updateDistrictResponsibilityItem(id: $id, input: { year: 2027 }) { id } }`,
      { token: xiqingAdmin, variables: { id: unknown } },
    );
    expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await footprint()).toEqual(before);
  });

  it('are written only by their own district, and read by it and the city', async () => {
    const id = await createResponsibilityItem(platform, xiqingAdmin, 'district', { unitId: xiqing.unitId, categoryCode: 'PERSONNEL' });
    const before = await footprint();
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expect((await create({}, hepingAdmin)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const update = await graphql(
      platform.gateway.url,
      `mutation($id: ID!) { updateDistrictResponsibilityItem(id: $id, input: { content: "越权修改" }) { id } }`,
      { token: hepingAdmin, variables: { id } },
    );
    expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await footprint()).toEqual(before);

    const query = `query($id: ID!) { districtResponsibilityItem(id: $id) { category { code } } }`;
    expect((await graphql(platform.gateway.url, query, { token: hepingAdmin, variables: { id } })).data).toEqual({ districtResponsibilityItem: null });
    const commission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    expect((await graphql(platform.gateway.url, query, { token: commission, variables: { id } })).data).toEqual({
      districtResponsibilityItem: { category: { code: 'PERSONNEL' } },
    });
  });
});

describe('responsibility lists', () => {
  let listUnit: OrgFixture;
  beforeAll(async () => {
    const admin = await platform.token({ level: 'district', code: '120112', roles: ['admin'] });
    listUnit = await createUnitWithCadres(platform, admin, 'district', '120112', ['郑和', '冯远']);
    const items: [string, string | null, number, string][] = [
      ['PARTY_CONDUCT', listUnit.cadreIds[0], 2025, '廉政谈话全覆盖'],
      ['IDEOLOGY', null, 2026, '意识形态阵地管理'],
      ['PARTY_CONDUCT', null, 2026, '落实"一岗双责"'],
      ['WORK_STYLE', listUnit.cadreIds[1], 2026, '纠治形式主义'],
      ['PARTY_CONDUCT', listUnit.cadreIds[1], 2026, '廉政风险防控'],
    ];
    for (const [categoryCode, cadreId, year, content] of items) {
      await createResponsibilityItem(platform, admin, 'district', { unitId: listUnit.unitId, cadreId, categoryCode, year, content });
    }
  });

  async function list(filter: object, first = 2, after?: string) {
    const admin = await platform.token({ level: 'district', code: '120112', roles: ['admin'] });
    return graphql<{ district: { responsibilityItems: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { content: string } }[] } } }>(
      platform.gateway.url,
      `query($filter: ResponsibilityItemFilter, $first: Int!, $after: String) {
        district(code: "120112") { responsibilityItems(filter: $filter, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { content } }
        } }
      }`,
      { token: admin, variables: { filter, first, after } },
    );
  }

  const contents = (response: Awaited<ReturnType<typeof list>>) => response.data!.district.responsibilityItems.edges.map((edge) => edge.node.content);

  it('pages through a district\'s items in the order they were made', async () => {
    const first = await list({}, 3);
    expect(first.data!.district.responsibilityItems).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    expect(contents(first)).toEqual(['廉政谈话全覆盖', '意识形态阵地管理', '落实"一岗双责"']);
    const second = await list({}, 3, first.data!.district.responsibilityItems.pageInfo.endCursor);
    expect(contents(second)).toEqual(['纠治形式主义', '廉政风险防控']);
    expect(second.data!.district.responsibilityItems.pageInfo.hasNextPage).toBe(false);
  });

  it('filters by year, category, cadre, unit and text', async () => {
    const cases: [object, string[]][] = [
      [{ year: 2025 }, ['廉政谈话全覆盖']],
      [{ categoryCode: 'PARTY_CONDUCT', year: 2026 }, ['落实"一岗双责"', '廉政风险防控']],
      [{ cadreId: listUnit.cadreIds[1] }, ['纠治形式主义', '廉政风险防控']],
      [{ unitId: xiqing.unitId }, []],
      [{ unitId: listUnit.unitId, text: '廉政' }, ['廉政谈话全覆盖', '廉政风险防控']],
      [{ text: '主体责任规定' }, ['廉政谈话全覆盖', '意识形态阵地管理', '落实"一岗双责"', '纠治形式主义', '廉政风险防控']],
    ];
    for (const [filter, expected] of cases) {
      const response = await list(filter, 10);
      expect(response.errors).toBeUndefined();
      expect(contents(response)).toEqual(expected);
      expect(response.data!.district.responsibilityItems.totalCount).toBe(expected.length);
    }
  });

  it('shows on the unit, with each item\'s category and cadre, newest year first', async () => {
    const admin = await platform.token({ level: 'district', code: '120112', roles: ['admin'] });
    const response = await graphql<{ districtUnit: { responsibilityItems: { year: number; content: string; category: { name: string }; cadre: { name: string } | null }[] } }>(
      platform.gateway.url,
      `query($id: ID!) { districtUnit(id: $id) { responsibilityItems { year content category { name } cadre { name } } } }`,
      { token: admin, variables: { id: listUnit.unitId } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.districtUnit.responsibilityItems).toEqual([
      { year: 2026, content: '意识形态阵地管理', category: { name: '意识形态' }, cadre: null },
      { year: 2026, content: '落实"一岗双责"', category: { name: '党风廉政建设' }, cadre: null },
      { year: 2026, content: '纠治形式主义', category: { name: '作风建设' }, cadre: { name: '冯远' } },
      { year: 2026, content: '廉政风险防控', category: { name: '党风廉政建设' }, cadre: { name: '冯远' } },
      { year: 2025, content: '廉政谈话全覆盖', category: { name: '党风廉政建设' }, cadre: { name: '郑和' } },
    ]);
  });
});

describe('responsibility categories', () => {
  const ADD = `mutation($input: AddResponsibilityCategoryInput!) { addDistrictResponsibilityCategory(input: $input) { code name sortOrder } }`;

  it('are data: district commission staff add one, and items can use it at once', async () => {
    const districtCommission = await platform.token({ level: 'district', code: '120111', roles: ['commission'] });
    const added = await graphql(platform.gateway.url, ADD, {
      token: districtCommission,
      variables: { input: { code: 'GRASSROOTS', name: '基层监督', sortOrder: 6 } },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data).toEqual({ addDistrictResponsibilityCategory: { code: 'GRASSROOTS', name: '基层监督', sortOrder: 6 } });

    const categories = await graphql<{ districtResponsibilityCategories: { code: string }[] }>(
      platform.gateway.url,
      `{ districtResponsibilityCategories { code } }`,
      { token: xiqingAdmin },
    );
    expect(categories.data!.districtResponsibilityCategories.map((category) => category.code)).toEqual([
      'PARTY_CONDUCT', 'IDEOLOGY', 'PERSONNEL', 'WORK_STYLE', 'RECTIFICATION', 'GRASSROOTS',
    ]);
    expect((await create({ categoryCode: 'GRASSROOTS' })).errors).toBeUndefined();
    // the city's own list of categories is untouched
    const city = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    const cityCategories = await graphql<{ cityResponsibilityCategories: unknown[] }>(platform.gateway.url, `{ cityResponsibilityCategories { code } }`, { token: city });
    expect(cityCategories.data!.cityResponsibilityCategories).toHaveLength(5);
  });

  it('need the commission role of that level, unique codes and names, and leave nothing behind when refused', async () => {
    const before = await footprint();
    const byAdmin = await graphql(platform.gateway.url, ADD, { token: xiqingAdmin, variables: { input: { code: 'NEW_ONE', name: '新类别' } } });
    expect(byAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const city = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    const byCity = await graphql(platform.gateway.url, ADD, { token: city, variables: { input: { code: 'NEW_ONE', name: '新类别' } } });
    expect(byCity.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const commission = await platform.token({ level: 'district', code: '120111', roles: ['commission'] });
    const duplicateCode = await graphql(platform.gateway.url, ADD, { token: commission, variables: { input: { code: 'IDEOLOGY', name: '另一个' } } });
    expect(duplicateCode.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    const duplicateName = await graphql(platform.gateway.url, ADD, { token: commission, variables: { input: { code: 'OTHER_IDEOLOGY', name: '意识形态' } } });
    expect(duplicateName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const badCode = await graphql(platform.gateway.url, ADD, { token: commission, variables: { input: { code: 'lower case', name: '格式' } } });
    expect(badCode.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    expect(await footprint()).toEqual(before);
  });
});
