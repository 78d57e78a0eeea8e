import { citySubgraph } from '@supervision/city';
import { ephemeralSecrets } from '@supervision/kit';
import { graphql, startTestPlatform, uniqueDatabaseUrls } from '../support/platform';

describe('a second start on the same databases', () => {
  it('reuses the data: migrations and seed run once, nothing is duplicated', async () => {
    const databaseUrls = uniqueDatabaseUrls();
    const secrets = await ephemeralSecrets();
    const query = `{ districts { code streets { code } } }`;

    const first = await startTestPlatform({ databaseUrls, secrets });
    const before = await graphql<{ districts: { streets: unknown[] }[] }>(first.gateway.url, query);
    await first.stop();

    const second = await startTestPlatform({ databaseUrls, secrets });
    try {
      const after = await graphql<{ districts: { streets: unknown[] }[] }>(second.gateway.url, query);
      expect(after.data).toEqual(before.data);
      expect(after.data!.districts.flatMap((district) => district.streets)).toHaveLength(299);
      const [{ count }] = await second.subgraphs.street.orm.em
        .fork()
        .getConnection()
        .execute<{ count: string }[]>('select count(*) from street');
      expect(Number(count)).toBe(299);
      const migrations = await second.subgraphs.city.orm.em
        .fork()
        .getConnection()
        .execute<{ name: string }[]>('select name from mikro_orm_migrations');
      // each committed migration applied exactly once, in order
      expect(migrations.map((row) => row.name)).toEqual(citySubgraph.migrations.map((migration) => migration.name));
    } finally {
      await second.stop();
    }
  });
});
