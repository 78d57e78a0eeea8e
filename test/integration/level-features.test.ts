import {
  checkFeatures,
  createServiceMetrics,
  defineFeature,
  defineLevelFeatures,
  entitySchemaDrift,
  levelRecordsFeature,
  migrate,
  openDatabase,
  SHARED_MIGRATION_ORDER,
  type LevelOptions,
  type SubgraphDefinition,
} from '@supervision/kit';
import { citySubgraph } from '@supervision/city';
import { districtSubgraph } from '@supervision/district';
import { streetSubgraph } from '@supervision/street';
import { uniqueDatabaseUrls } from '../support/platform';

const levels: [string, SubgraphDefinition<object>][] = [
  ['city', citySubgraph],
  ['district', districtSubgraph],
  ['street', streetSubgraph],
];
const sharedOrder = SHARED_MIGRATION_ORDER.map((migration) => migration.name);

describe("each level's features fit together", () => {
  it.each(levels)('%s: migrations unique, its own first, then the shared ones in the one order', (_name, subgraph) => {
    const names = subgraph.migrations.map((migration) => migration.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('Migration20261127000000_jurisdiction');
    const shared = names.slice(1);
    expect(shared).toEqual([...shared].sort((a, b) => sharedOrder.indexOf(a) - sharedOrder.indexOf(b)));
    expect(shared.every((name) => sharedOrder.includes(name))).toBe(true);
  });

  it('refuses two features that declare the same migration', () => {
    const copy = defineFeature({ name: 'copyOfLevelRecords', migrations: levelRecordsFeature.migrations.slice(0, 1), entities: [], build: () => [] });
    expect(checkFeatures([levelRecordsFeature, copy], ['jurisdictionByCode'])).toEqual([
      'migration Migration20261127010000_supervision is declared by both levelRecords and copyOfLevelRecords',
    ]);
  });

  it("refuses a level whose features need a loader no feature creates", () => {
    // The level records read `jurisdictionByCode`, which only a level's jurisdiction feature creates.
    const level: LevelOptions = { level: 'street', jurisdictionType: class StreetWithoutJurisdiction {}, jurisdictionField: 'street' };
    expect(() => defineLevelFeatures(level, [levelRecordsFeature])).toThrow(
      'feature levelRecords needs the loader jurisdictionByCode, which no feature of the level creates',
    );
  });
});

/**
 * Entities and migrations agree: after a level's migrations, every table and column (and its
 * nullability) matches the level's entities. A column added to an entity without a migration,
 * or the other way round, fails here.
 */
describe("each level's entities match the schema its migrations create", () => {
  it.each(levels)('%s', async (name, subgraph) => {
    const orm = await openDatabase({
      url: uniqueDatabaseUrls()[name as 'city'],
      entities: subgraph.entities,
      migrations: subgraph.migrations,
      metrics: createServiceMetrics(`drift-${name}`),
      log: () => {},
    });
    try {
      await migrate(orm);
      expect(await entitySchemaDrift(orm)).toEqual([]);
      // And it does see drift: a column only a migration added, one only an entity maps.
      await orm.em.getConnection().execute('alter table "unit" add column "extra" text; alter table "task" drop column "progress"');
      expect(await entitySchemaDrift(orm)).toEqual([
        'task.progress (TaskEntity.progress) has no column',
        'unit.extra is not mapped by UnitEntity',
      ]);
    } finally {
      await orm.close();
    }
  });
});
