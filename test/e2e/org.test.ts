import { AuditEntryEntity, verifyAuditChain } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let binhaiAdmin: string;
let hepingAdmin: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  binhaiAdmin = await platform.token({ level: 'district', code: '120116', roles: ['admin'] });
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
});
afterAll(() => platform?.stop());

const CREATE_UNIT = `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id name kind jurisdictionCode district { name } } }`;
const ADD_CADRE = `mutation($input: AddCadreInput!) { addDistrictCadre(input: $input) { id name principal unit { name } } }`;

async function createUnit(token: string, name: string, jurisdictionCode = '120116') {
  return graphql<{ createDistrictUnit: { id: string; district: { name: string } } }>(platform.gateway.url, CREATE_UNIT, {
    token,
    variables: { input: { jurisdictionCode, name, kind: 'PARTY_COMMITTEE' } },
  });
}

describe('units and cadres', () => {
  it('a district admin builds a unit with its leadership team; a new principal leader replaces the old', async () => {
    const unit = await createUnit(binhaiAdmin, '中共天津市滨海新区委员会');
    expect(unit.errors).toBeUndefined();
    expect(unit.data!.createDistrictUnit.district.name).toBe('滨海新区');
    const unitId = unit.data!.createDistrictUnit.id;

    const first = await graphql<{ addDistrictCadre: { id: string } }>(platform.gateway.url, ADD_CADRE, {
      token: binhaiAdmin,
      variables: { input: { unitId, name: '张明', position: '区委书记', principal: true } },
    });
    expect(first.errors).toBeUndefined();
    const second = await graphql(platform.gateway.url, ADD_CADRE, {
      token: binhaiAdmin,
      variables: { input: { unitId, name: '李华', position: '区委书记', principal: true } },
    });
    expect(second.errors).toBeUndefined();

    const read = await graphql<{ district: { units: { name: string; principalLeader: { name: string }; cadres: { name: string; principal: boolean }[] }[] } }>(
      platform.gateway.url,
      `{ district(code: "120116") { units { name principalLeader { name } cadres { name principal } } } }`,
      { token: binhaiAdmin },
    );
    expect(read.errors).toBeUndefined();
    const [readUnit] = read.data!.district.units;
    expect(readUnit.principalLeader.name).toBe('李华');
    expect(readUnit.cadres).toEqual([
      { name: '李华', principal: true },
      { name: '张明', principal: false },
    ]);
  });

  it('refuses a write into another district, and a read of it, and writes nothing', async () => {
    const before = await platform.subgraphs.district.orm.em.fork().count(AuditEntryEntity);
    const write = await createUnit(hepingAdmin, '越权单位', '120116');
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // the subgraph's reason reaches the client through the gateway, not a generic "403"
    expect(write.errors?.[0].message).toBe('和平区（120101） 无权更改 滨海新区（120116） 的记录 / 和平区（120101） may not change records of 滨海新区（120116）');
    const read = await graphql(platform.gateway.url, `{ district(code: "120116") { units { name } } }`, { token: hepingAdmin });
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await platform.subgraphs.district.orm.em.fork().count(AuditEntryEntity)).toBe(before);
  });

  it('lets the city commission read every district, but not write there', async () => {
    const commission = await platform.token({ level: 'city', code: '120000', roles: ['commission', 'admin'] });
    const read = await graphql<{ district: { units: unknown[] } }>(
      platform.gateway.url,
      `{ district(code: "120116") { units { name } } }`,
      { token: commission },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.district.units.length).toBeGreaterThan(0);
    const write = await createUnit(commission, '市里代建', '120116');
    expect(write.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('names the field of invalid input', async () => {
    const blank = await createUnit(binhaiAdmin, '   ');
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const badUnit = await graphql(platform.gateway.url, ADD_CADRE, {
      token: binhaiAdmin,
      variables: { input: { unitId: 'nope', name: '王', position: '副书记' } },
    });
    expect(badUnit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
  });

  it('needs a token for anything beyond the jurisdiction backbone', async () => {
    const response = await graphql(platform.gateway.url, `{ district(code: "120116") { name units { name } } }`);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('audits every committed change in a verifiable chain', async () => {
    const em = platform.subgraphs.district.orm.em.fork();
    const entries = await em.find(AuditEntryEntity, {}, { orderBy: { seq: 'asc' } });
    // unit created, cadre 1 created, cadre 1 stepped down, cadre 2 created
    expect(entries.map((entry) => `${entry.action} ${entry.entityType}`)).toEqual([
      'create Unit',
      'create Cadre',
      'update Cadre',
      'create Cadre',
    ]);
    expect(entries[2].before).toMatchObject({ principal: true });
    expect(entries[2].after).toMatchObject({ principal: false });
    expect(await verifyAuditChain(em)).toMatchObject({ valid: true, entriesChecked: 4 });
  });
});
