/**
 * 季度抽查 The quarterly draw of contact units for on-site checks, as a pure function so the
 * recorded seed alone reproduces a plan.
 *
 * PRNG: the Lehmer / Park–Miller "minimal standard" generator, x' = 16807·x mod (2³¹ − 1)
 * (Park & Miller, CACM 31(10), 1988). It is tiny, documented, and easy to follow by hand, which
 * is what a reproducible, auditable draw needs; it is not meant to be cryptographically strong.
 */
export const LEHMER_MODULUS = 2_147_483_647;
const LEHMER_MULTIPLIER = 16_807;

/** Seeds the generator accepts: 1 … 2³¹ − 2 (0 and the modulus would stay stuck at 0). */
export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 1 && seed < LEHMER_MODULUS;
}

/** A generator from a seed: each call returns the next value of the sequence. */
export function lehmer(seed: number): () => number {
  if (!isValidSeed(seed)) throw new RangeError(`seed must be an integer in 1..${LEHMER_MODULUS - 1}`);
  let state = seed;
  return () => {
    // 16807 · (2³¹ − 2) < 2⁵³, so plain numbers stay exact.
    state = (state * LEHMER_MULTIPLIER) % LEHMER_MODULUS;
    return state;
  };
}

/** How many contact units one quarter checks: a quarter of them, rounded up. */
export function quarterShare(contactCount: number): number {
  return Math.ceil(contactCount / 4);
}

export interface QuarterDrawInput {
  /** The office's contact units (any order: they are sorted first, so order never matters). */
  contactUnitIds: readonly string[];
  /** Units drawn in the earlier quarters of the same year (this year's cycle so far). */
  drawnEarlierThisYear: readonly string[];
  seed: number;
}

/**
 * Picks `ceil(n/4)` units for one quarter. Units already drawn this year are left out until every
 * contact unit has been drawn once, so four quarters cover every unit within the year. When fewer
 * undrawn units remain than the quarter needs (contact units were added mid-year), all of them are
 * taken and the rest is drawn from the others.
 *
 * The draw is a partial Fisher–Yates shuffle of the pool sorted by id: for position t,
 * j = t + (next() mod (poolSize − t)), swap pool[t] and pool[j]; the first k positions are the picks.
 */
export function drawQuarter(input: QuarterDrawInput): string[] {
  const sorted = [...new Set(input.contactUnitIds)].sort();
  const share = quarterShare(sorted.length);
  const drawn = new Set(input.drawnEarlierThisYear);
  const undrawn = sorted.filter((id) => !drawn.has(id));
  const next = lehmer(input.seed);
  if (undrawn.length >= share) return partialShuffle(undrawn, share, next);
  const rest = sorted.filter((id) => drawn.has(id));
  return [...partialShuffle(undrawn, undrawn.length, next), ...partialShuffle(rest, share - undrawn.length, next)];
}

function partialShuffle(items: readonly string[], count: number, next: () => number): string[] {
  const pool = [...items];
  for (let t = 0; t < count; t += 1) {
    const j = t + (next() % (pool.length - t));
    [pool[t], pool[j]] = [pool[j], pool[t]];
  }
  return pool.slice(0, count);
}
