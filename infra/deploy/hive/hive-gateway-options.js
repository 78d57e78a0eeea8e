"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GATEWAY_SECRET_HEADER = void 0;
exports.hiveGatewayOptions = hiveGatewayOptions;
/** The header by which subgraphs recognise the gateway (`subgraphs/kit/src/auth/gateway-secret.ts`). */
exports.GATEWAY_SECRET_HEADER = 'x-gateway-secret';
/**
 * Hive Gateway's options for this platform, shared by the CLI's `gateway.config.ts` and by the
 * interoperability test (`createGatewayRuntime`), so that what is tested is what is deployed.
 * It does what our own gateway's `SubgraphSource` does: each subgraph call carries the gateway
 * secret and the caller's own `Authorization`, and each subgraph checks the token itself.
 */
function hiveGatewayOptions(settings) {
    const transportEntries = {};
    for (const [name, location] of Object.entries(settings.subgraphUrls ?? {})) {
        if (location)
            transportEntries[name] = { location };
    }
    return {
        supergraph: settings.supergraphPath,
        transportEntries,
        propagateHeaders: {
            fromClientToSubgraphs: ({ request }) => ({
                [exports.GATEWAY_SECRET_HEADER]: settings.gatewaySecret,
                authorization: request.headers.get('authorization'),
            }),
        },
        upstreamTimeout: settings.subgraphTimeoutMs ?? 10_000,
    };
}
//# sourceMappingURL=hive-gateway-options.js.map