/** The signed-in principal, as far as the browser can tell: the token and its (unverified) claims. */
export interface Session {
  token: string;
  level: 'city' | 'district' | 'street';
  code: string;
  roles: string[];
  name?: string;
  expiresAt?: number;
}

const STORAGE_KEY = 'supervision.token';

/**
 * Reads the claims without verifying them: the gateway verifies every request, the browser only
 * needs to know where to start (a district commission lands on its district).
 */
export function sessionFromToken(token: string): Session {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new Error('不是 JWT / not a JWT (three dot-separated parts expected)');
  let claims: Record<string, unknown>;
  try {
    const json = atob(parts[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    throw new Error('令牌内容无法读取 / the token payload is not readable');
  }
  const level = claims.level;
  if (level !== 'city' && level !== 'district' && level !== 'street') throw new Error('令牌缺少层级 / the token names no level');
  if (typeof claims.code !== 'string') throw new Error('令牌缺少辖区代码 / the token names no jurisdiction code');
  return {
    token: token.trim(),
    level,
    code: claims.code,
    roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
    name: typeof claims.name === 'string' ? claims.name : undefined,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
  };
}

export function loadSession(): Session | null {
  const token = localStorage.getItem(STORAGE_KEY);
  if (!token) return null;
  try {
    const session = sessionFromToken(token);
    if (session.expiresAt && session.expiresAt < Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(STORAGE_KEY, session.token);
  else localStorage.removeItem(STORAGE_KEY);
}

/** The level of a jurisdiction, from the shape of its administrative code. */
export function levelOfCode(code: string): Session['level'] {
  if (code === '120000') return 'city';
  return code.length === 9 ? 'street' : 'district';
}
