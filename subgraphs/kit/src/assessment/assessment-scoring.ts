/**
 * 考核计分 The rules of an annual assessment, as pure functions over the plan's data: whether a
 * plan is well formed, whether entered scores fit it, the weighted total and the grade. The
 * plan (indicators, weights, ranges, thresholds) is data, so a new year's rules need no code.
 */

/** Where an indicator's value comes from on the score sheet. */
export const INDICATOR_SOURCES = ['ASSESSOR', 'DEMOCRATIC_EVALUATION', 'TASK_COMPLETION'] as const;
export type IndicatorSourceCode = (typeof INDICATOR_SOURCES)[number];

/** Best first; a threshold list names each grade once, in this order. */
export const GRADES = ['EXCELLENT', 'GOOD', 'AVERAGE', 'POOR'] as const;
export type GradeCode = (typeof GRADES)[number];

export interface Indicator {
  code: string;
  name: string;
  weight: number;
  minScore: number;
  maxScore: number;
  source: IndicatorSourceCode;
}

export interface GradeThreshold {
  grade: GradeCode;
  /** The lowest total that still earns this grade. */
  minTotal: number;
}

export interface PlanRules {
  indicators: readonly Indicator[];
  gradeThresholds: readonly GradeThreshold[];
  /** What the weights must add up to; also the highest possible total. */
  totalWeight: number;
}

/** The values a score sheet holds, whatever entered them. */
export interface SheetValues {
  indicatorScores: Readonly<Record<string, number>>;
  democraticScore: number | null;
  /** Percent of the unit's tasks completed, 0–100. */
  taskCompletionRate: number | null;
  /** Points taken off the weighted total for findings and rectification (≥ 0). */
  deduction: number;
}

export interface Problem {
  field: string;
  message: string;
}

/** Rounded to the 2 decimals stored and published; `EPSILON` keeps 86.105 from rounding down. */
export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** The first thing wrong with a plan, named by its input field; undefined when it is sound. */
export function planProblem(rules: PlanRules, field = 'input'): Problem | undefined {
  const { indicators, gradeThresholds, totalWeight } = rules;
  if (indicators.length === 0) return { field: `${field}.indicators`, message: '考核方案至少需要一项指标 / a plan needs at least one indicator' };
  const seen = new Set<string>();
  for (const [index, indicator] of indicators.entries()) {
    const at = `${field}.indicators.${index}`;
    if (seen.has(indicator.code)) return { field: `${at}.code`, message: `指标代码“${indicator.code}”重复 / indicator code "${indicator.code}" is used twice` };
    seen.add(indicator.code);
    if (!(indicator.weight > 0)) return { field: `${at}.weight`, message: '须大于 0 / must be greater than 0' };
    if (!(indicator.maxScore > indicator.minScore)) return { field: `${at}.maxScore`, message: '须大于最低分（minScore） / must be greater than minScore' };
    // The rate is a percentage: the indicator's range must be the percentage's range.
    if (indicator.source === 'TASK_COMPLETION' && (indicator.minScore !== 0 || indicator.maxScore !== 100)) {
      return { field: `${at}.maxScore`, message: '任务完成率指标以完成率计分，范围须为 0–100 / a task completion indicator scores the rate itself: its range must be 0–100' };
    }
    if (indicator.source !== 'ASSESSOR' && indicators.findIndex((other) => other.source === indicator.source) !== index) {
      return { field: `${at}.source`, message: `只能有一项指标取值于 ${indicator.source} / only one indicator may take its value from ${indicator.source}` };
    }
  }
  const weights = round2(indicators.reduce((sum, indicator) => sum + indicator.weight, 0));
  if (weights !== round2(totalWeight)) {
    return { field: `${field}.indicators`, message: `权重合计 ${weights}，方案要求 ${round2(totalWeight)} / the weights add up to ${weights}; the plan needs ${round2(totalWeight)}` };
  }
  if (gradeThresholds.length !== GRADES.length || gradeThresholds.some((threshold, index) => threshold.grade !== GRADES[index])) {
    return { field: `${field}.gradeThresholds`, message: `各等次各列一次，由高到低：${GRADES.join('、')} / name each grade once, best first: ${GRADES.join(', ')}` };
  }
  for (const [index, threshold] of gradeThresholds.entries()) {
    const at = `${field}.gradeThresholds.${index}.minTotal`;
    if (threshold.minTotal < 0 || threshold.minTotal > totalWeight) return { field: at, message: `须在 0 至 ${totalWeight} 之间 / must lie between 0 and ${totalWeight}` };
    if (index > 0 && !(threshold.minTotal < gradeThresholds[index - 1].minTotal)) {
      return { field: at, message: '须低于上一等次的分数线 / must be lower than the threshold of the grade above' };
    }
  }
  if (gradeThresholds[gradeThresholds.length - 1].minTotal !== 0) {
    return { field: `${field}.gradeThresholds.${gradeThresholds.length - 1}.minTotal`, message: '最低等次须从 0 分起，使每个总分都有等次 / the lowest grade must start at 0, so every total gets a grade' };
  }
  return undefined;
}

export interface ScoreEntry {
  indicatorScores: readonly { indicator: string; score: number }[];
  democraticScore?: number | null;
  taskCompletionRate?: number | null;
  deduction?: number | null;
}

/** The first entered value that does not fit the plan, named by its input field. */
export function scoreEntryProblem(rules: PlanRules, entry: ScoreEntry, field = 'input'): Problem | undefined {
  const byCode = new Map(rules.indicators.map((indicator) => [indicator.code, indicator]));
  const seen = new Set<string>();
  for (const [index, { indicator: code, score }] of entry.indicatorScores.entries()) {
    const at = `${field}.indicatorScores.${index}`;
    const indicator = byCode.get(code);
    if (!indicator) return { field: `${at}.indicator`, message: `考核方案没有指标“${code}” / the plan has no indicator "${code}"` };
    if (indicator.source !== 'ASSESSOR') {
      return { field: `${at}.indicator`, message: `“${code}”取值于 ${indicator.source}，不由考核人评分 / "${code}" takes its value from ${indicator.source}, not from assessors` };
    }
    if (seen.has(code)) return { field: `${at}.indicator`, message: `“${code}”重复评分 / "${code}" is scored twice` };
    seen.add(code);
    if (!inRange(score, indicator)) return { field: `${at}.score`, message: outOfRange(score, indicator) };
  }
  const sourced = (source: IndicatorSourceCode) => rules.indicators.find((indicator) => indicator.source === source);
  if (entry.democraticScore != null) {
    const indicator = sourced('DEMOCRATIC_EVALUATION');
    if (!indicator) return { field: `${field}.democraticScore`, message: '考核方案没有民主测评指标 / the plan has no democratic evaluation indicator' };
    if (!inRange(entry.democraticScore, indicator)) return { field: `${field}.democraticScore`, message: outOfRange(entry.democraticScore, indicator) };
  }
  if (entry.taskCompletionRate != null) {
    if (!sourced('TASK_COMPLETION')) return { field: `${field}.taskCompletionRate`, message: '考核方案没有任务完成率指标 / the plan has no task completion indicator' };
    if (entry.taskCompletionRate < 0 || entry.taskCompletionRate > 100) {
      return { field: `${field}.taskCompletionRate`, message: `${entry.taskCompletionRate} 不是百分比（0–100） / ${entry.taskCompletionRate} is not a percentage (0–100)` };
    }
  }
  if (entry.deduction != null && (entry.deduction < 0 || entry.deduction > rules.totalWeight)) {
    return { field: `${field}.deduction`, message: `须在 0 至 ${rules.totalWeight} 之间 / must lie between 0 and ${rules.totalWeight}` };
  }
  return undefined;
}

function inRange(score: number, indicator: Indicator): boolean {
  return score >= indicator.minScore && score <= indicator.maxScore;
}

function outOfRange(score: number, indicator: Indicator): string {
  return `${score} is outside the range of "${indicator.code}" (${indicator.minScore}–${indicator.maxScore})`;
}

/** An indicator's value on a sheet, from the source the plan names; null while not yet entered. */
export function indicatorValue(indicator: Indicator, sheet: SheetValues): number | null {
  switch (indicator.source) {
    case 'ASSESSOR':
      return sheet.indicatorScores[indicator.code] ?? null;
    case 'DEMOCRATIC_EVALUATION':
      return sheet.democraticScore;
    case 'TASK_COMPLETION':
      return sheet.taskCompletionRate;
  }
}

/** Codes of the indicators a sheet still lacks a value for. */
export function missingIndicators(rules: PlanRules, sheet: SheetValues): string[] {
  return rules.indicators.filter((indicator) => indicatorValue(indicator, sheet) === null).map((indicator) => indicator.code);
}

/**
 * 总分 The weighted total: each indicator contributes its weight times where the value lies in
 * its range (the bottom of the range counts nothing, the top the full weight), then the
 * deduction is taken off; never below 0, rounded to 2 decimals.
 */
export function weightedTotal(rules: PlanRules, sheet: SheetValues): number {
  let total = 0;
  for (const indicator of rules.indicators) {
    const value = indicatorValue(indicator, sheet);
    if (value === null) throw new Error(`indicator ${indicator.code} has no value`);
    total += (indicator.weight * (value - indicator.minScore)) / (indicator.maxScore - indicator.minScore);
  }
  return Math.max(0, round2(round2(total) - sheet.deduction));
}

/** 等次 The best grade whose threshold the total reaches. */
export function gradeFor(total: number, thresholds: readonly GradeThreshold[]): GradeCode {
  return thresholds.find((threshold) => total >= threshold.minTotal)?.grade ?? 'POOR';
}
