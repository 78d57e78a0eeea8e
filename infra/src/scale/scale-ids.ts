/**
 * Deterministic, time-ordered UUIDs (version 7 layout) and pseudo-random numbers for the scale
 * data: the same set comes out of every run, and a row can be recomputed from its index (the
 * duty records of task n know task n's id without holding a million tasks in memory).
 */

/** A 32-bit integer hash (lowbias32), good enough to spread indexes over [0, 1). */
function hash32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A number in [0, 1) fixed by the index and a salt naming what it decides. */
export function chance(index: number, salt: number): number {
  return hash32(hash32(index) ^ Math.imul(salt, 0x9e3779b1)) / 0x1_0000_0000;
}

export function pick<T>(values: readonly T[], index: number, salt: number): T {
  return values[Math.floor(chance(index, salt) * values.length)];
}

/**
 * A v7 UUID: 48 bits of milliseconds, version 7, then `space` (which table and database, 12 bits)
 * and the row's `serial` in the random bits, so ids are unique per space and sort by time.
 */
export function scaleUuid(at: Date, space: number, serial: number): string {
  const ms = at.getTime().toString(16).padStart(12, '0').slice(-12);
  const spaceHex = (space & 0xfff).toString(16).padStart(3, '0');
  const high = Math.floor(serial / 0x1_0000_0000);
  const low = serial >>> 0;
  const variant = (8 + (high >>> 12 & 0x3)).toString(16);
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${spaceHex}-${variant}${(high & 0xfff).toString(16).padStart(3, '0')}-5ca1${low.toString(16).padStart(8, '0')}`;
}
