import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let admin: string;
let commission: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  admin = await platform.token({ level: 'street', code: '120101001', roles: ['admin'] });
  commission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
});
afterAll(() => platform?.stop());

async function createUnit(name: string): Promise<string> {
  const response = await graphql<{ createStreetUnit: { id: string } }>(
    platform.gateway.url,
    `mutation($input: CreateUnitInput!) { createStreetUnit(input: $input) { id } }`,
    { token: admin, variables: { input: { jurisdictionCode: '120101001', name, kind: 'PARTY_COMMITTEE' } } },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.createStreetUnit.id;
}

const VERIFY = `{ verifyStreetAuditChain { valid entriesChecked firstInvalidSeq reason } }`;

describe('the audit chain', () => {
  it('records each change with who, when, before and after, queryable per record', async () => {
    const unitId = await createUnit('劝业场街道党工委');
    const cadre = await graphql<{ addStreetCadre: { id: string } }>(
      platform.gateway.url,
      `mutation($input: AddCadreInput!) { addStreetCadre(input: $input) { id } }`,
      { token: admin, variables: { input: { unitId, name: '赵敏', position: '党工委书记', principal: true } } },
    );
    const cadreId = cadre.data!.addStreetCadre.id;
    await graphql(
      platform.gateway.url,
      `mutation($id: ID!) { updateStreetCadre(id: $id, input: { position: "党工委书记、办事处主任" }) { id } }`,
      { token: admin, variables: { id: cadreId } },
    );
    const trail = await graphql<{ streetAuditTrail: { action: string; actorCode: string; actorSubject: string; before: Record<string, unknown> | null; after: Record<string, unknown>; prevHash: string; hash: string }[] }>(
      platform.gateway.url,
      `query($id: ID!) { streetAuditTrail(entityType: CADRE, entityId: $id) { action actorCode actorSubject before after prevHash hash } }`,
      { token: commission, variables: { id: cadreId } },
    );
    expect(trail.errors).toBeUndefined();
    const entries = trail.data!.streetAuditTrail;
    expect(entries.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(entries[0]).toMatchObject({ actorCode: '120101001', actorSubject: 'test-street-120101001', before: null });
    expect(entries[1].before).toMatchObject({ position: '党工委书记' });
    expect(entries[1].after).toMatchObject({ position: '党工委书记、办事处主任' });
    expect(entries[1].prevHash).toBe(entries[0].hash);
  });

  it('refuses UPDATE and DELETE of audit rows in the database itself', async () => {
    const connection = platform.subgraphs.street.orm.em.fork().getConnection();
    await expect(connection.execute(`update audit_entry set actor_code = '120000'`)).rejects.toThrow(/append-only/);
    await expect(connection.execute(`delete from audit_entry`)).rejects.toThrow(/append-only/);
  });

  it('verifies the whole chain, and detects an entry altered behind the platform\'s back', async () => {
    const whole = await graphql<{ verifyStreetAuditChain: { valid: boolean; entriesChecked: number } }>(platform.gateway.url, VERIFY, { token: commission });
    expect(whole.data!.verifyStreetAuditChain).toEqual({ valid: true, entriesChecked: 3, firstInvalidSeq: null, reason: null });

    // A superuser with direct database access bypasses the trigger and rewrites history.
    const connection = platform.subgraphs.street.orm.em.fork().getConnection();
    const [{ seq }] = await connection.execute<{ seq: string }[]>(`select seq from audit_entry order by seq limit 1 offset 1`);
    await connection.execute(`alter table audit_entry disable trigger audit_entry_no_update`);
    await connection.execute(`update audit_entry set after = jsonb_set(after, '{name}', '"冒名"') where seq = ?`, [seq]);
    await connection.execute(`alter table audit_entry enable trigger audit_entry_no_update`);

    const broken = await graphql<{ verifyStreetAuditChain: unknown }>(platform.gateway.url, VERIFY, { token: commission });
    expect(broken.data!.verifyStreetAuditChain).toEqual({
      valid: false,
      entriesChecked: 1,
      firstInvalidSeq: String(seq),
      reason: 'contents do not match the hash',
    });
  });

  it('lets only commission staff verify the chain, and keeps other levels\' chains apart', async () => {
    const denied = await graphql(platform.gateway.url, VERIFY, { token: admin });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const district = await graphql<{ verifyDistrictAuditChain: { valid: boolean; entriesChecked: number } }>(
      platform.gateway.url,
      `{ verifyDistrictAuditChain { valid entriesChecked } }`,
      { token: commission },
    );
    expect(district.data!.verifyDistrictAuditChain).toEqual({ valid: true, entriesChecked: 0 });
  });

  it('writes no audit entry for a refused change', async () => {
    const connection = platform.subgraphs.street.orm.em.fork().getConnection();
    const [{ count: before }] = await connection.execute<{ count: string }[]>(`select count(*) from audit_entry`);
    const other = await platform.token({ level: 'street', code: '120101002', roles: ['admin'] });
    const refused = await graphql(
      platform.gateway.url,
      `mutation($input: CreateUnitInput!) { createStreetUnit(input: $input) { id } }`,
      { token: other, variables: { input: { jurisdictionCode: '120101001', name: '越权', kind: 'OTHER' } } },
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const duplicate = await graphql(
      platform.gateway.url,
      `mutation($input: CreateUnitInput!) { createStreetUnit(input: $input) { id } }`,
      { token: admin, variables: { input: { jurisdictionCode: '120101001', name: '劝业场街道党工委', kind: 'OTHER' } } },
    );
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const [{ count: after }] = await connection.execute<{ count: string }[]>(`select count(*) from audit_entry`);
    expect(after).toBe(before);
  });
});
