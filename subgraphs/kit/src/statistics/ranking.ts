import type { TaskCounts } from './task-counts';

export interface RankingEntry<T> {
  code: string;
  item: T;
  counts: TaskCounts;
}

export interface Ranked<T> extends RankingEntry<T> {
  rank: number;
}

/**
 * Orders jurisdictions by completion rate (highest first), then by fewer overdue tasks, then by
 * code, and numbers them with competition ranking ("1, 1, 3"): entries with the same completion
 * rate and the same number of overdue tasks share a rank, and the next rank skips as many
 * places as shared it. The code only fixes the order within a tie; it never separates ranks.
 *
 * Rates are compared as exact fractions (cross-multiplied), so 1/2 and 2/4 tie, which floating
 * point division cannot promise in general.
 */
export function rankByCompletion<T>(entries: readonly RankingEntry<T>[]): Ranked<T>[] {
  const sorted = [...entries].sort(
    (a, b) => compareRate(b.counts, a.counts) || a.counts.overdue - b.counts.overdue || compareCodes(a.code, b.code),
  );
  const ranked: Ranked<T>[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const tied = previous && compareRate(previous.counts, entry.counts) === 0 && previous.counts.overdue === entry.counts.overdue;
    ranked.push({ ...entry, rank: tied ? previous.rank : index + 1 });
  });
  return ranked;
}

/** The completion rate as numerator / denominator; nothing to count is 0/1. */
function rateFraction(counts: TaskCounts): [number, number] {
  const counted = counts.total - counts.cancelled;
  return counted > 0 ? [counts.completed, counted] : [0, 1];
}

function compareRate(a: TaskCounts, b: TaskCounts): number {
  const [an, ad] = rateFraction(a);
  const [bn, bd] = rateFraction(b);
  return Math.sign(an * bd - bn * ad);
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
