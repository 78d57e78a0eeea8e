import { z } from 'zod';
import { isAdminCode, isWithin, type Level } from '../jurisdiction/admin-code';

/**
 * Roles a token may carry. Dotted names would allow finer grants later; these four match
 * the people who use the platform today.
 */
export const ROLES = ['commission', 'admin', 'leader', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** The claims the platform reads from a token, beyond the registered ones (sub, exp, …). */
export const principalClaimsSchema = z
  .object({
    sub: z.string().min(1),
    level: z.enum(['city', 'district', 'street']),
    code: z.string(),
    roles: z.array(z.enum(ROLES)).min(1),
    name: z.string().optional(),
    jti: z.string().optional(),
    iat: z.number().optional(),
  })
  .refine((claims) => isAdminCode(claims.level, claims.code), {
    message: '区划代码与层级不符 / code does not match level',
    path: ['code'],
  });

/** Who is calling: a person acting for one jurisdiction (城市 / 区 / 街道) in some roles. */
export interface Principal {
  subject: string;
  level: Level;
  code: string;
  roles: readonly Role[];
  name?: string;
  /** The token's `jti` and `iat` (seconds): what a revocation names (`revocation/revocation-list.ts`). */
  tokenId?: string;
  issuedAt?: number;
}

export function principalFromClaims(claims: unknown): Principal {
  const parsed = principalClaimsSchema.parse(claims);
  return {
    subject: parsed.sub,
    level: parsed.level,
    code: parsed.code,
    roles: parsed.roles,
    name: parsed.name,
    tokenId: parsed.jti,
    issuedAt: parsed.iat,
  };
}

export function hasRole(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}

/** A principal reads its own jurisdiction and everything below it. */
export function canRead(principal: Principal, jurisdictionCode: string): boolean {
  return isWithin(jurisdictionCode, principal.code);
}

/** A principal writes only records that its own jurisdiction owns. */
export function canWrite(principal: Principal, ownerCode: string): boolean {
  return principal.code === ownerCode;
}
