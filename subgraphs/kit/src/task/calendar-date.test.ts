import { isCalendarDate, isOverdue, today } from './calendar-date';

describe('calendar dates', () => {
  it('takes today in China Standard Time', () => {
    // 2026-03-01 17:30 UTC is already 2026-03-02 01:30 in Tianjin
    expect(today(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    expect(today(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
  });

  it('accepts only real days in YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
    expect(isCalendarDate('2026-01-01T00:00:00Z')).toBe(false);
  });

  it('calls an open task overdue the day after its due date, and a closed one never', () => {
    expect(isOverdue({ status: 'IN_PROGRESS', dueDate: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ status: 'IN_PROGRESS', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'PLANNED', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'COMPLETED', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'CANCELLED', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});
