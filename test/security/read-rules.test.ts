import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { GATEWAY_SECRET_HEADER } from '@supervision/kit';
import { graphql, startTestPlatform, type GraphQLResponse, type TestPlatform } from '../support/platform';
import { gatewayCaller, type AnyData } from '../support/gateway-client';

/*
 * 读权限到处适用 The owner's read rule on every path: entity references (`_entities`) and fields
 * that hand the gateway another jurisdiction's id; and units of the level below checked when a
 * record names them. The leak reproduced here: district 120117's commission named a unit of
 * street 120116001 as a contact "of 120117001", and then read its name and cadres.
 */

let platform: TestPlatform;
let commission120117: string;
let commission120116: string;
let admin120116001: string;
let admin120117001: string;
let foreignUnit: string;
let ownStreetUnit: string;
let officeId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  commission120117 = await platform.token({ level: 'district', code: '120117', roles: ['commission'] });
  commission120116 = await platform.token({ level: 'district', code: '120116', roles: ['commission'] });
  admin120116001 = await platform.token({ level: 'street', code: '120116001', roles: ['admin'] });
  admin120117001 = await platform.token({ level: 'street', code: '120117001', roles: ['admin'] });
  foreignUnit = await createStreetUnit(admin120116001, '120116001', '新河街道某单位');
  ownStreetUnit = await createStreetUnit(admin120117001, '120117001', '宝坻某街道单位');
  await callOk(admin120116001, `mutation($input: AddCadreInput!) { addStreetCadre(input: $input) { id } }`, {
    input: { unitId: foreignUnit, name: '张三', position: '主任', teamMember: true, principal: true },
  });
  const office = await callOk(commission120117, `mutation { createDistrictSupervisionOffice(input: { jurisdictionCode: "120117", name: "第一监督检查室" }) { id } }`);
  officeId = office.createDistrictSupervisionOffice.id;
});
afterAll(() => platform?.stop());

const { call, callOk } = gatewayCaller(() => platform);

async function createStreetUnit(token: string, jurisdictionCode: string, name: string): Promise<string> {
  const data = await callOk(token, `mutation($input: CreateUnitInput!) { createStreetUnit(input: $input) { id } }`, {
    input: { jurisdictionCode, name, kind: 'DEPARTMENT' },
  });
  return data.createStreetUnit.id;
}

const ADD_CONTACT = `mutation($input: AddSupervisionContactInput!) {
  addDistrictSupervisionContact(input: $input) { id contacts { unitId unitJurisdictionCode } }
}`;
const CONTACTS = `query($id: ID!) {
  districtSupervisionOffice(id: $id) { contacts { unitId unitJurisdictionCode streetUnit { id name cadres { name } } } }
}`;

/** `_entities` on a subgraph directly, as the gateway would send it (with the secret). */
function entities(level: 'city' | 'district' | 'street', token: string | undefined, representations: object[], selection: string): Promise<GraphQLResponse<AnyData>> {
  return graphql<AnyData>(platform.subgraphs[level].url, `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${selection} } }`, {
    token,
    variables: { r: representations },
    headers: { [GATEWAY_SECRET_HEADER]: platform.secrets.gatewaySecret },
  });
}

describe('write time: a unit of the level below must be in a jurisdiction the writer supervises', () => {
  it('refuses the contact leak: a unit of 120116001 named as one of 120117001, and writes nothing', async () => {
    const response = await call(commission120117, ADD_CONTACT, { input: { officeId, unitId: foreignUnit, unitJurisdictionCode: '120117001' } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
    expect(response.errors?.[0].message).toContain('120117001');
    const after = await callOk(commission120117, CONTACTS, { id: officeId });
    expect(after.districtSupervisionOffice.contacts).toEqual([]);
  });

  it('refuses the same unit under its true code: 120116001 is not supervised by 120117', async () => {
    const response = await call(commission120117, ADD_CONTACT, { input: { officeId, unitId: foreignUnit, unitJurisdictionCode: '120116001' } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitJurisdictionCode' });
  });

  it('refuses a made-up unit id of a street it supervises', async () => {
    const response = await call(commission120117, ADD_CONTACT, { input: { officeId, unitId: randomUUID(), unitJurisdictionCode: '120117001' } });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
  });

  it('accepts a real unit of its own street, and the gateway completes it', async () => {
    await callOk(commission120117, ADD_CONTACT, { input: { officeId, unitId: ownStreetUnit, unitJurisdictionCode: '120117001' } });
    const after = await callOk(commission120117, CONTACTS, { id: officeId });
    expect(after.districtSupervisionOffice.contacts).toEqual([
      { unitId: ownStreetUnit, unitJurisdictionCode: '120117001', streetUnit: { id: ownStreetUnit, name: '宝坻某街道单位', cadres: [] } },
    ]);
  });

  it('refuses a duty-report reporter who is a unit of a street it does not supervise', async () => {
    const response = await call(commission120117, `mutation($input: CreateDutyReportSessionInput!) { createDistrictDutyReportSession(input: $input) { id } }`, {
      input: {
        ownerCode: '120117',
        title: '述责述廉会议',
        heldOn: '2026-11-20',
        reporters: [{ jurisdictionCode: '120117001', unitId: foreignUnit, unitName: '某单位', cadreId: randomUUID(), cadreName: '张三', cadrePosition: '主任' }],
      },
    });
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reporters.0.unitId' });
  });
});

describe('read time: references apply the owner\'s read rule', () => {
  it('a contact that names a foreign unit (written before this check existed) shows null, the rest answers', async () => {
    // The row the old code accepted, put in place directly.
    const db = new Client({ connectionString: platform.databaseUrls.district });
    await db.connect();
    try {
      await db.query(
        `insert into supervision_contact (id, office_id, unit_id, unit_jurisdiction_code, created_at) values ($1, $2, $3, '120117001', now())`,
        [randomUUID(), officeId, foreignUnit],
      );
    } finally {
      await db.end();
    }
    const response = await call(commission120117, CONTACTS, { id: officeId });
    const contacts = response.data!.districtSupervisionOffice.contacts as AnyData[];
    expect(contacts.find((contact) => contact.unitId === ownStreetUnit)?.streetUnit?.name).toBe('宝坻某街道单位');
    const leaked = contacts.find((contact) => contact.unitId === foreignUnit)!;
    // The street database shows 120117 no row of 120116 (row-level security): null, as for a missing unit.
    expect(leaked.streetUnit).toBeNull();
    expect(response.errors).toBeUndefined();
    expect(JSON.stringify(response)).not.toContain('新河街道某单位');
    expect(JSON.stringify(response)).not.toContain('张三');
  });

  it('a field inside one subgraph (a contact\'s own-level unit) applies the same rule: another district\'s unit is not there', async () => {
    const admin120116 = await platform.token({ level: 'district', code: '120116', roles: ['admin'] });
    const created = await callOk(admin120116, `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`, {
      input: { jurisdictionCode: '120116', name: '滨海新区某局', kind: 'DEPARTMENT' },
    });
    const districtUnit = created.createDistrictUnit.id as string;
    // Refused at write time …
    const refused = await call(commission120117, ADD_CONTACT, { input: { officeId, unitId: districtUnit, unitJurisdictionCode: '120117' } });
    // (an own-level unit missing from the own jurisdiction is NOT_FOUND, naming the field in its message)
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(refused.errors?.[0].message).toContain('input.unitId');
    // … and a row that got in before the check is refused at read time, in the district subgraph itself.
    const db = new Client({ connectionString: platform.databaseUrls.district });
    await db.connect();
    try {
      await db.query(
        `insert into supervision_contact (id, office_id, unit_id, unit_jurisdiction_code, created_at) values ($1, $2, $3, '120117', now())`,
        [randomUUID(), officeId, districtUnit],
      );
    } finally {
      await db.end();
    }
    const response = await call(commission120117, `query($id: ID!) { districtSupervisionOffice(id: $id) { contacts { unitId districtUnit { id name } } } }`, { id: officeId });
    const contacts = response.data!.districtSupervisionOffice.contacts as AnyData[];
    const leaked = contacts.find((contact) => contact.unitId === districtUnit)!;
    expect(leaked.districtUnit).toBeNull();
    expect(response.errors).toBeUndefined();
    expect(JSON.stringify(response)).not.toContain('滨海新区某局');
  });

  it('_entities on the street subgraph: the owner district reads, another district is refused, anonymous must sign in', async () => {
    const representations = [{ __typename: 'StreetUnit', id: foreignUnit }, { __typename: 'StreetUnit', id: ownStreetUnit }];
    const selection = '... on StreetUnit { id name }';

    const owner = await entities('street', commission120116, representations, selection);
    expect(owner.data!._entities[0]).toEqual({ __typename: 'StreetUnit', id: foreignUnit, name: '新河街道某单位' });
    expect(owner.data!._entities[1]).toBeNull();
    // Another district's unit is not in the owner's view at all (row-level security): null, no error.
    expect(owner.errors).toBeUndefined();

    const other = await entities('street', commission120117, representations, selection);
    expect(other.data!._entities[0]).toBeNull();
    expect(other.data!._entities[1]).toMatchObject({ id: ownStreetUnit });
    expect(other.errors).toBeUndefined();

    const anonymous = await entities('street', undefined, representations, selection);
    expect(anonymous.data!._entities).toEqual([null, null]);
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  it('the public backbone still resolves for anyone through _entities', async () => {
    const response = await entities('street', undefined, [{ __typename: 'Street', code: '120116001' }], '... on Street { code name }');
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities[0]).toMatchObject({ code: '120116001' });
  });
});
