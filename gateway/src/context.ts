import type { Principal } from '@supervision/kit';

export interface GatewayContext {
  principal: Principal | null;
  /** The caller's Authorization header, verified, forwarded unchanged to the subgraphs. */
  authorization?: string;
  /** Carried to every subgraph call (`x-request-id`) and into every log line of this request. */
  requestId?: string;
  /** The client's `Idempotency-Key`, forwarded to the subgraphs (docs/consistency.md). */
  idempotencyKey?: string;
}
