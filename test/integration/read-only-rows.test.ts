import {
  createServiceMetrics,
  DutyRecordEntity,
  migrate,
  openDatabase,
  readOnlyEntities,
  TaskEntity,
  UnitEntity,
  type Orm,
} from '@supervision/kit';
import { districtSubgraph } from '@supervision/district';
import { uniqueDatabaseUrls } from '../support/platform';

/*
 * Read-only lists skip MikroORM's unit of work (`readOnlyEntities`); what they hand to the
 * resolvers must be exactly what `em.map` would have made of the same rows: the same property
 * names, the same value types (dates as strings, timestamps as Date, nulls), the same class.
 */

let orm: Orm;

beforeAll(async () => {
  orm = await openDatabase({
    url: uniqueDatabaseUrls().district,
    entities: districtSubgraph.entities,
    migrations: districtSubgraph.migrations,
    metrics: createServiceMetrics('read-only-rows-test'),
    log: () => {},
  });
  await migrate(orm);
  await orm.em.fork().transactional(async (em) => {
    // Links to units, cadres and items of other tables are beside the point here.
    await em.execute('set local session_replication_role = replica');
    const unit = em.create(UnitEntity, { jurisdictionCode: '120101', name: '和平区纪委', kind: 'DEPARTMENT' });
    const task = em.create(TaskEntity, {
      jurisdictionCode: '120101', responsibilityItemId: unit.id, title: '落实主体责任', cadreId: unit.id, dueDate: '2026-03-31', completedAt: new Date('2026-02-01T08:00:00Z'),
    });
    em.create(DutyRecordEntity, {
      recordId: task.id, jurisdictionCode: '120101', kind: 'MEETING', occurredOn: '2026-01-15', cadreId: unit.id, taskId: task.id, summary: '专题会议', recordedBy: 'test',
    });
    await em.flush();
  });
});
afterAll(() => orm?.close());

test.each([
  ['task', TaskEntity],
  ['duty_record', DutyRecordEntity],
  ['unit', UnitEntity],
] as const)('rows of %s read without the unit of work equal em.map of the same rows', async (table, entity) => {
  const em = orm.em.fork();
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(`select * from "${table}"`);
  expect(rows.length).toBeGreaterThan(0);
  const fast = readOnlyEntities(em, entity as never, rows) as object[];
  const mapped = rows.map((row) => orm.em.fork().map(entity as never, row) as object);
  expect(fast.map((instance) => ({ ...instance }))).toEqual(mapped.map((instance) => ({ ...instance })));
  for (const instance of fast) expect(instance).toBeInstanceOf(entity);
  // Nothing was registered: a later find in the same entity manager reads the database.
  expect(em.getUnitOfWork().getIdentityMap().values().length).toBe(0);
});
