import { gradeFor, missingIndicators, planProblem, scoreEntryProblem, weightedTotal, type PlanRules, type SheetValues } from './assessment-scoring';

/** The plan the e2e test uses too: 40 + 20 + 20 + 20 = 100. */
const rules: PlanRules = {
  totalWeight: 100,
  indicators: [
    { code: 'PARTY_CONDUCT', name: '党风廉政建设', weight: 40, minScore: 0, maxScore: 100, source: 'ASSESSOR' },
    { code: 'RECTIFICATION', name: '整改落实', weight: 20, minScore: 0, maxScore: 50, source: 'ASSESSOR' },
    { code: 'DEMOCRATIC', name: '民主测评', weight: 20, minScore: 0, maxScore: 100, source: 'DEMOCRATIC_EVALUATION' },
    { code: 'TASKS', name: '任务完成率', weight: 20, minScore: 0, maxScore: 100, source: 'TASK_COMPLETION' },
  ],
  gradeThresholds: [
    { grade: 'EXCELLENT', minTotal: 90 },
    { grade: 'GOOD', minTotal: 80 },
    { grade: 'AVERAGE', minTotal: 60 },
    { grade: 'POOR', minTotal: 0 },
  ],
};

function sheet(party: number, rectification: number, democratic: number, tasks: number, deduction = 0): SheetValues {
  return { indicatorScores: { PARTY_CONDUCT: party, RECTIFICATION: rectification }, democraticScore: democratic, taskCompletionRate: tasks, deduction };
}

describe('weighted total', () => {
  it('weighs each value by where it lies in its range, then deducts', () => {
    // 40·95/100 + 20·48/50 + 20·92/100 + 20·100/100 = 38 + 19.2 + 18.4 + 20
    expect(weightedTotal(rules, sheet(95, 48, 92, 100))).toBe(95.6);
    // 34 + 18 + 17.6 + 18 = 87.6, minus 1.5
    expect(weightedTotal(rules, sheet(85, 45, 88, 90, 1.5))).toBe(86.1);
    // 32 + 20 + 18.1 + 19 = 89.1, minus 3: the same 86.1, exactly
    expect(weightedTotal(rules, sheet(80, 50, 90.5, 95, 3))).toBe(86.1);
    // 22 + 12 + 12 + 14 = 60, minus 5
    expect(weightedTotal(rules, sheet(55, 30, 60, 70, 5))).toBe(55);
  });

  it('counts the bottom of a range as nothing', () => {
    const floor: PlanRules = { ...rules, indicators: [{ code: 'X', name: 'x', weight: 100, minScore: 60, maxScore: 100, source: 'ASSESSOR' }] };
    // 100 · (80 − 60) / (100 − 60)
    expect(weightedTotal(floor, { indicatorScores: { X: 80 }, democraticScore: null, taskCompletionRate: null, deduction: 0 })).toBe(50);
  });

  it('never goes below 0', () => {
    expect(weightedTotal(rules, sheet(0, 0, 10, 0, 5))).toBe(0);
  });

  it('names what a sheet still lacks', () => {
    expect(missingIndicators(rules, { indicatorScores: { PARTY_CONDUCT: 90 }, democraticScore: 80, taskCompletionRate: null, deduction: 0 })).toEqual([
      'RECTIFICATION',
      'TASKS',
    ]);
  });
});

describe('grades', () => {
  it('gives the best grade whose threshold the total reaches', () => {
    expect(gradeFor(95.6, rules.gradeThresholds)).toBe('EXCELLENT');
    expect(gradeFor(90, rules.gradeThresholds)).toBe('EXCELLENT');
    expect(gradeFor(89.99, rules.gradeThresholds)).toBe('GOOD');
    expect(gradeFor(71, rules.gradeThresholds)).toBe('AVERAGE');
    expect(gradeFor(59.99, rules.gradeThresholds)).toBe('POOR');
  });
});

describe('plan validation', () => {
  it('accepts a sound plan', () => {
    expect(planProblem(rules)).toBeUndefined();
  });

  it('names the indicators when the weights do not add up', () => {
    const short = { ...rules, indicators: rules.indicators.map((indicator, index) => (index === 0 ? { ...indicator, weight: 35 } : indicator)) };
    expect(planProblem(short)).toEqual({ field: 'input.indicators', message: '权重合计 95，方案要求 100 / the weights add up to 95; the plan needs 100' });
    expect(planProblem({ ...short, totalWeight: 95 })).toBeUndefined();
  });

  it('names a bad range, a duplicate code and bad thresholds', () => {
    const inverted = { ...rules, indicators: [{ ...rules.indicators[0], minScore: 100, maxScore: 0 }, ...rules.indicators.slice(1)] };
    expect(planProblem(inverted)?.field).toBe('input.indicators.0.maxScore');
    const twice = { ...rules, indicators: [...rules.indicators.slice(0, 3), { ...rules.indicators[3], code: 'PARTY_CONDUCT' }] };
    expect(planProblem(twice)?.field).toBe('input.indicators.3.code');
    const unordered = { ...rules, gradeThresholds: rules.gradeThresholds.map((t) => (t.grade === 'GOOD' ? { ...t, minTotal: 95 } : t)) };
    expect(planProblem(unordered)?.field).toBe('input.gradeThresholds.1.minTotal');
    expect(planProblem({ ...rules, gradeThresholds: rules.gradeThresholds.slice(0, 3) })?.field).toBe('input.gradeThresholds');
  });
});

describe('score entry validation', () => {
  it('names a score outside its indicator\'s range', () => {
    const problem = scoreEntryProblem(rules, { indicatorScores: [{ indicator: 'PARTY_CONDUCT', score: 90 }, { indicator: 'RECTIFICATION', score: 51 }] });
    expect(problem).toEqual({ field: 'input.indicatorScores.1.score', message: '51 is outside the range of "RECTIFICATION" (0–50)' });
  });

  it('refuses values for indicators fed from elsewhere, unknown codes, bad rates and deductions', () => {
    expect(scoreEntryProblem(rules, { indicatorScores: [{ indicator: 'DEMOCRATIC', score: 80 }] })?.field).toBe('input.indicatorScores.0.indicator');
    expect(scoreEntryProblem(rules, { indicatorScores: [{ indicator: 'NOPE', score: 1 }] })?.field).toBe('input.indicatorScores.0.indicator');
    expect(scoreEntryProblem(rules, { indicatorScores: [], democraticScore: 101 })?.field).toBe('input.democraticScore');
    expect(scoreEntryProblem(rules, { indicatorScores: [], taskCompletionRate: -1 })?.field).toBe('input.taskCompletionRate');
    expect(scoreEntryProblem(rules, { indicatorScores: [], deduction: -2 })?.field).toBe('input.deduction');
    expect(scoreEntryProblem(rules, { indicatorScores: [], democraticScore: 100, taskCompletionRate: 0, deduction: 0 })).toBeUndefined();
  });
});
