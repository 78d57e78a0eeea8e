import { isOverdue } from './overdue';

describe('overdue', () => {
  it('calls an open task overdue the day after its due date, and a closed one never', () => {
    expect(isOverdue({ status: 'IN_PROGRESS', dueDate: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ status: 'IN_PROGRESS', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'PLANNED', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ status: 'COMPLETED', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'CANCELLED', dueDate: '2026-03-01' }, '2026-03-02')).toBe(false);
  });
});
