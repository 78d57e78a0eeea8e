import { GraphQLError, OperationTypeNode, parse, type DocumentNode } from 'graphql';

/** Default deadline of one gateway → subgraph call (SUBGRAPH_DEADLINE_MS). */
export const DEFAULT_SUBGRAPH_DEADLINE_MS = 10_000;
/** Default deadline of one subgraph → subgraph call (PEER_DEADLINE_MS); shorter, as it runs inside a gateway call. */
export const DEFAULT_PEER_DEADLINE_MS = 5_000;


/**
 * Why a call to another service produced no answer, in words fit for a client: the service by
 * name (`extensions.serviceName`), never its URL. A GraphQL error, so it reaches the client
 * with its code instead of being masked as an internal error.
 */
export class UnreachableServiceError extends GraphQLError {
  constructor(
    readonly service: string,
    readonly reason: 'deadline' | 'connection',
    readonly deadlineMs: number,
  ) {
    super(
      reason === 'deadline'
        ? `${service} 子图超时 / the ${service} subgraph did not answer within ${deadlineMs} ms`
        : `${service} 子图不可用 / the ${service} subgraph is unreachable`,
      { extensions: { code: reason === 'deadline' ? 'SUBGRAPH_TIMEOUT' : 'SUBGRAPH_UNAVAILABLE', serviceName: service } },
    );
    this.name = 'UnreachableServiceError';
  }
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** A failure to reach or keep a connection (as opposed to a slow answer or an HTTP status). */
export function isConnectionError(error: unknown): boolean {
  for (let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && CONNECTION_ERROR_CODES.has(current.code)) return true;
    current = current.cause as typeof current;
  }
  return false;
}

function isTimeout(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'TimeoutError';
}

export interface DeadlineOptions {
  /** The service's name, for error messages and logs. */
  service: string;
  deadlineMs: number;
  /**
   * Reads may be sent again once when the connection failed (a restarted service, a dropped
   * keep-alive socket). Writes never are: a reset after the request was sent leaves it unknown
   * whether the other side acted, and sending it again could act twice.
   */
  retryOnConnectionError: boolean;
  /** Told about each retry (for logs and metrics). */
  onRetry?(error: unknown): void;
}

/**
 * `fetch` with a deadline covering connect, answer and body, and at most one retry for reads.
 * A stalled service costs the caller its deadline, never longer; a retry gets what is left of
 * it, not a fresh one.
 */
export async function fetchWithDeadline(url: string, init: RequestInit, options: DeadlineOptions): Promise<Response> {
  const signal = AbortSignal.timeout(options.deadlineMs);
  const attempt = async () => {
    const response = await fetch(url, { ...init, signal });
    // Reading the body within the same deadline: a service that sends headers and then stalls
    // must not hold the caller either.
    const body = await response.arrayBuffer();
    return new Response(response.status === 204 || response.status === 304 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  try {
    try {
      return await attempt();
    } catch (error) {
      if (!options.retryOnConnectionError || !isConnectionError(error) || signal.aborted) throw error;
      options.onRetry?.(error);
      return await attempt();
    }
  } catch (error) {
    if (isTimeout(error) || signal.aborted) throw new UnreachableServiceError(options.service, 'deadline', options.deadlineMs);
    if (isConnectionError(error)) throw new UnreachableServiceError(options.service, 'connection', options.deadlineMs);
    throw error;
  }
}

/** Whether a GraphQL request only reads (a query), so that sending it twice is harmless. */
export function isReadOperation(query: string | DocumentNode | undefined, operationName?: string | null): boolean {
  if (!query) return false;
  let document: DocumentNode;
  try {
    document = typeof query === 'string' ? parse(query) : query;
  } catch {
    return false;
  }
  const operations = document.definitions.filter((definition) => definition.kind === 'OperationDefinition');
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  return operation?.operation === OperationTypeNode.QUERY;
}
