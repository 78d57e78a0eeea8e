import { assertTransition, canTransition, isClosed, statusAfterProgress } from './task-workflow';
import type { TaskStatusCode } from './task.entity';

const ALL: TaskStatusCode[] = ['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];

describe('task workflow', () => {
  it('allows exactly planned → in progress → completed and cancelling an open task', () => {
    const allowed = ALL.flatMap((from) => ALL.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(['IN_PROGRESS→CANCELLED', 'IN_PROGRESS→COMPLETED', 'PLANNED→CANCELLED', 'PLANNED→IN_PROGRESS']);
  });

  it('refuses any other step with BAD_USER_INPUT naming status, from and to', () => {
    expect(() => assertTransition('CANCELLED', 'COMPLETED')).toThrow(' / a task cannot go from CANCELLED to COMPLETED');
    try {
      assertTransition('COMPLETED', 'IN_PROGRESS');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'status' } });
    }
    // skipping the start is not a step either
    expect(() => assertTransition('PLANNED', 'COMPLETED')).toThrow('from PLANNED to COMPLETED');
    expect(assertTransition('PLANNED', 'IN_PROGRESS')).toBe('IN_PROGRESS');
  });

  it('starts a planned task on its first progress report and refuses progress on a closed one', () => {
    expect(statusAfterProgress('PLANNED')).toBe('IN_PROGRESS');
    expect(statusAfterProgress('IN_PROGRESS')).toBe('IN_PROGRESS');
    expect(() => statusAfterProgress('COMPLETED')).toThrow(' / a task cannot take progress in status COMPLETED');
    expect(() => statusAfterProgress('CANCELLED')).toThrow(' / a task cannot take progress in status CANCELLED');
  });

  it('knows the final states', () => {
    expect(ALL.filter(isClosed)).toEqual(['COMPLETED', 'CANCELLED']);
  });
});
