import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GATEWAY_SECRET_HEADER } from '@supervision/kit';
import type { GatewayContext } from './context';
import { mergingFetcher } from './inflight-merge';

/**
 * How the gateway talks to one subgraph: it proves it is the gateway with the shared secret
 * and passes the caller's own token on, so that each subgraph checks who is asking itself.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly gatewaySecret: string,
  ) {
    // Node's own fetch keeps connections to the subgraph alive; identical queries in flight are merged.
    super({ url, fetcher: mergingFetcher(fetch) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    request.http?.headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    const authorization = 'authorization' in context ? context.authorization : undefined;
    if (authorization) request.http?.headers.set('authorization', authorization);
  }
}
