import { RELEASED_OUT_OF_ORDER, SHARED_MIGRATION_ORDER, orderMigrations } from './migration-order';

const timestampOf = (name: string) => /^Migration(\d{14})_/.exec(name)?.[1];

describe('the shared migration order', () => {
  it('names every migration once, each with a timestamp', () => {
    const names = SHARED_MIGRATION_ORDER.map((migration) => migration.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(timestampOf(name)).toBeDefined();
  });

  it('gives every new migration a timestamp later than all before it', () => {
    let latest = '';
    for (const { name } of SHARED_MIGRATION_ORDER) {
      const timestamp = timestampOf(name)!;
      if (!RELEASED_OUT_OF_ORDER.includes(name)) {
        expect({ name, laterThanAllBefore: timestamp > latest }).toEqual({ name, laterThanAllBefore: true });
      }
      if (timestamp > latest) latest = timestamp;
    }
  });

  it("keeps a level's own migrations where listed and puts the shared ones in the one order", () => {
    const [records, issued, responses] = SHARED_MIGRATION_ORDER;
    const own = { name: 'Migration20261127000000_jurisdiction', class: records.class };
    const later = { name: 'Migration20261201000000_later', class: records.class };
    expect(orderMigrations([own, responses, issued, records, later]).map((migration) => migration.name)).toEqual([
      own.name,
      records.name,
      issued.name,
      responses.name,
      later.name,
    ]);
  });
});
