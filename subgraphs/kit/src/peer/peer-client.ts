import { GraphQLError } from 'graphql';
import { GATEWAY_SECRET_HEADER } from '../auth/gateway-secret';
import { DEFAULT_PEER_DEADLINE_MS, fetchWithDeadline, isReadOperation } from '../http/deadline-fetch';
import type { Level } from '../jurisdiction/admin-code';
import { REQUEST_ID_HEADER } from '../observability/request-id';
import type { SubgraphContext } from '../server/context';
import type { PeerSigner } from './peer-proof';

/** Names the calling subgraph; proven by the signature headers (see peer-proof.ts), never trusted alone. */
export { PEER_HEADER } from './peer-proof';

/** Where the other levels' subgraphs listen; filled at start-up (or later, when ports are chosen by the OS). */
export class PeerDirectory {
  private readonly urls = new Map<Level, string>();
  /** How long one call to a peer may take (PEER_DEADLINE_MS). */
  deadlineMs = DEFAULT_PEER_DEADLINE_MS;

  constructor(
    readonly gatewaySecret: string,
    initial: Partial<Record<Level, string>> = {},
    /** This subgraph's signing key for peer calls; without it no peer will believe a call. */
    readonly signer?: PeerSigner,
  ) {
    for (const [level, url] of Object.entries(initial)) if (url) this.urls.set(level as Level, url);
  }

  set(level: Level, url: string): void {
    this.urls.set(level, url);
  }

  url(level: Level): string {
    const url = this.urls.get(level);
    if (!url) throw new Error(`no address configured for the ${level} subgraph`);
    return url;
  }
}

/**
 * Asks another level's subgraph directly, on behalf of the caller: the caller's own token goes
 * along, so the other subgraph applies its own authorisation to the same person. Errors the peer
 * raised on purpose (BAD_USER_INPUT, FORBIDDEN, NOT_FOUND …) reach the client unchanged, with a
 * BAD_USER_INPUT's field renamed to the field of the client's own request.
 */
export async function callPeer<T>(
  context: SubgraphContext<unknown>,
  level: Level,
  query: string,
  variables: Record<string, unknown>,
  fieldNames: Record<string, string> = {},
): Promise<T> {
  if (!context.peers) throw new Error('this subgraph has no peer directory');
  if (!context.peers.signer) throw new Error('this subgraph has no peer signing key (PEER_PRIVATE_JWK)');
  const url = context.peers.url(level);
  const body = JSON.stringify({ query, variables });
  // A read is retried once on a dropped connection; its signature (and nonce) is the same, so a
  // retry that the receiver had in fact seen is refused as a replay rather than run twice.
  const response = await fetchWithDeadline(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [GATEWAY_SECRET_HEADER]: context.peers.gatewaySecret,
      ...context.peers.signer.headers('POST', url, body),
      ...(context.authorization ? { authorization: context.authorization } : {}),
      ...(context.requestId ? { [REQUEST_ID_HEADER]: context.requestId } : {}),
    },
    body,
  }, { service: level, deadlineMs: context.peers.deadlineMs, retryOnConnectionError: isReadOperation(query) });
  const answer = (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  const [error] = answer.errors ?? [];
  if (error) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const field = typeof error.extensions?.field === 'string' ? error.extensions.field : undefined;
      const renamed = field ? (fieldNames[field] ?? field) : undefined;
      const message = field && renamed ? error.message.replace(`${field}:`, `${renamed}:`) : error.message;
      throw new GraphQLError(message, { extensions: { ...error.extensions, ...(renamed ? { field: renamed } : {}) } });
    }
    throw new Error(`the ${level} subgraph failed: ${error.message}`);
  }
  if (!answer.data) throw new Error(`the ${level} subgraph answered without data (HTTP ${response.status})`);
  return answer.data;
}
