import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import type { UpstreamClient } from '../upstream/upstream-client';

/**
 * What every resolver receives. Built afresh for each request: a forked EntityManager so no
 * identity map leaks between callers, and a fresh set of DataLoaders so batching and caching
 * last exactly one request.
 */
export interface SubgraphContext<Loaders> {
  em: EntityManager;
  loaders: Loaders;
  /** null for an anonymous caller (public reads of the jurisdiction backbone). */
  principal: Principal | null;
  /** The subgraph of the level above, called as this caller (absent at the top level). */
  upstream?: UpstreamClient | null;
}
