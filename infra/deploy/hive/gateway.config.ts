/**
 * Hive Gateway as a second gateway for the committed supergraph, run with its CLI:
 *
 *   GATEWAY_SECRET=… JWT_PUBLIC_JWK=… npx hive-gateway supergraph schema/supergraph.graphql -c infra/deploy/hive/gateway.config.ts
 *   (add --hive-router-runtime for the Rust query planner)
 *
 * The variables are those of our own gateway (`gateway/src/config.ts`).
 */
import { defineConfig } from '@graphql-hive/gateway';
import { resolve } from 'node:path';
import { hiveGatewayOptions } from './hive-gateway-options';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} 未设置 / ${name} is not set`);
  return value;
}

export const gatewayConfig = defineConfig({
  ...hiveGatewayOptions({
    supergraphPath: resolve(process.env.SUPERGRAPH_PATH ?? 'schema/supergraph.graphql'),
    gatewaySecret: required('GATEWAY_SECRET'),
    jwtPublicJwk: JSON.parse(required('JWT_PUBLIC_JWK')),
    subgraphUrls: {
      city: process.env.CITY_SUBGRAPH_URL,
      district: process.env.DISTRICT_SUBGRAPH_URL,
      street: process.env.STREET_SUBGRAPH_URL,
    },
  }),
  // The CLI's own operation limits, near our gateway's; the subgraphs enforce theirs too.
  maxDepth: 15,
  maxTokens: 4000,
  port: Number(process.env.PORT ?? 4000),
  host: process.env.HOST ?? '0.0.0.0',
});
