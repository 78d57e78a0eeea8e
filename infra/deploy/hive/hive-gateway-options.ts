import { createInlineSigningKeyProvider, useJWT, type GatewayConfigSupergraph, type GatewayPlugin } from '@graphql-hive/gateway';
import { createPublicKey, type JsonWebKey } from 'node:crypto';

/** The header by which subgraphs recognise the gateway (`subgraphs/kit/src/auth/gateway-secret.ts`). */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';

/** The header of a client's retry key (`subgraphs/kit/src/mutation/idempotency.ts`); the test checks both agree. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** What every token must be (`subgraphs/kit/src/auth/tokens.ts`); the test checks both agree. */
export const TOKEN_RULES = { algorithm: 'ES256', issuer: 'supervision-platform', audience: 'supervision-graph' } as const;

export type SubgraphName = 'city' | 'district' | 'street';

export interface HiveGatewaySettings {
  /** Path of the committed supergraph, `schema/supergraph.graphql`, served unchanged. */
  supergraphPath: string;
  /** The secret every subgraph demands of its caller (`GATEWAY_SECRET`). */
  gatewaySecret: string;
  /** The public key that verifies tokens (`JWT_PUBLIC_JWK`), so a bad token is refused at the edge as on our gateway. */
  jwtPublicJwk: JsonWebKey;
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
export function hiveGatewayOptions(settings: HiveGatewaySettings): GatewayConfigSupergraph {
  const transportEntries: NonNullable<GatewayConfigSupergraph['transportEntries']> = {};
  for (const [name, location] of Object.entries(settings.subgraphUrls ?? {})) {
    if (location) transportEntries[name] = { location };
  }
  return {
    supergraph: settings.supergraphPath,
    transportEntries,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        [GATEWAY_SECRET_HEADER]: settings.gatewaySecret,
        authorization: request.headers.get('authorization'),
        // A client's retry key reaches the subgraph that runs the mutation (docs/consistency.md §4).
        [IDEMPOTENCY_KEY_HEADER]: request.headers.get(IDEMPOTENCY_KEY_HEADER),
      }),
    },
    upstreamTimeout: settings.subgraphTimeoutMs ?? 10_000,
    // Anonymous calls pass (the division list is public; subgraphs refuse the rest); a token that
    // does not verify is refused here, before any subgraph is asked.
    plugins: () => [
      useJWT({
        signingKeyProviders: [createInlineSigningKeyProvider(publicKeyPem(settings.jwtPublicJwk))],
        tokenVerification: { algorithms: [TOKEN_RULES.algorithm], issuer: TOKEN_RULES.issuer, audience: TOKEN_RULES.audience },
        reject: { missingToken: false, invalidToken: true },
        // The plugin's context type is narrower than the option's plugin list; it runs as any plugin does.
      }) as unknown as GatewayPlugin,
    ],
  };
}

function publicKeyPem(jwk: JsonWebKey): string {
  return createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
}
