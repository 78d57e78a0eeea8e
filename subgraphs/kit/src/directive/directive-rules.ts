import { LEVEL_NAME_ZH } from '../level/level-names';
import { levelBelow } from '../level/level-relations';
import { canRead, type Principal } from '../auth/principal';
import { badUserInput } from '../errors/graphql-errors';
import { assertAdminCode, levelOfCode } from '../jurisdiction/admin-code';
import { childDivisions } from '../jurisdiction/divisions';
import { isCalendarDate } from '../calendar/calendar-date';
import { namedJurisdiction } from '../jurisdiction/divisions';


/**
 * A deadline must be a real date, not already past (today is allowed: urgent directives exist),
 * and — for a directive passed on — no later than the one it passes on.
 */
export function assertDeadline(deadline: string, field: string, options: { today: string; notAfter?: string }): string {
  if (!isCalendarDate(deadline)) {
    throw badUserInput(field, `“${deadline}”不是有效日期（YYYY-MM-DD） / "${deadline}" is not a calendar date (YYYY-MM-DD)`);
  }
  if (deadline < options.today) throw badUserInput(field, `${deadline} 早于今天（${options.today}） / ${deadline} is in the past (today is ${options.today})`);
  if (options.notAfter && deadline > options.notAfter) {
    throw badUserInput(field, `${deadline} 晚于所转发指令的期限（${options.notAfter}） / ${deadline} is later than the deadline of the directive passed on (${options.notAfter})`);
  }
  return deadline;
}

/**
 * The addressees of a directive from `issuerCode`: either named, or all divisions directly below
 * it. Each named code must have the shape of the level below and be one of the issuer's own
 * divisions; the first bad one is named by its position (`input.targetCodes.2`).
 */
export function resolveTargets(
  issuerCode: string,
  request: { codes?: string[] | null; all: boolean },
  fields: { codes: string; all: string },
): string[] {
  const level = levelBelow(levelOfCode(issuerCode)!);
  if (!level) throw new Error(`${issuerCode} has no level below it`);
  const children = childDivisions(issuerCode).map((division) => division.code);
  const named = request.codes ?? [];
  if (request.all && named.length > 0) throw badUserInput(fields.all, `${fields.codes} 与 ${fields.all} 只能二选一 / give either ${fields.codes} or ${fields.all}, not both`);
  if (request.all) return [...children].sort();
  if (named.length === 0) throw badUserInput(fields.codes, `请至少指定一个${LEVEL_NAME_ZH[level]}辖区，或设置 ${fields.all} / name at least one ${level}, or set ${fields.all}`);
  const seen = new Set<string>();
  named.forEach((code, index) => {
    const field = `${fields.codes}.${index}`;
    assertAdminCode(level, code, field);
    if (!children.includes(code)) throw badUserInput(field, `${namedJurisdiction(code)} 不是 ${namedJurisdiction(issuerCode)} 的下级 / is not a ${level} of ${namedJurisdiction(issuerCode)}`);
    if (seen.has(code)) throw badUserInput(field, `${namedJurisdiction(code)} 重复列出 / is named twice`);
    seen.add(code);
  });
  return [...seen].sort();
}

/**
 * Who reads a directive: its issuer and everyone above, and each addressee and everyone above
 * it (a street sees what its district sends it; the city sees everything).
 */
export function canReadDirective(principal: Principal, directive: { issuerCode: string; targetCodes: readonly string[] }): boolean {
  return canRead(principal, directive.issuerCode) || directive.targetCodes.some((code) => canRead(principal, code));
}
