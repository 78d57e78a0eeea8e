import { startIdempotencySweep, subgraphConfigFromEnv, subgraphEnvSchema, sweepIdempotencyKeys, TaskEntity } from '@supervision/kit';
import { ok, expectError } from '../support/gateway-client';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';
import { createResponsibilityItem, createUnitWithCadres, daysFromToday, type OrgFixture } from '../support/task-fixtures';
import { cityFindingsOnDistrictUnit } from '../support/supervision-fixtures';

/*
 * 幂等创建 Every create through the kit's mutation helper accepts an Idempotency-Key (header,
 * forwarded by the gateway, scoped to the principal): a retry returns the first result, parallel
 * identical calls create one record, the key with another request is a CONFLICT.
 */

let platform: TestPlatform;
let hepingAdmin: string;
let otherHepingAdmin: string;
let heping: OrgFixture;
let itemId: string;

const CREATE_TASK = `mutation($input: CreateTaskInput!) { createDistrictTask(input: $input) { id title } }`;
const taskInput = (title: string) => ({ responsibilityItemId: itemId, cadreId: heping.cadreIds[0], title, description: '', dueDate: daysFromToday(30) });

function send<T>(token: string, query: string, variables: Record<string, unknown>, key?: string) {
  return graphql<T>(platform.gateway.url, query, { token, variables, headers: key === undefined ? {} : { 'Idempotency-Key': key } });
}
const tasksTitled = (title: string) => platform.subgraphs.district.orm.em.fork().count(TaskEntity, { title });

beforeAll(async () => {
  platform = await startTestPlatform();
  hepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'] });
  otherHepingAdmin = await platform.token({ level: 'district', code: '120101', roles: ['admin'], subject: 'another-heping-admin' });
  heping = await createUnitWithCadres(platform, hepingAdmin, 'district', '120101', ['王强'], '和平区商务局党组');
  itemId = await createResponsibilityItem(platform, hepingAdmin, 'district', { unitId: heping.unitId, cadreId: heping.cadreIds[0], categoryCode: 'PARTY_CONDUCT' });
});
afterAll(() => platform?.stop());

describe('Idempotency-Key on creates', () => {
  it('20 identical calls in parallel with one key create one task, and all answer with it', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => send<{ createDistrictTask: { id: string } }>(hepingAdmin, CREATE_TASK, { input: taskInput('并发创建') }, 'parallel-1')),
    );
    const ids = new Set(answers.map((answer) => ok(answer).createDistrictTask.id));
    expect(ids.size).toBe(1);
    expect(await tasksTitled('并发创建')).toBe(1);
  });

  it('a retry with the same key returns the first result; without a key a retry creates a second record', async () => {
    const first = ok(await send<{ createDistrictTask: { id: string } }>(hepingAdmin, CREATE_TASK, { input: taskInput('重试') }, 'retry-1'));
    const retry = ok(await send<{ createDistrictTask: { id: string } }>(hepingAdmin, CREATE_TASK, { input: taskInput('重试') }, 'retry-1'));
    expect(retry.createDistrictTask.id).toBe(first.createDistrictTask.id);
    expect(await tasksTitled('重试')).toBe(1);
    ok(await send(hepingAdmin, CREATE_TASK, { input: taskInput('无键') }));
    ok(await send(hepingAdmin, CREATE_TASK, { input: taskInput('无键') }));
    expect(await tasksTitled('无键')).toBe(2);
  });

  it('the same key with a different input is a CONFLICT, and nothing is written', async () => {
    ok(await send(hepingAdmin, CREATE_TASK, { input: taskInput('原始') }, 'reused-1'));
    const reused = await send(hepingAdmin, CREATE_TASK, { input: taskInput('改过') }, 'reused-1');
    expectError(reused, 'CONFLICT');
    expect(reused.errors![0].message).toContain('幂等键');
    expect(await tasksTitled('改过')).toBe(0);
  });

  it('keys are scoped to the principal: another administrator with the same key creates their own record', async () => {
    const mine = ok(await send<{ createDistrictTask: { id: string } }>(hepingAdmin, CREATE_TASK, { input: taskInput('各自的键') }, 'shared-key'));
    const theirs = ok(await send<{ createDistrictTask: { id: string } }>(otherHepingAdmin, CREATE_TASK, { input: taskInput('各自的键') }, 'shared-key'));
    expect(theirs.createDistrictTask.id).not.toBe(mine.createDistrictTask.id);
    expect(await tasksTitled('各自的键')).toBe(2);
  });

  it('a malformed key is bad input naming the header', async () => {
    expectError(await send(hepingAdmin, CREATE_TASK, { input: taskInput('坏键') }, 'has spaces in it'), 'BAD_USER_INPUT', 'Idempotency-Key');
    expect(await tasksTitled('坏键')).toBe(0);
  });

  it('a refused create does not use up its key', async () => {
    const foreign = await platform.token({ level: 'district', code: '120103', roles: ['admin'] });
    // Outside the caller's read rule the database shows no such row (row-level security): not found, never 'exists but forbidden'.
    expectError(await send(foreign, CREATE_TASK, { input: taskInput('越权') }, 'refused-1'), 'NOT_FOUND');
    expect(await tasksTitled('越权')).toBe(0);
  });

  it('a rectification report retried with its key asks the city once and returns the first report', async () => {
    const cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    const { findingIds } = await cityFindingsOnDistrictUnit(platform.gateway.url, { cityCommission, districtAdmin: hepingAdmin }, 1);
    const SUBMIT = `mutation($input: SubmitRectificationReportInput!) { submitDistrictRectificationReport(input: $input) { id } }`;
    const input = { findingId: findingIds[0], summary: '已整改' };
    const first = ok(await send<{ submitDistrictRectificationReport: { id: string } }>(hepingAdmin, SUBMIT, { input }, 'report-1'));
    const retry = ok(await send<{ submitDistrictRectificationReport: { id: string } }>(hepingAdmin, SUBMIT, { input }, 'report-1'));
    expect(retry.submitDistrictRectificationReport.id).toBe(first.submitDistrictRectificationReport.id);
    const events = await platform.subgraphs.city.orm.em.getConnection().execute(`select event from supervision_finding_event where finding_id = ?`, [findingIds[0]]);
    expect(events).toEqual([{ event: 'REPORTED' }]);
  });
});

describe('old idempotency keys are cleaned out', () => {
  const HOUR = 3_600_000;
  const district = () => platform.subgraphs.district.orm;
  const keyAge = (key: string, hours: number) =>
    district().em.getConnection().execute(`update idempotency_key set created_at = now() - make_interval(hours => ?) where key = ?`, [hours, key]);
  const keyCount = async (key: string) =>
    Number((await district().em.getConnection().execute<{ n: string }[]>(`select count(*) as n from idempotency_key where key = ?`, [key]))[0].n);

  it('the sweep deletes keys older than the TTL and keeps younger ones; a forgotten key runs the mutation again', async () => {
    ok(await send(hepingAdmin, CREATE_TASK, { input: taskInput('过期键') }, 'sweep-old'));
    ok(await send(hepingAdmin, CREATE_TASK, { input: taskInput('新键') }, 'sweep-young'));
    await keyAge('sweep-old', 170);
    await keyAge('sweep-young', 166);
    // Batches of 1: the sweep goes on until no old key is left.
    expect(await sweepIdempotencyKeys(district(), { ttlMs: 168 * HOUR, batch: 1 })).toBeGreaterThanOrEqual(1);
    expect(await keyCount('sweep-old')).toBe(0);
    expect(await keyCount('sweep-young')).toBe(1);
    // The young key still answers with its first task; the forgotten one is a new request.
    ok(await send(hepingAdmin, CREATE_TASK, { input: taskInput('新键') }, 'sweep-young'));
    expect(await tasksTitled('新键')).toBe(1);
    ok(await send(hepingAdmin, CREATE_TASK, { input: taskInput('过期键') }, 'sweep-old'));
    expect(await tasksTitled('过期键')).toBe(2);
  });

  it('runs on its own every interval (IDEMPOTENCY_SWEEP_MS) with the TTL of IDEMPOTENCY_KEY_TTL_HOURS', async () => {
    const env = { PORT: '0', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/d', GATEWAY_SECRET: 'x'.repeat(16), JWT_PUBLIC_JWK: JSON.stringify(platform.secrets.publicJwk) };
    const config = subgraphConfigFromEnv(subgraphEnvSchema.parse({ ...env, IDEMPOTENCY_KEY_TTL_HOURS: '2', IDEMPOTENCY_SWEEP_MS: '100' }));
    expect(config).toMatchObject({ idempotencyTtlHours: 2, idempotencySweepMs: 100 });
    expect(subgraphConfigFromEnv(subgraphEnvSchema.parse(env))).toMatchObject({ idempotencyTtlHours: 168, idempotencySweepMs: 3_600_000 });
    expect(subgraphEnvSchema.safeParse({ ...env, IDEMPOTENCY_KEY_TTL_HOURS: '0' }).success).toBe(false);
    ok(await send(hepingAdmin, CREATE_TASK, { input: taskInput('定时清理') }, 'sweep-timer'));
    await keyAge('sweep-timer', 3);
    const lines: string[] = [];
    const stop = startIdempotencySweep(district(), { intervalMs: config.idempotencySweepMs!, ttlMs: config.idempotencyTtlHours! * HOUR, log: (line) => lines.push(line) });
    try {
      for (let waited = 0; (await keyCount('sweep-timer')) > 0 && waited < 5_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await stop();
    }
    expect(await keyCount('sweep-timer')).toBe(0);
    expect(lines.join('\n')).toMatch(/idempotency keys: \d+ older than 2 h removed/);
  });
});
