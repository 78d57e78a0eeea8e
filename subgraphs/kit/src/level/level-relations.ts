import type { Level } from '../jurisdiction/admin-code';

/**
 * The chain city → district → street, written once. Directives go down it, findings about a
 * unit are answered one level below the supervisor, accountability may cite records one level
 * down: every such rule asks these two maps instead of keeping its own copy.
 */
export const LEVEL_BELOW: Readonly<Partial<Record<Level, Level>>> = { city: 'district', district: 'street' };
export const LEVEL_ABOVE: Readonly<Partial<Record<Level, Level>>> = { district: 'city', street: 'district' };

/** The level directly below (`undefined` for the street, the bottom of the chain). */
export function levelBelow(level: Level): Level | undefined {
  return LEVEL_BELOW[level];
}

/** The level directly above (`undefined` for the city, the top of the chain). */
export function levelAbove(level: Level): Level | undefined {
  return LEVEL_ABOVE[level];
}
