import { SortDirection } from '../pagination/sort-direction';
import { citywideEdges, citywidePageInfo, directionOf, ownerLevelOfType } from './citywide-page.service';
import { checkPeriod, currentQuarter } from './citywide-period';
import { refusedField } from '../errors/refusal';
import { encodeCursor, type CitywideKey } from './keyset';

const key = (typename: string, id: string, jurisdictionCode: string, sortValue: string, daysOverdue: number | null = null): CitywideKey => ({
  typename,
  id,
  jurisdictionCode,
  sortValue,
  daysOverdue,
});

describe('a page of a city-wide list', () => {
  it('takes the direction asked for, else the list\'s default', () => {
    expect(directionOf(SortDirection.ASC, 'desc')).toBe('asc');
    expect(directionOf(SortDirection.DESC, 'asc')).toBe('desc');
    expect(directionOf(undefined, 'desc')).toBe('desc');
  });

  it('names the owning level by the record type, not by the jurisdiction of the record', () => {
    expect(ownerLevelOfType('CitySupervisionFinding')).toBe('city');
    expect(ownerLevelOfType('DistrictTask')).toBe('district');
    expect(ownerLevelOfType('StreetDutyRecord')).toBe('street');
  });

  it('answers this level\'s records as loaded and the others as stubs, in the merged order, leaving out a record gone since its key was read', () => {
    const keys = [
      key('DistrictSupervisionFinding', 'f-1', '120116001', '2026-05-01', 3),
      key('CitySupervisionFinding', 'f-2', '120116', '2026-04-01', 0),
      key('CitySupervisionFinding', 'gone', '120101', '2026-03-01', 0),
    ];
    const own = new Map([['f-2', { id: 'f-2', description: '台账不全' }]]);
    const edges = citywideEdges(keys, 'CitySupervisionFinding', own);
    expect(edges).toEqual([
      { cursor: encodeCursor(keys[0]), level: 'district', jurisdictionCode: '120116001', daysOverdue: 3, node: { __typename: 'DistrictSupervisionFinding', id: 'f-1' } },
      { cursor: encodeCursor(keys[1]), level: 'city', jurisdictionCode: '120116', daysOverdue: 0, node: { id: 'f-2', description: '台账不全' } },
    ]);
  });

  it('starts the page at its first key and says whether it follows another', () => {
    const keys = [key('CityTask', 't-1', '120000', '2026-01-01')];
    expect(citywidePageInfo({ keys, hasNextPage: true, endCursor: 'end' }, 'previous')).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      endCursor: 'end',
      startCursor: encodeCursor(keys[0]),
    });
    expect(citywidePageInfo({ keys: [], hasNextPage: false, endCursor: null }, undefined)).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      endCursor: null,
      startCursor: null,
    });
  });
});

describe('a period of the city-wide figures', () => {
  it('defaults to the quarter of the day', () => {
    expect(currentQuarter('2026-02-14')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(currentQuarter('2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(currentQuarter('2028-05-01')).toEqual({ from: '2028-04-01', to: '2028-06-30' });
  });

  it('refuses a day that is not a calendar day, or an end before the start, naming the field', () => {
    expect(() => checkPeriod(undefined, undefined, 'from', 'to')).not.toThrow();
    expect(() => checkPeriod('2026-01-01', '2026-01-01', 'from', 'to')).not.toThrow();
    expect(refusedField(() => checkPeriod('2026-02-30', undefined, 'filter.noDutyRecordFrom', 'filter.noDutyRecordTo'))).toBe('filter.noDutyRecordFrom');
    expect(refusedField(() => checkPeriod('2026-03-01', '2026-02-01', 'from', 'to'))).toBe('to');
  });
});
