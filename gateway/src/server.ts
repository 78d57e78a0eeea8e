import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { importPublicJwk, jsonBody, MAX_REQUEST_BODY_BYTES, principalFromAuthorization } from '@supervision/kit';
import express from 'express';
import { DEFAULT_SUPERGRAPH_PATH, type GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { graphiqlRouter } from './graphiql';
import { SubgraphSource } from './subgraph-source';

export interface RunningGateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves the committed supergraph: no introspection at start-up, so what runs is exactly what
 * was composed and reviewed. Subgraph URLs in the file are defaults that configuration may replace.
 */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const log = config.log ?? ((line: string) => console.log(`[gateway] ${line}`));
  const supergraphSdl = readFileSync(config.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, 'utf8');
  const subgraphUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls?.[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      subgraphUrls.set(name, target);
      return new SubgraphSource(target, config.gatewaySecret);
    },
  });
  const publicKey = await importPublicJwk(config.jwtPublicJwk);

  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Responses carry no cache hints (every answer depends on the caller), so none are computed.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  // Ready means every subgraph answers its own readiness check (and so reaches its database).
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      [...subgraphUrls].map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2000) });
          return [name, response.ok ? 'ready' : `status ${response.status}`] as const;
        } catch (error) {
          return [name, (error as Error).message] as const;
        }
      }),
    );
    const ready = checks.every(([, state]) => state === 'ready');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', subgraphs: Object.fromEntries(checks) });
  });
  app.use(graphiqlRouter());
  app.use(
    '/graphql',
    jsonBody(MAX_REQUEST_BODY_BYTES),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const authorization = req.header('authorization');
        const principal = await principalFromAuthorization(authorization, publicKey);
        return { principal, authorization };
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host ?? '127.0.0.1'}:${port}/graphql`;
  log(`serving ${url}`);
  return {
    url,
    stop: () => apollo.stop(),
  };
}
