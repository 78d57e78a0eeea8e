import { createServer } from 'node:http';
import { join } from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import type { hiveGatewayOptions as HiveGatewayOptions } from '../../../infra/deploy/hive/hive-gateway-options';

/*
 * Hive Gateway, the peer the platform must stay compatible with, as a benchmark side, with the
 * options it is deployed with (`infra/deploy/hive/hive-gateway-options.ts`: the gateway secret on
 * every subgraph call, the caller's Authorization passed on, tokens verified at the edge as our
 * gateway does) on the same supergraph, whose copy carries the benchmark's subgraph URLs.
 * Nothing else is configured, so it runs as shipped; HIVE_DEDUPLICATE=false turns off its
 * merging of identical in-flight subgraph requests (on by default).
 */

// The deployment options are built into infra/deploy/dist (a project of their own).
const REPO_ROOT = join(__dirname, '..', '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { hiveGatewayOptions } = require(join(REPO_ROOT, 'infra', 'deploy', 'dist', 'hive', 'hive-gateway-options.js')) as {
  hiveGatewayOptions: typeof HiveGatewayOptions;
};

const port = Number(process.env.PORT);
const deduplicate = process.env.HIVE_DEDUPLICATE !== 'false';
const options = hiveGatewayOptions({
  supergraphPath: process.env.SUPERGRAPH_PATH!,
  gatewaySecret: process.env.GATEWAY_SECRET!,
  jwtPublicJwk: JSON.parse(process.env.JWT_PUBLIC_JWK!) as Parameters<typeof HiveGatewayOptions>[0]['jwtPublicJwk'],
  subgraphTimeoutMs: 60_000,
});

const gateway = createGatewayRuntime({
  ...options,
  // Errors only, into the benchmark's log file: a supergraph it cannot load shows there.
  logging: process.env.HIVE_LOG === 'debug' ? 'debug' : 'error',
  ...(deduplicate ? {} : { transportEntries: { ...options.transportEntries, '*.http': { options: { deduplicateInflightRequests: false } } } }),
});

// Hive's runtime is a fetch-style handler; Node's server wants a listener returning nothing.
const server = createServer((request, response) => void gateway(request, response));
server.listen(port, '127.0.0.1');
const stop = () => server.close(() => void Promise.resolve(gateway.dispose()).then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
