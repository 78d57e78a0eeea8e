/**
 * 排名 Ranking of assessed units by their total. Pure: no database, no clock.
 *
 * Competition ranking ("1224"): units with the same total share a rank, and the next rank skips
 * as many places as units tied — totals 95, 91, 86.1, 86.1, 71 rank 1, 2, 3, 3, 5. A unit's rank
 * is therefore 1 + the number of units with a strictly higher total, which does not depend on
 * the order the units were entered in. Totals are compared as given; the caller rounds them
 * (to the 2 decimals that are published) first, so that what looks tied is tied.
 */
export function competitionRanks(totals: readonly number[]): number[] {
  const descending = [...totals].sort((a, b) => b - a);
  // The first position of a total in the descending list is the count of strictly higher totals.
  return totals.map((total) => descending.indexOf(total) + 1);
}

/**
 * 末位 Which units count among the lowest `count`: those with fewer than `count` units strictly
 * below them. Ties at the boundary are all included — of totals 80, 60, 60 the lowest one is
 * both 60s, since nothing tells them apart.
 */
export function bottomRanked(totals: readonly number[], count: number): boolean[] {
  if (count <= 0) return totals.map(() => false);
  const ascending = [...totals].sort((a, b) => a - b);
  return totals.map((total) => ascending.indexOf(total) < count);
}
