import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  createLogger,
  createTokenVerifier,
  DEFAULT_REVOCATION_REFRESH_MS,
  remoteRevocations,
  RevocationList,
  withRevocations,
  DEFAULT_LIMITS,
  DEFAULT_SUBGRAPH_DEADLINE_MS,
  explainTokenLimit,
  jsonBody,
  MAX_REQUEST_BODY_BYTES,
  metricsEndpoint,
  observabilityPlugin,
  operationLimitsPlugin,
  principalFromAuthorization,
  queryLengthGuard,
  requestIdMiddleware,
} from '@supervision/kit';
import express from 'express';
import { DEFAULT_SUPERGRAPH_PATH, type GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { dashboardRouter } from './dashboard';
import { exportRouter } from './export';
import { graphiqlRouter } from './graphiql';
import { maskError } from './mask-errors';
import { hardenHttp } from './abuse/http-hardening';
import { DEFAULT_RATE_LIMITS, rateLimits } from './abuse/rate-limits';
import { requestDeadline } from './request-deadline';
import { createGatewayMetrics, recordSubgraphFetch, type GatewayMetrics } from './metrics';
import { SubgraphSource } from './subgraph-source';

export interface RunningGateway {
  url: string;
  metrics: GatewayMetrics;
  stop(): Promise<void>;
}

/**
 * Serves the committed supergraph: no introspection at start-up, so what runs is exactly what
 * was composed and reviewed. Subgraph URLs in the file are defaults that configuration may replace.
 */
/** The gateway's own endpoint as seen from inside the process (exports query through it). */
function ownGraphqlUrl(server: ReturnType<typeof createServer>, host = '127.0.0.1'): string {
  const { port } = server.address() as AddressInfo;
  const local = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${local.includes(':') ? `[${local}]` : local}:${port}/graphql`;
}

export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = config.logger ?? createLogger('gateway', config.logLevel ?? (config.log ? 'silent' : 'info'));
  const log = config.log ?? ((line: string) => logger.info(line));
  const metrics = createGatewayMetrics({ processMetrics: config.processMetrics });
  const supergraphSdl = readFileSync(config.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, 'utf8');
  const subgraphUrls = new Map<string, string>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls?.[name] ?? url;
      if (!target) throw new Error(`no URL for subgraph ${name}`);
      subgraphUrls.set(name, target);
      return new SubgraphSource({
        name,
        url: target,
        gatewaySecret: config.gatewaySecret,
        deadlineMs: config.subgraphDeadlineMs ?? DEFAULT_SUBGRAPH_DEADLINE_MS,
        onFetch: (event) => recordSubgraphFetch(metrics, logger, event),
      });
    },
  });
  // The deny-list lives in the city's database; the gateway refreshes its copy every few seconds.
  const revocations = new RevocationList(
    remoteRevocations(() => subgraphUrls.get('city'), config.gatewaySecret),
    config.revocationRefreshMs ?? DEFAULT_REVOCATION_REFRESH_MS,
    (error) => logger.warn({ err: (error as Error).message }, 'revocation list not refreshed; the last one stays in force'),
  );
  const tokens = withRevocations(
    await createTokenVerifier({ ...config.tokenKeys, jwk: config.tokenKeys?.jwk ?? config.jwtPublicJwk }, config.tokenPolicy),
    revocations,
  );

  const app = express();
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  const httpServer = createServer(app);
  const limits = config.limits ?? DEFAULT_LIMITS;
  const production = config.production ?? false;
  hardenHttp(app, config.corsOrigins ?? [], production);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Responses carry no cache hints (every answer depends on the caller), so none are computed.
      ApolloServerPluginCacheControlDisabled(),
      // Before planning: a refused operation never reaches the query planner or a subgraph.
      operationLimitsPlugin<GatewayContext>({ limits, production, isAuthenticated: (context) => context.principal !== null }),
      observabilityPlugin<GatewayContext>(logger, metrics.requests),
    ],
    includeStacktraceInErrorResponses: false,
    // Introspection is decided per caller by the limits plugin; NODE_ENV must not decide it for all.
    introspection: true,
    hideSchemaDetailsFromClientErrors: production,
    parseOptions: { maxTokens: limits.authenticated.tokens },
    formatError: (formatted) =>
      maskError(explainTokenLimit(formatted, limits.authenticated.tokens), (original) =>
        log(`internal error: ${JSON.stringify(original)}`),
      ),
  });
  await apollo.start();
  // After start: the gateway has loaded the supergraph, so it knows the city subgraph's address.
  revocations.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway', pid: process.pid });
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
  app.get('/metrics', metricsEndpoint(metrics.registry, config.gatewaySecret));
  app.use(graphiqlRouter());
  app.use(dashboardRouter());
  app.use(exportRouter({ graphqlUrl: () => ownGraphqlUrl(httpServer, config.host), pageSize: config.exportPageSize }));
  // The token is verified once per request: by the rate limiter (to key it by a subject an
  // attacker cannot make up) and then, from the same promise, by the GraphQL context.
  const principalOf = (req: express.Request, res: express.Response) => {
    res.locals.principal ??= principalFromAuthorization(req.header('authorization'), tokens);
    return res.locals.principal as ReturnType<typeof principalFromAuthorization>;
  };
  app.use(
    '/graphql',
    // A client's own x-request-id is kept (so its logs and ours join up); otherwise one is made here.
    requestIdMiddleware(),
    rateLimits(config.rateLimits ?? DEFAULT_RATE_LIMITS, async (req, res) => {
      try {
        return (await principalOf(req, res))?.subject ?? null;
      } catch {
        return null; // an invalid token is refused by the context with 401
      }
    }),
    requestDeadline(limits.deadlineMs),
    jsonBody(MAX_REQUEST_BODY_BYTES),
    queryLengthGuard(limits.maxQueryLength),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const authorization = req.header('authorization');
        const principal = await principalOf(req, res);
        return { principal, authorization, requestId: res.locals.requestId as string, idempotencyKey: req.header('idempotency-key') };
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host ?? '127.0.0.1'}:${port}/graphql`;
  log(`serving ${url}`);
  return {
    url,
    metrics,
    stop: async () => {
      revocations.stop();
      await apollo.stop();
    },
  };
}
