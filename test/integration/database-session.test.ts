import { createServiceMetrics, openDatabase, today, type Orm } from '@supervision/kit';
import { uniqueDatabaseUrls } from '../support/platform';

let orm: Orm;
beforeAll(async () => {
  orm = await openDatabase({ url: uniqueDatabaseUrls().city, entities: [], migrations: [], metrics: createServiceMetrics('session-test'), log: () => {} });
});
afterAll(() => orm?.close());

describe('database sessions', () => {
  it('run in the platform time zone, so SQL\'s current_date is the services\' today', async () => {
    const [row] = await orm.em
      .fork()
      .getConnection()
      .execute<{ zone: string; day: string }[]>(`select current_setting('TimeZone') as zone, current_date::text as day`);
    expect(row.zone).toBe('Asia/Shanghai');
    expect(row.day).toBe(today());
  });
});
