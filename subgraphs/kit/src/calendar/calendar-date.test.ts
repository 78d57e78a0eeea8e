import { isCalendarDate, today } from './calendar-date';

describe('calendar dates', () => {
  it('takes today in Tianjin, whatever the server\'s zone', () => {
    expect(today(new Date('2024-03-01T17:30:00Z'))).toBe('2024-03-02');
    expect(today(new Date('2024-03-01T15:59:00Z'))).toBe('2024-03-01');
  });

  it('accepts only real days written YYYY-MM-DD', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-1-05')).toBe(false);
    expect(isCalendarDate('20260105')).toBe(false);
  });
});
