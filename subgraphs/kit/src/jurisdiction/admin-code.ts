import { badUserInput } from '../errors/graphql-errors';

/**
 * Jurisdictions are keyed by their national administrative division codes (GB/T 2260 and the
 * statistical division codes below it): the city 120000, districts 1201xx, and 9-digit codes
 * for street-level divisions.
 */
export type Level = 'city' | 'district' | 'street';

export const LEVELS: readonly Level[] = ['city', 'district', 'street'];

export const CITY_CODE = '120000';

const PATTERNS: Record<Level, RegExp> = {
  city: /^\d{2}0000$/,
  district: /^\d{4}(?!00)\d{2}$/,
  street: /^\d{6}\d{3}$/,
};

const DESCRIPTIONS: Record<Level, [zh: string, en: string]> = {
  city: ['以 0000 结尾的 6 位市级代码，如 120000', 'a 6-digit city code ending in 0000, e.g. 120000'],
  district: ['6 位区级代码，如 120101', 'a 6-digit district code, e.g. 120101'],
  street: ['9 位街道（乡镇）代码，如 120101001', 'a 9-digit street/township code, e.g. 120101001'],
};

export function isAdminCode(level: Level, value: string): boolean {
  return PATTERNS[level].test(value);
}

/** The level a code belongs to, from its shape alone; undefined when it has none. */
export function levelOfCode(value: string): Level | undefined {
  return LEVELS.find((level) => isAdminCode(level, value));
}

/**
 * Checks a code taken from client input. A malformed code is the caller's mistake and gets
 * BAD_USER_INPUT naming the argument; a well-formed code that matches nothing is simply absent.
 */
export function assertAdminCode(level: Level, value: string, argument: string): string {
  if (!isAdminCode(level, value)) {
    throw badUserInput(argument, `“${value}”不是${DESCRIPTIONS[level][0]} / "${value}" is not ${DESCRIPTIONS[level][1]}`);
  }
  return value;
}

/** The parent jurisdiction's code, derived from the hierarchical code itself. */
export function parentCode(code: string): string | undefined {
  switch (levelOfCode(code)) {
    case 'street':
      return code.slice(0, 6);
    case 'district':
      return `${code.slice(0, 2)}0000`;
    default:
      return undefined;
  }
}

/** True when `code` is `ancestor` itself or lies inside it (a street inside its district, …). */
export function isWithin(code: string, ancestor: string): boolean {
  for (let current: string | undefined = code; current; current = parentCode(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/**
 * The kind of a street-level division, read from the 7th digit of its statistical code:
 * 0xx 街道, 1xx 镇, 2xx 乡, 4xx/5xx units treated like townships (development zones, farms).
 */
export type StreetKindCode = 'SUBDISTRICT' | 'TOWN' | 'TOWNSHIP' | 'TOWNSHIP_LIKE';

export function streetKindOfCode(code: string): StreetKindCode {
  switch (code[6]) {
    case '0':
      return 'SUBDISTRICT';
    case '1':
      return 'TOWN';
    case '2':
      return 'TOWNSHIP';
    default:
      return 'TOWNSHIP_LIKE';
  }
}
