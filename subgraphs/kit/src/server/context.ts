import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import type { Level } from '../jurisdiction/admin-code';
import type { IdempotencyRequest } from '../mutation/idempotency';
import type { PeerDirectory } from '../peer/peer-client';
import type { ReadRecord } from '../read-trace/read-trace.entity';

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
  /** The caller's Authorization header, passed on when this subgraph asks a peer on their behalf. */
  authorization?: string;
  /** The request's id (`x-request-id`), passed on to peers and written in every log line. */
  requestId?: string;
  /** This subgraph's level and the addresses of the others (calls between levels). */
  level?: Level;
  peers?: PeerDirectory;
  /** Bytes of distinct evidence content each jurisdiction may store (EVIDENCE_QUOTA_BYTES). */
  evidenceQuotaBytes?: number;
  /** The level of the subgraph that made this call, when a peer (not the gateway) made it. */
  peerCaller?: Level | null;
  /** Retention period of duty records in years (RETENTION_YEARS); see retention/. */
  retentionYears?: number;
  /** The client's Idempotency-Key with its request's fingerprint (see mutation/idempotency.ts). */
  idempotency?: IdempotencyRequest;
  /** Protected records this request read, written as one read-trace row when it ends (`read-trace/`). */
  reads?: Map<string, ReadRecord>;
}
