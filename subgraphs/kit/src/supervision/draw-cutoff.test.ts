import { addDays } from '../calendar/date-rules';
import { contactCutoff, drawWindow, firstDrawCounting, onListAtEndOf, quarterOpenForDraw, shiftQuarter } from './draw-cutoff';

describe('the contact list of a draw, frozen at its cutoff', () => {
  it('freezes the list of a quarter at the end of the first day of the quarter before, and opens the draw the day after', () => {
    expect(contactCutoff(2027, 1)).toBe('2026-10-01');
    expect(contactCutoff(2027, 3)).toBe('2027-04-01');
    expect(drawWindow(2027, 1)).toEqual({ opens: '2026-10-02', closes: '2027-01-01' });
    expect(shiftQuarter({ year: 2026, quarter: 4 }, 2)).toEqual({ year: 2027, quarter: 2 });
    expect(shiftQuarter({ year: 2027, quarter: 1 }, -1)).toEqual({ year: 2026, quarter: 4 });
  });

  it('has exactly one quarter open on every day, and a change made that day never reaches it', () => {
    for (let day = '2026-01-01'; day <= '2028-12-31'; day = addDays(day, 1)) {
      const open = quarterOpenForDraw(day);
      const window = drawWindow(open.year, open.quarter);
      expect(day >= window.opens && day <= window.closes).toBe(true);
      // The neighbours are closed: windows touch without overlapping.
      for (const neighbour of [shiftQuarter(open, -1), shiftQuarter(open, 1)]) {
        const other = drawWindow(neighbour.year, neighbour.quarter);
        expect(day >= other.opens && day <= other.closes).toBe(false);
      }
      // A change made on the day counts from `firstDrawCounting` on, and not for the quarter before it.
      const counting = firstDrawCounting(day);
      expect(contactCutoff(counting.year, counting.quarter) >= day).toBe(true);
      const before = shiftQuarter(counting, -1);
      expect(contactCutoff(before.year, before.quarter) < day).toBe(true);
      expect(contactCutoff(open.year, open.quarter) < day).toBe(true);
    }
    expect(quarterOpenForDraw('2026-12-02')).toEqual({ year: 2027, quarter: 1 });
    expect(quarterOpenForDraw('2027-01-01')).toEqual({ year: 2027, quarter: 1 });
    expect(quarterOpenForDraw('2027-01-02')).toEqual({ year: 2027, quarter: 2 });
    expect(firstDrawCounting('2026-12-02')).toEqual({ year: 2027, quarter: 2 });
    expect(firstDrawCounting('2026-10-01')).toEqual({ year: 2027, quarter: 1 });
  });

  it('reads a contact interval as it stood at the end of a day', () => {
    expect(onListAtEndOf({ addedOn: '2026-10-01', removedOn: null }, '2026-10-01')).toBe(true);
    expect(onListAtEndOf({ addedOn: '2026-10-02', removedOn: null }, '2026-10-01')).toBe(false);
    expect(onListAtEndOf({ addedOn: '2026-01-05', removedOn: '2026-10-01' }, '2026-10-01')).toBe(false);
    expect(onListAtEndOf({ addedOn: '2026-01-05', removedOn: '2026-10-02' }, '2026-10-01')).toBe(true);
    // Put on and taken off the same day: on no list.
    expect(onListAtEndOf({ addedOn: '2026-11-05', removedOn: '2026-11-05' }, '2026-11-05')).toBe(false);
  });
});
