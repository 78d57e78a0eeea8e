import { completionPercent, findingDeduction } from './assessment-platform-data';

const PLAN = { year: 2025, overdueFindingPoints: 2, reopenedFindingPoints: 3.5, totalWeight: 100 };

describe('findingDeduction', () => {
  it('takes the plan\'s points per overdue and per re-opened finding and explains them', () => {
    expect(findingDeduction(PLAN, { overdue: 2, reopened: 1 })).toEqual({
      deduction: 7.5,
      note: '2025年度监督检查发现问题: 逾期未整改 2 项 × 2 分 + 查而不改 1 项 × 3.5 分 = 7.5 分',
    });
  });

  it('takes nothing off a unit without such findings', () => {
    expect(findingDeduction(PLAN, { overdue: 0, reopened: 0 }).deduction).toBe(0);
  });

  it('never takes off more than the plan\'s total weight', () => {
    const { deduction, note } = findingDeduction({ ...PLAN, totalWeight: 10 }, { overdue: 3, reopened: 2 });
    expect(deduction).toBe(10);
    expect(note).toContain('(以总分 10 为限)');
  });
});

describe('completionPercent', () => {
  it('is completed / (total − cancelled) as a percentage with 2 decimals, 0 when nothing counts', () => {
    const counts = { total: 4, planned: 1, inProgress: 1, completed: 1, cancelled: 1, overdue: 0 };
    expect(completionPercent(counts)).toBe(33.33);
    expect(completionPercent({ ...counts, total: 1, planned: 0, inProgress: 0, completed: 0 })).toBe(0);
  });
});
