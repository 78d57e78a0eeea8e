import { issuingLevelsOf, overdueDirectiveNodes } from './overdue-directives.service';
import { encodeCursor } from './keyset';

describe('overdue directives', () => {
  it('come from the levels that issue in the scope: the city and the districts, a district, or none for streets', () => {
    expect(issuingLevelsOf(['120000'])).toEqual(['city', 'district']);
    expect(issuingLevelsOf(['120101', '120116001'])).toEqual(['district']);
    expect(issuingLevelsOf(['120116001'])).toEqual([]);
  });

  it('answer this level\'s directives as loaded and a district\'s as a stub, with the pending addressees by name', () => {
    const directives = [
      { typename: 'CityDirective', id: 'd-1', issuerCode: '120000', deadline: '2026-03-01', daysOverdue: 30, targetCodes: ['120101', '120116'], pendingCodes: ['120116'] },
      { typename: 'DistrictDirective', id: 'd-2', issuerCode: '120116', deadline: '2026-03-02', daysOverdue: 29, targetCodes: ['120116001'], pendingCodes: ['120116001'] },
    ];
    const nodes = overdueDirectiveNodes(directives, new Map([['d-1', { id: 'd-1', title: '开展专项检查' }]]));
    expect(nodes).toEqual([
      {
        cursor: encodeCursor({ sortValue: '2026-03-01', id: 'd-1' }),
        directive: { id: 'd-1', title: '开展专项检查' },
        issuerCode: '120000',
        deadline: '2026-03-01',
        daysOverdue: 30,
        pendingAddressees: [{ code: '120116', name: '滨海新区' }],
      },
      {
        cursor: encodeCursor({ sortValue: '2026-03-02', id: 'd-2' }),
        directive: { __typename: 'DistrictDirective', id: 'd-2' },
        issuerCode: '120116',
        deadline: '2026-03-02',
        daysOverdue: 29,
        pendingAddressees: [{ code: '120116001', name: expect.any(String) }],
      },
    ]);
    expect(nodes[1].pendingAddressees[0].name).not.toBe('120116001');
  });
});
