import { CATALOGUE_TABLES, CHILD_TABLES, OWNED_TABLES, PUBLIC_TABLES, SUBJECT_TABLES, serviceRoleProblem, withDatabaseScope, databaseScopeOf, NO_SCOPE, type Orm } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Row-level security under the application: these statements go straight through the service
 * role's pool (the one every request uses), with no resolver, guard or filter in between; the
 * database alone must keep each jurisdiction to its own rows.
 */
let platform: TestPlatform;
let hepingUnitId: string;
let binhaiUnitId: string;
const HEPING = '120101';
const BINHAI = '120116';

const districtScope = (code: string, roles: ('admin' | 'commission')[] = ['admin']) =>
  databaseScopeOf({ subject: `rls-${code}`, level: 'district', code, roles });

const service = () => platform.subgraphs.district.requestOrm;
const owner = () => platform.subgraphs.district.orm;

async function sql<T>(orm: Orm, text: string, params: unknown[] = []): Promise<T[]> {
  return orm.em.fork().getConnection().execute<T[]>(text, params);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  const create = async (code: string, name: string) => {
    const token = await platform.token({ level: 'district', code, roles: ['admin'] });
    const answer = await graphql<{ createDistrictUnit: { id: string } }>(
      platform.gateway.url,
      `mutation($input: CreateUnitInput!) { createDistrictUnit(input: $input) { id } }`,
      { token, variables: { input: { jurisdictionCode: code, name, kind: 'PARTY_COMMITTEE' } } },
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.createDistrictUnit.id;
  };
  hepingUnitId = await create(HEPING, '中共天津市和平区委员会');
  binhaiUnitId = await create(BINHAI, '中共天津市滨海新区委员会');
});
afterAll(() => platform?.stop());

describe('row-level security in every level\'s database', () => {
  it('serves requests as a role that owns nothing and cannot bypass the policies', async () => {
    for (const level of ['city', 'district', 'street'] as const) {
      const [role] = await sql<{ name: string; rolsuper: boolean; rolbypassrls: boolean; owned: string }>(
        platform.subgraphs[level].requestOrm,
        `select r.rolname as name, r.rolsuper, r.rolbypassrls,
           (select count(*) from pg_class c where c.relowner = r.oid)::text as owned
         from pg_roles r where r.rolname = current_user`,
      );
      expect(role).toEqual({ name: 'supervision_service', rolsuper: false, rolbypassrls: false, owned: '0' });
      // The start-up check (a production subgraph refuses to serve otherwise) agrees, and names the owner.
      expect(await serviceRoleProblem(platform.subgraphs[level].requestOrm)).toBeNull();
      expect(await serviceRoleProblem(platform.subgraphs[level].orm)).toMatch(/不受行级安全约束 \/ the role ".+" that serves requests is a superuser/);
    }
  });

  it('has row-level security on every table of every level (a new table without policies fails here)', async () => {
    const known = new Set([...OWNED_TABLES.map((t) => t.table), ...CHILD_TABLES.map((t) => t.table), ...PUBLIC_TABLES, ...CATALOGUE_TABLES, ...SUBJECT_TABLES, 'audit_entry', 'evidence_content', 'read_trace', 'token_revocation']);
    for (const level of ['city', 'district', 'street'] as const) {
      const tables = await sql<{ name: string; rls: boolean; policies: string }>(
        platform.subgraphs[level].orm,
        `select c.relname as name, c.relrowsecurity as rls,
           (select count(*) from pg_policies p where p.tablename = c.relname)::text as policies
         from pg_class c where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace and c.relname <> 'mikro_orm_migrations'`,
      );
      expect(tables.length).toBeGreaterThan(0);
      for (const table of tables) {
        expect({ level, table: table.name, rls: table.rls, known: known.has(table.name) }).toEqual({ level, table: table.name, rls: true, known: true });
        expect(Number(table.policies)).toBeGreaterThan(0);
      }
    }
  });

  it('shows a district only its own rows, even when the query asks for another district by name', async () => {
    const everything = await withDatabaseScope(districtScope(HEPING), () =>
      sql<{ id: string; jurisdiction_code: string }>(service(), 'select id, jurisdiction_code from unit'),
    );
    expect(everything.map((row) => row.jurisdiction_code)).toEqual([HEPING]);
    const asked = await withDatabaseScope(districtScope(HEPING), () =>
      sql<{ id: string }>(service(), 'select id from unit where jurisdiction_code = ? or id = ?', [BINHAI, binhaiUnitId]),
    );
    expect(asked).toEqual([]);
    // The owner (no policies apply to it) sees that the row is there.
    expect(await sql(owner(), 'select id from unit where id = ?', [binhaiUnitId])).toHaveLength(1);
    // Through the ORM as well, inside a transaction as a mutation would run.
    const seen = await withDatabaseScope(districtScope(HEPING), () =>
      service().em.fork().transactional((em) => em.getConnection().execute<{ n: string }[]>('select count(*)::text as n from unit', [], 'all', em.getTransactionContext())),
    );
    expect(seen).toEqual([{ n: '1' }]);
  });

  it('lets the city read every district\'s rows, and anonymous callers none (but the backbone)', async () => {
    const city = databaseScopeOf({ subject: 'rls-city', level: 'city', code: '120000', roles: ['commission'] });
    const cityRows = await withDatabaseScope(city, () => sql<{ jurisdiction_code: string }>(service(), 'select jurisdiction_code from unit order by 1'));
    expect(cityRows.map((row) => row.jurisdiction_code)).toEqual([HEPING, BINHAI]);
    const anonymous = await withDatabaseScope(NO_SCOPE, () => sql(service(), 'select id from unit'));
    expect(anonymous).toEqual([]);
    const backbone = await withDatabaseScope(NO_SCOPE, () => sql(service(), 'select code from district'));
    expect(backbone).toHaveLength(16);
    // Outside any request the pool carries no scope at all.
    expect(await sql(service(), 'select id from unit')).toEqual([]);
  });

  it('refuses an update, a delete and an insert in another district', async () => {
    const updated = await withDatabaseScope(districtScope(HEPING), () =>
      service().em.fork().getConnection().execute(`update unit set name = 'taken over' where id = ?`, [binhaiUnitId], 'run'),
    );
    expect(updated).toMatchObject({ affectedRows: 0 });
    const deleted = await withDatabaseScope(districtScope(HEPING), () =>
      service().em.fork().getConnection().execute('delete from unit where id = ?', [binhaiUnitId], 'run'),
    );
    expect(deleted).toMatchObject({ affectedRows: 0 });
    // Moving one's own row into another district is a write there too.
    await expect(
      withDatabaseScope(districtScope(HEPING), () => sql(service(), 'update unit set jurisdiction_code = ? where id = ?', [BINHAI, hepingUnitId])),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withDatabaseScope(districtScope(HEPING), () =>
        sql(service(), `insert into unit (id, jurisdiction_code, name, kind, created_at, updated_at) values (gen_random_uuid(), ?, 'planted', 'PARTY_COMMITTEE', now(), now())`, [BINHAI]),
      ),
    ).rejects.toThrow(/row-level security/);
    const [row] = await sql<{ name: string; jurisdiction_code: string }>(owner(), 'select name, jurisdiction_code from unit where id = ?', [binhaiUnitId]);
    expect(row).toEqual({ name: '中共天津市滨海新区委员会', jurisdiction_code: BINHAI });
    expect(await sql(owner(), `select id from unit where name = 'planted'`)).toEqual([]);
  });

  it('keeps the audit trail insert-only for the service role, even for one\'s own entries', async () => {
    const own = await withDatabaseScope(districtScope(HEPING), () => sql<{ seq: string }>(service(), 'select seq from audit_entry'));
    expect(own.length).toBeGreaterThan(0);
    await expect(withDatabaseScope(districtScope(HEPING), () => sql(service(), `update audit_entry set action = 'x'`))).rejects.toThrow(/permission denied/);
    await expect(withDatabaseScope(districtScope(HEPING), () => sql(service(), 'delete from audit_entry'))).rejects.toThrow(/permission denied/);
    // Another district's entries stay out of sight (the chain's tail comes from a function of the owner).
    const binhaiEntries = await withDatabaseScope(districtScope(HEPING), () => sql(service(), 'select seq from audit_entry where owner_code = ?', [BINHAI]));
    expect(binhaiEntries).toEqual([]);
  });

  it('keeps task counts, idempotency keys and pending cross-level steps to their jurisdiction or subject', async () => {
    await sql(owner(), `insert into task_count (jurisdiction_code, status, count) values (?, 'PLANNED', 3), (?, 'PLANNED', 4) on conflict do nothing`, [HEPING, BINHAI]);
    const counts = await withDatabaseScope(districtScope(HEPING), () => sql<{ code: string }>(service(), 'select distinct jurisdiction_code as code from task_count'));
    expect(counts.map((row) => row.code)).toEqual([HEPING]);
    // The trigger on `task` writes as the task's writer: a count in another district is refused like the task itself.
    await expect(
      withDatabaseScope(districtScope(HEPING), () => sql(service(), `update task_count set count = 0 where jurisdiction_code = ?`, [BINHAI]).then(() => sql(owner(), 'select count from task_count where jurisdiction_code = ?', [BINHAI]))),
    ).resolves.toEqual([{ count: '4' }]);

    await sql(owner(), `insert into idempotency_key (subject, key, ordinal, fingerprint, created_at) values ('rls-${BINHAI}', 'k1', 0, ?, now())`, ['f'.repeat(64)]);
    const keys = await withDatabaseScope(districtScope(HEPING), () => sql(service(), `select key from idempotency_key where subject = 'rls-${BINHAI}'`));
    expect(keys).toEqual([]);
    await expect(
      withDatabaseScope(districtScope(HEPING), () =>
        sql(service(), `insert into idempotency_key (subject, key, ordinal, fingerprint, created_at) values ('rls-${BINHAI}', 'k2', 0, ?, now())`, ['f'.repeat(64)]),
      ),
    ).rejects.toThrow(/row-level security/);

    const stepId = '0193a000-0000-7000-8000-000000000001';
    await withDatabaseScope(districtScope(HEPING), () =>
      sql(service(), `insert into cross_level_step (id, flow, target_level, payload, created_at) values (?, 'rls-test', 'street', '{}', now())`, [stepId]),
    );
    expect(await sql(owner(), 'select owner_code from cross_level_step where id = ?', [stepId])).toEqual([{ owner_code: HEPING }]);
    expect(await withDatabaseScope(districtScope(BINHAI), () => sql(service(), 'select id from cross_level_step'))).toEqual([]);
    await withDatabaseScope(districtScope(HEPING), () => sql(service(), 'delete from cross_level_step where id = ?', [stepId]));
    expect(await sql(owner(), 'select id from cross_level_step where id = ?', [stepId])).toEqual([]);
  });

  it('gives a connection back to the pool without its last request\'s scope', async () => {
    // One connection in turn for Heping, then for no one: the second must not inherit the first.
    const pool = platform.subgraphs.street.requestOrm;
    await withDatabaseScope(districtScope(HEPING), () => sql(pool, 'select 1'));
    const [after] = await sql<{ code: string | null }>(pool, `select current_setting('app.code', true) as code`);
    expect(after.code ?? '').toBe('');
  });
});
