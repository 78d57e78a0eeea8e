import { isCalendarDate, platformToday } from './calendar-date';

describe('calendar dates', () => {
  it('reads today in Tianjin, eight hours ahead of UTC', () => {
    expect(platformToday(new Date('2026-01-01T15:59:59Z'))).toBe('2026-01-01');
    expect(platformToday(new Date('2026-01-01T16:00:00Z'))).toBe('2026-01-02');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('2025-01-01T00:00:00Z')).toBe(false);
  });
});
