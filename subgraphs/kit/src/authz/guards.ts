import { canRead, canWrite, hasRole, type Principal, type Role } from '../auth/principal';
import { forbidden, unauthenticated } from '../errors/graphql-errors';
import type { SubgraphContext } from '../server/context';
import { namedJurisdiction } from '../jurisdiction/divisions';

/** Everything beyond the public jurisdiction backbone needs a caller. */
export function requirePrincipal(context: SubgraphContext<unknown>): Principal {
  if (!context.principal) throw unauthenticated('需要登录 / sign in: this operation needs a token');
  return context.principal;
}

/** Reads: one's own jurisdiction and everything below it. */
export function assertCanRead(principal: Principal, jurisdictionCode: string): void {
  if (!canRead(principal, jurisdictionCode)) {
    throw forbidden(`${namedJurisdiction(principal.code)} 无权查看 ${namedJurisdiction(jurisdictionCode)} 的记录 / ${namedJurisdiction(principal.code)} may not read records of ${namedJurisdiction(jurisdictionCode)}`);
  }
}

/**
 * Writes: only records one's own jurisdiction owns, and only in a role that may write them.
 * A district administrator cannot touch another district's records, nor the city's.
 */
export function assertCanWrite(principal: Principal, ownerCode: string, roles: readonly Role[] = ['admin']): void {
  if (!canWrite(principal, ownerCode)) {
    throw forbidden(`${namedJurisdiction(principal.code)} 无权更改 ${namedJurisdiction(ownerCode)} 的记录 / ${namedJurisdiction(principal.code)} may not change records of ${namedJurisdiction(ownerCode)}`);
  }
  if (!roles.some((role) => hasRole(principal, role))) {
    throw forbidden(`此更改需要以下角色之一：${roles.join('、')} / this change needs one of the roles: ${roles.join(', ')}`);
  }
}
