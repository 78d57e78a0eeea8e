import { refusedField as fieldOfRefusal } from '../errors/refusal';
import { assertMilestoneDue, assertNotPast, assertProgress, assertTaskDates, assertTaskOpen, cancelReasonOf } from './task.service';

describe('task checks', () => {
  it('refuses a change of a closed task only', () => {
    expect(fieldOfRefusal(() => assertTaskOpen('COMPLETED'))).toBe('status');
    expect(fieldOfRefusal(() => assertTaskOpen('CANCELLED'))).toBe('status');
    expect(() => assertTaskOpen('PLANNED')).not.toThrow();
    expect(() => assertTaskOpen('IN_PROGRESS')).not.toThrow();
  });

  it('accepts a due date from today on, and a milestone due no later than its task', () => {
    expect(fieldOfRefusal(() => assertNotPast('2026-05-31', '2026-06-01', 'input.dueDate'))).toBe('input.dueDate');
    expect(() => assertNotPast('2026-06-01', '2026-06-01', 'input.dueDate')).not.toThrow();
    expect(fieldOfRefusal(() => assertMilestoneDue({ dueDate: '2026-07-02' }, '2026-07-01', '2026-06-01', 'input.dueDate'))).toBe('input.dueDate');
    expect(() => assertMilestoneDue({ dueDate: '2026-07-01' }, '2026-07-01', '2026-06-01', 'm')).not.toThrow();
  });

  it('names the milestone at fault when a new task is checked', () => {
    const input = { dueDate: '2026-07-01', milestones: [{ title: 'a', dueDate: '2026-06-10' }, { title: 'b', dueDate: '2026-08-01' }] };
    expect(fieldOfRefusal(() => assertTaskDates(input, '2026-06-01'))).toBe('input.milestones.1.dueDate');
    expect(fieldOfRefusal(() => assertTaskDates({ dueDate: '2026-05-01', milestones: [] }, '2026-06-01'))).toBe('input.dueDate');
    expect(() => assertTaskDates({ ...input, milestones: [input.milestones[0]] }, '2026-06-01')).not.toThrow();
  });

  it('takes progress from 0 to 100 and a cancel reason that is not blank nor over 2000 characters', () => {
    expect(fieldOfRefusal(() => assertProgress(-1))).toBe('progress');
    expect(fieldOfRefusal(() => assertProgress(101))).toBe('progress');
    expect(() => assertProgress(0)).not.toThrow();
    expect(() => assertProgress(100)).not.toThrow();
    expect(fieldOfRefusal(() => cancelReasonOf('   '))).toBe('reason');
    expect(fieldOfRefusal(() => cancelReasonOf('x'.repeat(2001)))).toBe('reason');
    expect(cancelReasonOf('  超期未启动 \n')).toBe('超期未启动');
    expect(cancelReasonOf('x'.repeat(2000))).toHaveLength(2000);
  });
});
