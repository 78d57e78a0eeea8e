import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  defineFeature,
  defineLevelFeatures,
  entitySchemaDrift,
  ephemeralSecrets,
  GATEWAY_SECRET_HEADER,
  loaderOfOne,
  startSubgraph,
  type JurisdictionRecord,
  type RunningSubgraph,
  type SubgraphContext,
} from '@supervision/kit';
import { districtFeatures, districtLevel, districtSubgraph } from '@supervision/district';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { uniqueDatabaseUrls } from '../support/platform';

/*
 * The README's promise, kept: a new feature is written once (its table, entity, loaders and
 * resolvers) and a level gets it by one more line in its feature list. Nothing else — no entity
 * list, migration list or context type — is edited. This feature gives each district a note.
 */

class Migration20261201000000_example_note extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "example_note" ("code" varchar(12) primary key, "note" text not null)`);
    this.addSql(`insert into "example_note" ("code", "note") values ('120101', '和平区：示例备注')`);
  }
}

@Entity({ tableName: 'example_note' })
class ExampleNoteEntity {
  @PrimaryKey({ type: 'string', length: 12 })
  code!: string;

  @Property({ type: 'text' })
  note!: string;
}

function createExampleNoteLoaders(em: EntityManager) {
  return {
    exampleNoteByCode: loaderOfOne((codes: readonly string[]) => em.find(ExampleNoteEntity, { code: { $in: [...codes] } }), (note) => note.code),
  };
}

const exampleNoteFeature = defineFeature({
  name: 'exampleNote',
  migrations: [{ name: 'Migration20261201000000_example_note', class: Migration20261201000000_example_note }],
  entities: [ExampleNoteEntity],
  build(build) {
    @Resolver(() => build.level.jurisdictionType)
    class ExampleNoteResolver {
      @FieldResolver(() => String, { nullable: true, description: '示例备注 An example note.' })
      async exampleNote(@Root() jurisdiction: JurisdictionRecord, @Ctx() context: SubgraphContext<ReturnType<typeof createExampleNoteLoaders>>) {
        return (await context.loaders.exampleNoteByCode.load(jurisdiction.code))?.note ?? null;
      }
    }
    return [{ entities: [ExampleNoteEntity], resolvers: [ExampleNoteResolver], createLoaders: createExampleNoteLoaders }];
  },
});

let running: RunningSubgraph;
let gatewaySecret: string;

beforeAll(async () => {
  const secrets = await ephemeralSecrets();
  gatewaySecret = secrets.gatewaySecret;
  running = await startSubgraph(
    // ↓ the one line: the district's features plus the new one.
    { ...districtSubgraph, ...defineLevelFeatures(districtLevel, [...districtFeatures, exampleNoteFeature]) },
    { port: 0, databaseUrl: uniqueDatabaseUrls().district, gatewaySecret, jwtPublicJwk: secrets.publicJwk, log: () => {} },
  );
});
afterAll(() => running?.stop());

describe('adding a feature to a level', () => {
  it('serves the new field, from the table its migration created', async () => {
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: gatewaySecret },
      body: JSON.stringify({ query: '{ district(code: "120101") { name exampleNote } other: district(code: "120102") { exampleNote } }' }),
    });
    expect(await response.json()).toEqual({ data: { district: { name: '和平区', exampleNote: '和平区：示例备注' }, other: { exampleNote: null } } });
  });

  it('knows the new entity and applied the new migration, after the level\'s own', async () => {
    expect(await entitySchemaDrift(running.orm)).toEqual([]);
    const applied: { name: string }[] = await running.orm.em.getConnection().execute('select "name" from "mikro_orm_migrations" order by "id"');
    expect(applied.map((row) => row.name).at(-1)).toBe('Migration20261201000000_example_note');
  });
});
