import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../../auth/principal';
import type { Level } from '../../jurisdiction/admin-code';
import type { Orm } from '../database';

/** What the database's row-level policies know of the caller (see row-level-policies.ts). */
export interface DatabaseScope {
  level: Level | '';
  code: string;
  roles: string;
  /** The principal's subject: keys of idempotent mutations are the subject's own. */
  subject: string;
  /** The level of a verified peer subgraph that made the call, '' otherwise. */
  peer: Level | '';
}

/** Anonymous callers, start-up work and anything outside a request: the public backbone only. */
export const NO_SCOPE: DatabaseScope = { level: '', code: '', roles: '', subject: '', peer: '' };

export function databaseScopeOf(principal: Principal | null, peerCaller: Level | null = null): DatabaseScope {
  if (!principal) return { ...NO_SCOPE, peer: peerCaller ?? '' };
  return { level: principal.level, code: principal.code, roles: principal.roles.join(','), subject: principal.subject, peer: peerCaller ?? '' };
}

/** One per HTTP request, filled in once the request's principal is known. */
interface ScopeHolder {
  scope: DatabaseScope;
}

const requestScopes = new AsyncLocalStorage<ScopeHolder>();

/**
 * Runs `next` (the rest of a request's handling) with a scope holder of its own; every async
 * continuation of the request, resolvers and DataLoader batches included, sees the same holder.
 */
export function runWithScopeHolder<T>(next: () => T): T {
  return requestScopes.run({ scope: NO_SCOPE }, next);
}

/** Sets the scope of the request being handled; a no-op outside `runWithScopeHolder`. */
export function setRequestScope(scope: DatabaseScope): void {
  const holder = requestScopes.getStore();
  if (holder) holder.scope = scope;
}

export function currentDatabaseScope(): DatabaseScope {
  return requestScopes.getStore()?.scope ?? NO_SCOPE;
}

function scopeKey(scope: DatabaseScope): string {
  return JSON.stringify([scope.level, scope.code, scope.roles, scope.subject, scope.peer]);
}

interface PgConnection {
  query(text: string, values: unknown[]): Promise<unknown>;
  __databaseScope?: string;
}

interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<unknown>;
}

/**
 * Every connection handed out by the pool first takes on the scope of the request that asked
 * for it, as session settings (`set_config(…, false)`), whether the statements that follow run
 * inside a transaction or not, through the ORM or as raw SQL. The scope is captured when the
 * connection is asked for (before waiting for a free one) and compared with what the connection
 * last carried, so a connection never lends one request's scope to the next one, and a request
 * that keeps its scope costs no extra round trip. The settings are sent on the driver's
 * connection directly: they are not statements of the request and the SQL counter leaves them out.
 */
export function scopeEveryConnection(orm: Orm): void {
  const client = orm.em.getConnection().getKnex().client as KnexClient;
  const acquire = client.acquireConnection.bind(client);
  client.acquireConnection = async () => {
    const wanted = currentDatabaseScope();
    const connection = await acquire();
    const key = scopeKey(wanted);
    if (connection.__databaseScope !== key) {
      // Forget the old scope first: if setting the new one fails, the next acquirer sets it again.
      connection.__databaseScope = undefined;
      try {
        await connection.query(
          `select set_config('app.level', $1, false), set_config('app.code', $2, false), set_config('app.roles', $3, false), set_config('app.subject', $4, false), set_config('app.peer', $5, false)`,
          [wanted.level, wanted.code, wanted.roles, wanted.subject, wanted.peer],
        );
      } catch (error) {
        await client.releaseConnection(connection);
        throw error;
      }
      connection.__databaseScope = key;
    }
    return connection;
  };
}

/** Runs `work` as a request of `scope` would: for jobs and tests that use the service role's pool. */
export function withDatabaseScope<T>(scope: DatabaseScope, work: () => Promise<T>): Promise<T> {
  return runWithScopeHolder(() => {
    setRequestScope(scope);
    return work();
  });
}
