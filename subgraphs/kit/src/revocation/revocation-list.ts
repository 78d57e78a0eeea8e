import type { EntityManager } from '@mikro-orm/postgresql';
import { invalidToken } from '../errors/graphql-errors';
import { GATEWAY_SECRET_HEADER } from '../auth/gateway-secret';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/tokens';
import { TokenRevocationEntity } from './token-revocation.entity';

export interface Revocation {
  jti: string | null;
  subject: string | null;
  revokedAt: string;
}

/** How often the gateway and the subgraphs fetch the deny-list (REVOCATION_REFRESH_MS). */
export const DEFAULT_REVOCATION_REFRESH_MS = 5000;

/**
 * 撤销名单 The deny-list as one service holds it: refreshed from its source every few seconds
 * and checked in memory on every request, so a revocation costs no round trip per request. If
 * the source does not answer, the last list is kept (a revocation never silently lapses).
 */
export class RevocationList {
  private rows: Revocation[] = [];
  private jtis = new Set<string>();
  private subjects = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly load: () => Promise<Revocation[]>,
    private readonly refreshMs: number = DEFAULT_REVOCATION_REFRESH_MS,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async refresh(): Promise<void> {
    const rows = await this.load();
    const jtis = new Set<string>();
    const subjects = new Map<string, number>();
    for (const row of rows) {
      if (row.jti) jtis.add(row.jti);
      if (row.subject) subjects.set(row.subject, Math.max(subjects.get(row.subject) ?? 0, Date.parse(row.revokedAt)));
    }
    this.rows = rows;
    this.jtis = jtis;
    this.subjects = subjects;
  }

  /** The list as last loaded, without those older than `maxLifetimeSeconds` (+10 min of clock skew). */
  entries(maxLifetimeSeconds: number): Revocation[] {
    const since = Date.now() - (maxLifetimeSeconds + 600) * 1000;
    return this.rows.filter((row) => Date.parse(row.revokedAt) >= since);
  }

  start(): void {
    this.refresh().catch(this.onError);
    this.timer = setInterval(() => {
      this.refresh().catch(this.onError);
    }, this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** A token named by its jti, or issued (`iat`, in seconds) no later than its subject's revocation. */
  isRevoked(principal: Principal): boolean {
    if (principal.tokenId && this.jtis.has(principal.tokenId)) return true;
    const revokedAt = this.subjects.get(principal.subject);
    return revokedAt !== undefined && (principal.issuedAt === undefined || principal.issuedAt * 1000 <= revokedAt);
  }
}

/** The verifier with the deny-list behind it: a revoked token is refused like a forged one (401). */
export function withRevocations(verifier: TokenVerifier, list: RevocationList | undefined): TokenVerifier {
  if (!list) return verifier;
  return {
    async verify(token) {
      const principal = await verifier.verify(token);
      if (list.isRevoked(principal)) throw invalidToken('令牌已被撤销 / token has been revoked');
      return principal;
    },
  };
}

/** Revocations young enough to matter: a token older than the longest lifetime is refused anyway. */
export async function activeRevocations(em: EntityManager, maxLifetimeSeconds: number): Promise<Revocation[]> {
  const since = new Date(Date.now() - (maxLifetimeSeconds + 600) * 1000);
  const rows = await em.fork().find(TokenRevocationEntity, { revokedAt: { $gte: since } }, { orderBy: { revokedAt: 'asc' } });
  return rows.map((row) => ({ jti: row.jti, subject: row.subject, revokedAt: row.revokedAt.toISOString() }));
}

/**
 * The deny-list as another service fetches it from the city subgraph (`GET /revocations`, gateway
 * secret), which answers from its list in memory: the fetches of the gateway and the other levels
 * cost the city's database nothing.
 */
export function remoteRevocations(graphqlUrl: () => string | undefined, gatewaySecret: string): () => Promise<Revocation[]> {
  return async () => {
    const url = graphqlUrl();
    if (!url) throw new Error('no address for the city subgraph, which holds the revocation list');
    const response = await fetch(new URL('/revocations', url), {
      headers: { [GATEWAY_SECRET_HEADER]: gatewaySecret },
      signal: AbortSignal.timeout(2000),
    });
    if (!response.ok) throw new Error(`revocation list: HTTP ${response.status}`);
    return ((await response.json()) as { revocations: Revocation[] }).revocations;
  };
}

const listsByOrm = new WeakMap<object, RevocationList>();

/** The holder's own list, so a revocation takes effect in the city at once, not at the next refresh. */
export function registerRevocationList(em: EntityManager, list: RevocationList): void {
  listsByOrm.set(em.config, list);
}

export function revocationListOf(em: EntityManager): RevocationList | undefined {
  return listsByOrm.get(em.config);
}
