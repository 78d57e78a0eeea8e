import type { GatewayConfigSupergraph } from '@graphql-hive/gateway';
/** The header by which subgraphs recognise the gateway (`subgraphs/kit/src/auth/gateway-secret.ts`). */
export declare const GATEWAY_SECRET_HEADER = "x-gateway-secret";
export type SubgraphName = 'city' | 'district' | 'street';
export interface HiveGatewaySettings {
    /** Path of the committed supergraph, `schema/supergraph.graphql`, served unchanged. */
    supergraphPath: string;
    /** The secret every subgraph demands of its caller (`GATEWAY_SECRET`). */
    gatewaySecret: string;
    /** Routing URLs that replace the local defaults written in the supergraph. */
    subgraphUrls?: Partial<Record<SubgraphName, string | undefined>>;
    /** Deadline of one subgraph call, in milliseconds. */
    subgraphTimeoutMs?: number;
}
/**
 * Hive Gateway's options for this platform, shared by the CLI's `gateway.config.ts` and by the
 * interoperability test (`createGatewayRuntime`), so that what is tested is what is deployed.
 * It does what our own gateway's `SubgraphSource` does: each subgraph call carries the gateway
 * secret and the caller's own `Authorization`, and each subgraph checks the token itself.
 */
export declare function hiveGatewayOptions(settings: HiveGatewaySettings): GatewayConfigSupergraph;
