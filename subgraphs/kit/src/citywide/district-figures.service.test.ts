import { refusalOf } from '../errors/refusal';
import { districtsOfScope, sumDistrictFigures } from './district-figures.service';

describe('the per-district figures', () => {
  it('stand the city for its 16 districts and a district for itself, in code order', () => {
    const all = districtsOfScope(['120000']);
    expect(all).toHaveLength(16);
    expect(all[0]).toBe('120101');
    expect([...all].sort()).toEqual(all);
    expect(districtsOfScope(['120116', '120101'])).toEqual(['120101', '120116']);
  });

  it('refuse a street in the scope, naming its place', () => {
    const refusal = refusalOf(() => districtsOfScope(['120101', '120116001']));
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scope.1' });
    expect(refusal.message).toContain('区合计按区计');
  });

  it('sum each level\'s share per district and part, zero where nothing was counted', () => {
    const figures = sumDistrictFigures(
      ['120101', '120116'],
      [
        { district: '120116', metric: 'overdueTasks', part: 'district', count: 2 },
        { district: '120116', metric: 'overdueTasks', part: 'streets', count: 5 },
        // The city's and the district's findings about the district's units are one part.
        { district: '120116', metric: 'findingsNotRectified', part: 'district', count: 1 },
        { district: '120116', metric: 'findingsNotRectified', part: 'district', count: 3 },
        { district: '120102', metric: 'dutyRecords', part: 'district', count: 9 },
      ],
    );
    expect(figures).toEqual([
      {
        code: '120101',
        name: '和平区',
        district: { code: '120101' },
        overdueTasks: { district: 0, streets: 0, total: 0 },
        findingsNotRectified: { district: 0, streets: 0, total: 0 },
        dutyRecords: { district: 0, streets: 0, total: 0 },
      },
      {
        code: '120116',
        name: '滨海新区',
        district: { code: '120116' },
        overdueTasks: { district: 2, streets: 5, total: 7 },
        findingsNotRectified: { district: 4, streets: 0, total: 4 },
        dutyRecords: { district: 0, streets: 0, total: 0 },
      },
    ]);
  });
});
