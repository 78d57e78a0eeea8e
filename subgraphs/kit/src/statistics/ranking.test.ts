import { rankByCompletion } from './ranking';
import { addTaskCounts, completionRate, NO_TASKS, type TaskCounts } from './task-counts';

function counts(partial: Partial<TaskCounts>): TaskCounts {
  const base = { ...NO_TASKS, ...partial };
  return { ...base, total: partial.total ?? base.planned + base.inProgress + base.completed + base.cancelled };
}

describe('completionRate', () => {
  it('is completed / (total − cancelled), and 0 when nothing counts', () => {
    expect(completionRate(counts({ completed: 3, planned: 1 }))).toBe(0.75);
    // 2 completed of 5, 1 cancelled: 2 / 4
    expect(completionRate(counts({ completed: 2, inProgress: 2, cancelled: 1 }))).toBe(0.5);
    expect(completionRate(counts({ cancelled: 2 }))).toBe(0);
    expect(completionRate(NO_TASKS)).toBe(0);
  });

  it('sums counts field by field', () => {
    expect(addTaskCounts(counts({ completed: 1, overdue: 0 }), counts({ planned: 2, overdue: 1 }))).toEqual({
      total: 3, planned: 2, inProgress: 0, completed: 1, cancelled: 0, overdue: 1,
    });
  });
});

describe('rankByCompletion', () => {
  const order = (entries: ReturnType<typeof rankByCompletion>) => entries.map((entry) => `${entry.rank} ${entry.code}`);

  it('ranks by completion rate, then fewer overdue, then code, with shared ranks for ties', () => {
    const ranked = rankByCompletion([
      // 1/2 = 0.5, 1 overdue
      { code: 'A', item: 'a', counts: counts({ completed: 1, planned: 1, overdue: 1 }) },
      // 3/4 = 0.75
      { code: 'B', item: 'b', counts: counts({ completed: 3, inProgress: 1, overdue: 1 }) },
      // 2/4 = 0.5 (one of five cancelled), 1 overdue: ties with A; ordered after A by code
      { code: 'C', item: 'c', counts: counts({ completed: 2, planned: 2, cancelled: 1, overdue: 1 }) },
      // 1/2 = 0.5, no overdue: ahead of A and C
      { code: 'D', item: 'd', counts: counts({ completed: 1, inProgress: 1, overdue: 0 }) },
      // nothing counts: 0
      { code: 'E', item: 'e', counts: counts({ cancelled: 1 }) },
      // 0/1 = 0, no overdue: ties with E
      { code: 'F', item: 'f', counts: counts({ planned: 1 }) },
      // 0/0: no tasks at all, also 0 and no overdue
      { code: '0', item: 'g', counts: NO_TASKS },
    ]);
    expect(order(ranked)).toEqual(['1 B', '2 D', '3 A', '3 C', '5 0', '5 E', '5 F']);
    expect(ranked[0].item).toBe('b');
  });

  it('gives everyone rank 1 when all tie, and returns nothing for nothing', () => {
    const same = counts({ completed: 1, planned: 1 });
    expect(order(rankByCompletion([
      { code: 'Y', item: null, counts: same },
      { code: 'X', item: null, counts: same },
    ]))).toEqual(['1 X', '1 Y']);
    expect(rankByCompletion([])).toEqual([]);
  });

  it('does not reorder its input', () => {
    const input = [
      { code: 'A', item: 1, counts: NO_TASKS },
      { code: 'B', item: 2, counts: counts({ completed: 1 }) },
    ];
    expect(order(rankByCompletion(input))).toEqual(['1 B', '2 A']);
    expect(input.map((entry) => entry.code)).toEqual(['A', 'B']);
  });
});
