import { canRead, type Principal } from '../auth/principal';
import { badUserInput, forbidden } from '../errors/graphql-errors';
import { CITY_CODE, levelOfCode } from '../jurisdiction/admin-code';
import { namedJurisdiction } from '../jurisdiction/divisions';

/** At most this many jurisdictions in one scope: 1 city + 16 districts + 299 streets fit. */
export const MAX_SCOPE_CODES = 320;

/**
 * 范围 The jurisdictions a city-wide list covers: each code stands for itself and everything
 * below it (`120000` the whole city, `120116` 滨海新区 and its streets). Omitted: the caller's own
 * jurisdiction. Every code must be well-formed and readable by the caller — a district
 * commission naming another district gets FORBIDDEN, not an empty list, so a wrong scope is
 * never mistaken for "nothing found".
 */
export function resolveScope(principal: Principal, codes: readonly string[] | undefined | null, field = 'scope'): string[] {
  const requested = codes && codes.length > 0 ? codes : [principal.code];
  if (requested.length > MAX_SCOPE_CODES) throw badUserInput(field, `最多 ${MAX_SCOPE_CODES} 个区划代码，实际 ${requested.length} 个 / at most ${MAX_SCOPE_CODES} codes, got ${requested.length}`);
  const scope = new Set<string>();
  requested.forEach((code, index) => {
    if (!levelOfCode(code)) throw badUserInput(`${field}.${index}`, `“${code}”不是行政区划代码（120000、1201xx 或 9 位街道代码） / "${code}" is not an administrative code (120000, 1201xx or a 9-digit street code)`);
    if (!canRead(principal, code)) throw forbidden(`${namedJurisdiction(principal.code)} 无权查看 ${namedJurisdiction(code)} / may not read records of ${namedJurisdiction(code)}`);
    scope.add(code);
  });
  // A code inside another code of the scope adds nothing; dropping it keeps the SQL short.
  return [...scope].filter((code) => ![...scope].some((other) => other !== code && covers(other, code))).sort();
}

/** True when `outer` stands for `code` too (itself or an ancestor). */
export function covers(outer: string, code: string): boolean {
  if (outer === CITY_CODE) return code.startsWith(outer.slice(0, 2));
  return code.startsWith(outer);
}

/**
 * The scope as one SQL condition on a jurisdiction column. Codes are hierarchical, so "this
 * code and below" is a prefix: `12` for the city, the 6 digits of a district, the whole street
 * code. `left(column, n) = prefix` keeps it a plain comparison whatever the prefix holds.
 */
export function scopeCondition(scope: readonly string[], column: string): { sql: string; bindings: string[] } {
  const parts: string[] = [];
  const bindings: string[] = [];
  for (const code of scope) {
    const prefix = code === CITY_CODE ? code.slice(0, 2) : code;
    parts.push(`left(${column}, ${prefix.length}) = ?`);
    bindings.push(prefix);
  }
  return { sql: `(${parts.join(' or ')})`, bindings };
}
