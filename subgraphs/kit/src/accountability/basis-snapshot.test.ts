import { asCitedColumns, changesAfter, sameSnapshot, snapshotIntact, snapshotOf, type RecordChange } from './basis-snapshot';

const change = (seq: string, at: string): RecordChange => ({ seq, at: new Date(at), actorSubject: 's', actorCode: '120000', action: 'update', before: null, after: null, prevHash: '0', hash: `h${seq}` });

describe('what a citation keeps of a record', () => {
  const reference = { recordLevel: 'district', recordType: 'Task', recordId: 't1', citedAt: new Date('2026-11-30T02:00:00Z') };
  const state = { snapshot: snapshotOf('Task', { id: 't1', status: 'PLANNED', version: 3, completedAt: new Date('2026-11-01T00:00:00Z'), unrelated: 'x' }), trail: [change('7', '2026-11-29T00:00:00Z'), change('12', '2026-11-30T01:00:00Z')] };

  it('picks the fields that matter, dates as ISO strings and absent ones as null', () => {
    expect(state.snapshot).toMatchObject({ id: 't1', status: 'PLANNED', version: 3, completedAt: '2026-11-01T00:00:00.000Z', title: null });
    expect(state.snapshot).not.toHaveProperty('unrelated');
  });

  it('names the version and the newest audit entry, and seals them with the snapshot', () => {
    const columns = asCitedColumns('sha256', reference, state);
    expect(columns).toMatchObject({ recordVersion: 3, citedEntrySeq: '12', citedEntryHash: 'h12', snapshotAlgorithm: 'sha256' });
    expect(snapshotIntact({ ...reference, ...columns })).toBe(true);
    // Any edit of what was kept breaks the seal: the snapshot, the entry it names, the moment.
    expect(snapshotIntact({ ...reference, ...columns, snapshot: { ...columns.snapshot, status: 'COMPLETED' } })).toBe(false);
    expect(snapshotIntact({ ...reference, ...columns, citedEntrySeq: '13' })).toBe(false);
    expect(snapshotIntact({ ...reference, ...columns, citedAt: new Date('2026-12-01T00:00:00Z') })).toBe(false);
    // Key order does not matter (jsonb does not keep it).
    const reordered = Object.fromEntries(Object.entries(columns.snapshot).reverse());
    expect(snapshotIntact({ ...reference, ...columns, snapshot: reordered })).toBe(true);
    expect(sameSnapshot(reordered, columns.snapshot)).toBe(true);
  });

  it('lists as changes the entries after the cited one, or after the moment when none was cited', () => {
    const trail = [...state.trail, change('100', '2026-11-30T03:00:00Z')];
    // Positions compare as numbers, not as text ("100" > "12").
    expect(changesAfter(trail, { citedEntrySeq: '12', citedAt: reference.citedAt }).map((entry) => entry.seq)).toEqual(['100']);
    expect(changesAfter(trail, { citedEntrySeq: null, citedAt: new Date('2026-11-29T12:00:00Z') }).map((entry) => entry.seq)).toEqual(['12', '100']);
  });
});
