import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway';

/*
 * Hive Gateway, the peer the platform must stay compatible with, as a benchmark side: the same
 * supergraph (with the benchmark's subgraph URLs written in), the gateway secret added to every
 * subgraph call and the caller's Authorization passed on, as our gateway does. Nothing else is
 * configured, so it runs as shipped; HIVE_DEDUPLICATE=false turns off its merging of identical
 * in-flight subgraph requests (on by default).
 */

const port = Number(process.env.PORT);
const secret = process.env.GATEWAY_SECRET!;
const deduplicate = process.env.HIVE_DEDUPLICATE !== 'false';

const gateway = createGatewayRuntime({
  supergraph: process.env.SUPERGRAPH_PATH!,
  // Errors only, into the benchmark's log file: a supergraph it cannot load shows there.
  logging: process.env.HIVE_LOG === 'debug' ? 'debug' : 'error',
  ...(deduplicate ? {} : { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } }),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const authorization = request.headers.get('authorization');
      return { 'x-gateway-secret': secret, ...(authorization ? { authorization } : {}) };
    },
  },
});

// Hive's runtime is a fetch-style handler; Node's server wants a listener returning nothing.
const server = createServer((request, response) => void gateway(request, response));
server.listen(port, '127.0.0.1');
const stop = () => server.close(() => void Promise.resolve(gateway.dispose()).then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
