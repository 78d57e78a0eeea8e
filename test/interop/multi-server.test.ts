/**
 * As far as one machine allows, the platform as deployed: each level on its own PostgreSQL
 * server (three embedded clusters), two replicas of every subgraph started at once against
 * empty databases, and two gateways, each routed to a different replica of every level.
 */
import { citySubgraph } from '@supervision/city';
import { districtSubgraph } from '@supervision/district';
import { startGateway, type RunningGateway } from '@supervision/gateway';
import { ephemeralSecrets, signToken, startSubgraph, type LocalSecrets, type RunningSubgraph, type SubgraphDefinition } from '@supervision/kit';
import { streetSubgraph } from '@supervision/street';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql } from '../support/platform';
import { startPostgresServer, type PostgresServer } from './postgres-servers';

const LEVELS = ['city', 'district', 'street'] as const;
type Level = (typeof LEVELS)[number];
const DEFINITIONS: Record<Level, SubgraphDefinition<unknown>> = {
  city: citySubgraph as SubgraphDefinition<unknown>,
  district: districtSubgraph as SubgraphDefinition<unknown>,
  street: streetSubgraph as SubgraphDefinition<unknown>,
};
const JURISDICTION_TABLE: Record<Level, { table: string; rows: number }> = {
  city: { table: 'city', rows: 1 },
  district: { table: 'district', rows: 16 },
  street: { table: 'street', rows: 299 },
};

let root: string;
const servers = {} as Record<Level, PostgresServer>;
const replicas = {} as Record<Level, RunningSubgraph[]>;
const gateways: RunningGateway[] = [];
let secrets: LocalSecrets;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'supervision-multi-'));
  chmodSync(root, 0o755);
  const basePort = 45000 + Math.floor(Math.random() * 4000);
  await Promise.all(
    LEVELS.map(async (level, index) => {
      servers[level] = await startPostgresServer(join(root, `${level}-pgdata`), basePort + index);
    }),
  );
  secrets = await ephemeralSecrets();
  const common = { port: 0, gatewaySecret: secrets.gatewaySecret, jwtPublicJwk: secrets.publicJwk, log: () => {} };
  // Both replicas of a level start at the same moment against the same database, which does not exist yet.
  await Promise.all(
    LEVELS.map(async (level) => {
      const databaseUrl = `${servers[level].serverUrl}/supervision_${level}`;
      replicas[level] = await Promise.all([0, 1].map(() => startSubgraph(DEFINITIONS[level], { ...common, databaseUrl })));
    }),
  );
  for (const replica of LEVELS.flatMap((level) => replicas[level])) {
    for (const level of LEVELS) replica.peers.set(level, replicas[level][0].url);
  }
  for (const index of [0, 1]) {
    gateways.push(
      await startGateway({
        ...common,
        subgraphUrls: { city: replicas.city[index].url, district: replicas.district[index].url, street: replicas.street[index].url },
      }),
    );
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await Promise.all(LEVELS.flatMap((level) => (replicas[level] ?? []).map((replica) => replica.stop())));
  await Promise.all(LEVELS.map((level) => servers[level]?.stop()));
  if (root) rmSync(root, { recursive: true, force: true });
});

async function rows<T>(level: Level, sql: string): Promise<T[]> {
  return replicas[level][0].orm.em.fork().getConnection().execute<T[]>(sql);
}

it('puts each level on its own PostgreSQL server', async () => {
  const ports = await Promise.all(LEVELS.map(async (level) => (await rows<{ port: number }>(level, 'select inet_server_port() as port'))[0].port));
  expect(new Set(ports).size).toBe(3);
  for (const level of LEVELS) {
    const databases = await rows<{ datname: string }>(level, "select datname from pg_database where datname like 'supervision_%'");
    expect(databases.map((row) => row.datname)).toEqual([`supervision_${level}`]);
  }
});

it.each(LEVELS)('migrates and seeds the %s database exactly once though two replicas started at once', async (level) => {
  const applied = await rows<{ name: string; times: string }>(level, 'select name, count(*) as times from mikro_orm_migrations group by name');
  expect(applied).toHaveLength(DEFINITIONS[level].migrations.length);
  expect(applied.every((row) => Number(row.times) === 1)).toBe(true);
  const { table, rows: expected } = JURISDICTION_TABLE[level];
  const [{ count }] = await rows<{ count: string }>(level, `select count(*) as count from ${table}`);
  expect(Number(count)).toBe(expected);
});

it('answers alike through either gateway, each routed to other replicas', async () => {
  const token = await signToken({ subject: 'multi-server-city', level: 'city', code: '120000', roles: ['commission'] }, secrets.privateJwk);
  const queries = [
    '{ city { name districts { code name streets { code name district { name } } } } }',
    '{ street(code: "120117001") { name district { name city { name } } } }',
    '{ city { taskStats { total } districtRanking { rank district { code } } districts { streetTaskStats { street { code } stats { total } } } } }',
  ];
  for (const query of queries) {
    const [first, second] = await Promise.all(gateways.map((gateway) => graphql(gateway.url, query, { token })));
    expect(first.errors).toBeUndefined();
    expect(second).toEqual(first);
  }
  const chain = await graphql<{ city: { districts: { streets: unknown[] }[] } }>(gateways[1].url, queries[0], { token });
  expect(chain.data!.city.districts.flatMap((district) => district.streets)).toHaveLength(299);
});

it('serves writes on one replica that the other replica reads', async () => {
  const token = await signToken({ subject: 'multi-server-admin', level: 'district', code: '120101', roles: ['admin'] }, secrets.privateJwk);
  const created = await graphql<{ createDistrictUnit: { id: string } }>(
    gateways[0].url,
    'mutation { createDistrictUnit(input: { jurisdictionCode: "120101", name: "和平区审计局", kind: DEPARTMENT }) { id } }',
    { token },
  );
  expect(created.errors).toBeUndefined();
  const read = await graphql<{ districtUnit: { name: string } }>(gateways[1].url, 'query ($id: ID!) { districtUnit(id: $id) { name } }', {
    token,
    variables: { id: created.data!.createDistrictUnit.id },
  });
  expect(read.data).toEqual({ districtUnit: { name: '和平区审计局' } });
});
