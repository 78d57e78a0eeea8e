import { GATEWAY_SECRET_HEADER } from '../auth/gateway-secret';

/** What the subgraph of the level above answered: the GraphQL result, errors included. */
export interface UpstreamResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

/**
 * A call to the subgraph of the level above, on behalf of the current caller. The level below
 * keeps no copy of the level above's records (no shared database, no replication); when a write
 * here depends on a record up there — a street answering a district's directive must be one of
 * its addressees — it asks the owning subgraph at that moment. The caller's own token goes along,
 * so the owner applies its own read rules to the caller, and the gateway secret, because subgraphs
 * accept calls only from inside the platform.
 */
export interface UpstreamClient {
  query<T>(query: string, variables?: Record<string, unknown>): Promise<UpstreamResult<T>>;
}

export function createUpstreamClient(
  url: string,
  gatewaySecret: string,
  authorization: string | undefined,
  timeoutMs = 5000,
): UpstreamClient {
  return {
    async query<T>(query: string, variables?: Record<string, unknown>): Promise<UpstreamResult<T>> {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [GATEWAY_SECRET_HEADER]: gatewaySecret,
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // GraphQL errors (FORBIDDEN …) come with 200 or a 4xx status and a JSON body; anything else is
      // a broken link between the services, which is an internal error, not the caller's.
      const type = response.headers.get('content-type') ?? '';
      if (!type.includes('json')) throw new Error(`upstream subgraph ${url} answered ${response.status} without JSON`);
      return (await response.json()) as UpstreamResult<T>;
    },
  };
}

/** The upstream subgraph of this context, or an internal error when the service was started without one. */
export function requireUpstream(context: { upstream?: UpstreamClient | null }): UpstreamClient {
  if (!context.upstream) {
    throw new Error('this subgraph has no upstream subgraph configured (UPSTREAM_SUBGRAPH_URL)');
  }
  return context.upstream;
}
