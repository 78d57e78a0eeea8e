import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_SECRET_HEADER, IDEMPOTENCY_KEY_HEADER, fetchWithDeadline, isReadOperation, UnreachableServiceError } from '@supervision/kit';
import type { FetcherRequestInit } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';
import { createInflightMerger } from './inflight-merge';

export interface SubgraphSourceOptions {
  /** The subgraph's name in the supergraph, the only way errors and logs refer to it. */
  name: string;
  url: string;
  gatewaySecret: string;
  /** Deadline of one call to this subgraph (SUBGRAPH_DEADLINE_MS). */
  deadlineMs: number;
  /** Told about every call (metrics, logs): how long it took and how it ended. */
  onFetch?(event: SubgraphFetchEvent): void;
}

export interface SubgraphFetchEvent {
  subgraph: string;
  seconds: number;
  outcome: 'ok' | 'timeout' | 'unavailable' | 'error';
  retried: boolean;
  requestId?: string;
}

/**
 * How the gateway talks to one subgraph: it proves it is the gateway with the shared secret
 * and passes the caller's own token on, so that each subgraph checks who is asking itself.
 *
 * Every call has a deadline, so a stalled subgraph costs a request that long and no longer;
 * the fields of the other subgraphs still arrive (the fields one level contributes to
 * another's type are nullable). A read is sent again once when the connection failed; a
 * mutation never is, since it may have been carried out before the connection broke.
 * A failure names the subgraph (`extensions.serviceName`), never its URL.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly options: SubgraphSourceOptions;
  /** Identical queries in flight to this subgraph (same document, variables, token) share one call. */
  private readonly merge = createInflightMerger();

  constructor(options: SubgraphSourceOptions) {
    super({ url: options.url });
    this.options = options;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(GATEWAY_SECRET_HEADER, this.options.gatewaySecret);
    const authorization = 'authorization' in context ? context.authorization : undefined;
    if (authorization) request.http?.headers.set('authorization', authorization);
    const requestId = 'requestId' in context ? context.requestId : undefined;
    if (requestId) request.http?.headers.set('x-request-id', requestId);
    const idempotencyKey = 'idempotencyKey' in context ? context.idempotencyKey : undefined;
    if (idempotencyKey !== undefined) request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    const started = process.hrtime.bigint();
    const read = isReadOperation(options.request.query, options.request.operationName);
    let retried = false;
    const requestId = 'requestId' in options.context ? options.context.requestId : undefined;
    // The data source builds the request; only the sending is replaced, per call, so that the
    // deadline and the retry rule know which operation they carry.
    const source = Object.create(this) as this;
    const send = (url: string, init?: FetcherRequestInit) =>
      fetchWithDeadline(url, init as RequestInit, {
        service: this.options.name,
        deadlineMs: this.options.deadlineMs,
        retryOnConnectionError: read,
        onRetry: () => (retried = true),
      });
    source.fetcher = ((url: string, init?: FetcherRequestInit) => this.merge(url, init, send)) as RemoteGraphQLDataSource['fetcher'];
    const report = (outcome: SubgraphFetchEvent['outcome']) =>
      this.options.onFetch?.({
        subgraph: this.options.name,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        outcome,
        retried,
        requestId,
      });
    try {
      const response = await super.process.call(source, options);
      report('ok');
      return response;
    } catch (error) {
      if (error instanceof UnreachableServiceError) {
        report(error.reason === 'deadline' ? 'timeout' : 'unavailable');
        throw error;
      }
      report('error');
      throw this.withoutAddress(error);
    }
  }

  /** An HTTP failure (a refused secret, a proxy's 502) without the subgraph's URL or raw body. */
  private withoutAddress(error: unknown): GraphQLError {
    const status = (error as GraphQLError).extensions?.response as { status?: number } | undefined;
    const code = (error as GraphQLError).extensions?.code;
    return new GraphQLError(`${this.options.name} 子图出错 / the ${this.options.name} subgraph failed${status?.status ? ` (HTTP ${status.status})` : ''}`, {
      extensions: { code: typeof code === 'string' ? code : 'SUBGRAPH_FAILED', serviceName: this.options.name },
    });
  }
}
