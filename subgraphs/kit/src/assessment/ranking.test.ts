import { bottomRanked, competitionRanks } from './ranking';

describe('competition ranking', () => {
  it('gives tied totals the same rank and skips the places they take', () => {
    expect(competitionRanks([86.1, 95.6, 55, 86.1, 91, 71])).toEqual([3, 1, 6, 3, 2, 5]);
  });

  it('ranks everyone first when all are tied, and handles a single unit and none', () => {
    expect(competitionRanks([80, 80, 80])).toEqual([1, 1, 1]);
    expect(competitionRanks([42])).toEqual([1]);
    expect(competitionRanks([])).toEqual([]);
  });

  it('ties at the bottom share the better of the places', () => {
    expect(competitionRanks([90, 70, 70])).toEqual([1, 2, 2]);
  });
});

describe('bottom ranked', () => {
  it('picks the lowest N', () => {
    expect(bottomRanked([86.1, 95.6, 55, 86.1, 91, 71], 2)).toEqual([false, false, true, false, false, true]);
  });

  it('includes every unit tied at the boundary', () => {
    expect(bottomRanked([80, 60, 60], 1)).toEqual([false, true, true]);
    expect(bottomRanked([80, 70, 60, 60], 3)).toEqual([false, true, true, true]);
  });

  it('picks nobody for N = 0', () => {
    expect(bottomRanked([80, 60], 0)).toEqual([false, false]);
  });
});
