import { drawQuarter, lehmer, quarterShare } from './plan-draw';

/*
 * Worked by hand. Lehmer from seed s: x1 = 16807·s, x2 = 16807·x1 mod (2³¹ − 1).
 * 8 units u1…u8, share ceil(8/4) = 2, seeds 1, 2, 3, 4 for Q1…Q4:
 *  Q1 seed 1, pool u1…u8 (8): x1 = 16807, 16807 mod 8 = 7 → swap 0↔7 → [u8 … u1];
 *     x2 = 282475249 = 7¹⁰, mod 7 = 0 → j = 1, no swap. Picks u8, u2.
 *  Q2 seed 2, pool u1 u3 u4 u5 u6 u7 (6): x1 = 33614, mod 6 = 2 → swap 0↔2 → [u4 u3 u1 u5 u6 u7];
 *     x2 = 564950498, mod 5 = 3 → j = 4 → swap 1↔4 → [u4 u6 u1 u5 u3 u7]. Picks u4, u6.
 *  Q3 seed 3, pool u1 u3 u5 u7 (4): x1 = 50421, mod 4 = 1 → swap 0↔1 → [u3 u1 u5 u7];
 *     x2 = 847425747, digit sum 48, mod 3 = 0 → j = 1, no swap. Picks u3, u1.
 *  Q4 seed 4, pool u5 u7 (2): x1 = 67228, mod 2 = 0 → no swap; then mod 1 = 0. Picks u5, u7.
 */
const units = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'];

describe('quarterly draw of contact units', () => {
  it('follows the minimal-standard sequence', () => {
    const next = lehmer(1);
    expect([next(), next(), next()]).toEqual([16807, 282475249, 1622650073]);
    const fromTwo = lehmer(2);
    expect([fromTwo(), fromTwo()]).toEqual([33614, 564950498]);
  });

  it('draws a quarter each quarter and every unit exactly once in the year', () => {
    const year: string[][] = [];
    for (const seed of [1, 2, 3, 4]) {
      year.push(drawQuarter({ contactUnitIds: units, drawnEarlierThisYear: year.flat(), seed }));
    }
    expect(year).toEqual([
      ['u8', 'u2'],
      ['u4', 'u6'],
      ['u3', 'u1'],
      ['u5', 'u7'],
    ]);
    expect(year.flat().sort()).toEqual(units);
  });

  it('is reproducible and ignores the order the units are listed in', () => {
    const shuffled = ['u5', 'u2', 'u8', 'u1', 'u7', 'u3', 'u6', 'u4'];
    expect(drawQuarter({ contactUnitIds: shuffled, drawnEarlierThisYear: [], seed: 1 })).toEqual(['u8', 'u2']);
    expect(drawQuarter({ contactUnitIds: units, drawnEarlierThisYear: [], seed: 1 })).toEqual(['u8', 'u2']);
  });

  it('takes every undrawn unit first when fewer remain than a quarter needs', () => {
    // 5 units, share 2; only u5 is undrawn. Then from u1…u4 with the same generator:
    // x1 = 16807 consumed by the single-unit pool (mod 1), x2 = 282475249 mod 4 = 1 → u2.
    const picks = drawQuarter({ contactUnitIds: ['u1', 'u2', 'u3', 'u4', 'u5'], drawnEarlierThisYear: ['u1', 'u2', 'u3', 'u4'], seed: 1 });
    expect(picks).toEqual(['u5', 'u2']);
    expect(quarterShare(5)).toBe(2);
  });

  it('refuses a seed the generator cannot use', () => {
    expect(() => lehmer(0)).toThrow(RangeError);
    expect(() => lehmer(2147483647)).toThrow(RangeError);
  });
});
