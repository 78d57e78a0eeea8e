import { GraphQLError } from 'graphql';
import { assertDateRange } from '../statistics/period';
import { assertCalendarDate, assertNotBefore, assertNotInFuture, assertWithinQuarter, quarterOfDate, quarterSpan } from './date-rules';

function fieldOf(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return (error as GraphQLError).extensions.field;
  }
  return undefined;
}

describe('one calendar rule for dated records', () => {
  it('knows the days of each quarter', () => {
    expect(quarterSpan(2026, 1)).toEqual({ first: '2026-01-01', last: '2026-03-31' });
    expect(quarterSpan(2026, 4)).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(quarterOfDate('2026-08-10')).toEqual({ year: 2026, quarter: 3 });
    expect(() => quarterSpan(2026, 5)).toThrow(RangeError);
  });

  it('refuses a day after today, accepts today', () => {
    expect(fieldOf(() => assertNotInFuture('checkedOn', '2027-06-01', '2026-12-01'))).toBe('checkedOn');
    expect(fieldOf(() => assertNotInFuture('checkedOn', '2026-12-01', '2026-12-01'))).toBeUndefined();
  });

  it('refuses a day outside the quarter, in Chinese and English', () => {
    expect(() => assertWithinQuarter('input.checkedOn', '2026-08-10', 2026, 1)).toThrow(/不在2026年第1季度.*outside Q1 2026/);
    expect(fieldOf(() => assertWithinQuarter('input.checkedOn', '2026-03-31', 2026, 1))).toBeUndefined();
    expect(fieldOf(() => assertWithinQuarter('input.checkedOn', '2025-12-31', 2026, 1))).toBe('input.checkedOn');
  });

  it('refuses a day before what it follows, accepts the same day', () => {
    const interview = { zh: '约谈', en: 'interview' };
    expect(fieldOf(() => assertNotBefore('input.visitedOn', '2026-01-19', '2026-01-20', interview))).toBe('input.visitedOn');
    expect(fieldOf(() => assertNotBefore('input.visitedOn', '2026-01-20', '2026-01-20', interview))).toBeUndefined();
  });
});

describe('one calendar-date check for date arguments too', () => {
  it('refuses days that do not exist, naming the argument, and returns a real one', () => {
    for (const bad of ['2026-02-30', '2026-13-99', '2026-00-10', '2026-1-05', '']) {
      expect(fieldOf(() => assertCalendarDate('input.from', bad))).toBe('input.from');
    }
    expect(assertCalendarDate('from', '2028-02-29')).toBe('2028-02-29');
  });

  it('is the check of the statistics date range', () => {
    expect(fieldOf(() => assertDateRange('2026-02-30', '2026-03-01'))).toBe('from');
    expect(fieldOf(() => assertDateRange('2026-01-01', '2026-13-99'))).toBe('to');
    expect(assertDateRange('2026-01-01', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
