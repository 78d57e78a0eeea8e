import { refusedField as fieldOfRefusal } from '../errors/refusal';
import type { AssessmentSheetEntity } from './assessment.entity';
import type { CreateAssessmentPlanInput, EnterAssessmentScoresInput } from './assessment.inputs';
import { applyScoreEntry, assertCommendationTitle, inIndicatorOrder, planRulesOf } from './assessment.service';

const plan = {
  totalWeight: 100,
  indicators: [
    { code: 'PARTY_CONDUCT', name: ' 党风廉政建设 ', weight: 60, minScore: 0, maxScore: 100, source: 'ASSESSOR' },
    { code: 'DEMOCRATIC', name: '民主测评', weight: 40, minScore: 0, maxScore: 100, source: 'DEMOCRATIC_EVALUATION' },
  ],
  gradeThresholds: [
    { grade: 'EXCELLENT', minTotal: 90 },
    { grade: 'GOOD', minTotal: 80 },
    { grade: 'AVERAGE', minTotal: 60 },
    { grade: 'POOR', minTotal: 0 },
  ],
} as unknown as CreateAssessmentPlanInput;

describe('assessment steps', () => {
  it('stores a plan\'s indicator names trimmed and refuses weights that do not add up', () => {
    expect(planRulesOf(plan).indicators.map((indicator) => indicator.name)).toEqual(['党风廉政建设', '民主测评']);
    const short = { ...plan, totalWeight: 120 } as CreateAssessmentPlanInput;
    expect(fieldOfRefusal(() => planRulesOf(short))).toBe('input.indicators');
  });

  it('takes a commendation title of 1–200 characters, or none', () => {
    expect(() => assertCommendationTitle(null)).not.toThrow();
    expect(() => assertCommendationTitle('x'.repeat(200))).not.toThrow();
    expect(fieldOfRefusal(() => assertCommendationTitle('  '))).toBe('title');
    expect(fieldOfRefusal(() => assertCommendationTitle('x'.repeat(201)))).toBe('title');
  });

  it('lists scores in the plan\'s indicator order', () => {
    expect(inIndicatorOrder({ B: 2, A: 1, C: 3 }, ['A', 'B', 'C']).map((score) => score.indicator)).toEqual(['A', 'B', 'C']);
  });

  it('keeps the values an entry leaves out and marks entered figures as ENTERED', () => {
    const sheet = {
      unitName: 'old',
      jurisdictionCode: '120101',
      indicatorScores: { PARTY_CONDUCT: 80, DEMOCRATIC: 70 },
      democraticScore: 70,
      taskCompletionRate: 50,
      taskCompletionSource: 'TASK_STATISTICS',
      deduction: 1,
      deductionSource: 'FINDINGS',
    } as unknown as AssessmentSheetEntity;
    const now = new Date('2026-06-01T00:00:00Z');
    applyScoreEntry(sheet, { unitName: ' 新名 ', jurisdictionCode: '120101', indicatorScores: [{ indicator: 'PARTY_CONDUCT', score: 90 }], deduction: 2 } as EnterAssessmentScoresInput, 'staff-1', now);
    expect(sheet).toMatchObject({
      unitName: '新名',
      indicatorScores: { PARTY_CONDUCT: 90, DEMOCRATIC: 70 },
      democraticScore: 70,
      taskCompletionRate: 50,
      taskCompletionSource: 'TASK_STATISTICS',
      deduction: 2,
      deductionSource: 'ENTERED',
      deductionSourcedAt: now,
      enteredBy: 'staff-1',
    });
  });
});
