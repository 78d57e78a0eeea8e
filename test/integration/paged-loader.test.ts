import {
  createServiceMetrics,
  migrate,
  openDatabase,
  pagedLoader,
  sqlStatementCount,
  UnitEntity,
  type Orm,
} from '@supervision/kit';
import { districtSubgraph } from '@supervision/district';
import { uniqueDatabaseUrls } from '../support/platform';

let orm: Orm;
const metrics = createServiceMetrics('paged-loader-test');

beforeAll(async () => {
  orm = await openDatabase({
    url: uniqueDatabaseUrls().district,
    entities: districtSubgraph.entities,
    migrations: districtSubgraph.migrations,
    metrics,
    log: () => {},
  });
  await migrate(orm);
  const em = orm.em.fork();
  // 5 units in 120101, 2 in 120102, none in 120103
  for (const [code, names] of [
    ['120101', ['甲', '乙', '丙', '丁', '戊']],
    ['120102', ['子', '丑']],
  ] as const) {
    for (const name of names) em.create(UnitEntity, { jurisdictionCode: code, name, kind: 'DEPARTMENT' });
  }
  await em.flush();
});
afterAll(() => orm?.close());

function loader(first: number, after?: string) {
  return pagedLoader(orm.em.fork(), {
    entity: UnitEntity,
    partitionColumn: 'jurisdiction_code',
    sort: { column: 'name', property: 'name', direction: 'asc' },
    first,
    after,
  });
}

describe('paged loader', () => {
  it('pages several parents in one statement, with totals and next-page flags', async () => {
    const before = await sqlStatementCount(metrics);
    const pages = await loader(2).loadMany(['120101', '120102', '120103']);
    expect(await sqlStatementCount(metrics)).toBe(before + 1);
    const [a, b, c] = pages as Awaited<ReturnType<ReturnType<typeof loader>['load']>>[];
    // names sort by code point: 丁 丙 乙 戊 甲
    expect(a.edges.map((edge) => edge.node.name)).toEqual(['丁', '丙']);
    expect(a).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(b.edges.map((edge) => edge.node.name)).toEqual(['丑', '子']);
    expect(b).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect(c).toMatchObject({ edges: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('continues after a cursor until the list is exhausted', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const result = await loader(2, after).load('120101');
      seen.push(...result.edges.map((edge) => edge.node.name));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor!;
    }
    expect(seen).toEqual(['丁', '丙', '乙', '戊', '甲']);
  });

  it('refuses a cursor it did not give out', async () => {
    await expect(loader(2, 'garbage').load('120101')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });
});
