import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { AnyEntity, EntityClass, MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { JWK } from 'jose';
import express from 'express';
import helmet from 'helmet';
import type { NonEmptyArray } from 'type-graphql';
import { z } from 'zod';
import { jsonText } from '../config/json-text';
import { GATEWAY_SECRET_HEADER, isGatewaySecret } from '../auth/gateway-secret';
import { createTokenVerifier, principalFromAuthorization } from '../auth/tokens';
import { cryptoEnvSchema, cryptoSettingsFromEnv, registerCryptoSettings, type CryptoSettings } from '../crypto/crypto-settings';
import { activeRevocations, DEFAULT_REVOCATION_REFRESH_MS, registerRevocationList, remoteRevocations, RevocationList, withRevocations } from '../revocation/revocation-list';
import { listenForRevocations, type RevocationNotices } from '../revocation/revocation-notices';
import { TokenRevocationEntity } from '../revocation/token-revocation.entity';
import { readTracePlugin } from '../read-trace/read-trace';
import { DEFAULT_TOKEN_POLICY, tokenEnvSchema, tokenKeysFromEnv, tokenPolicyFromEnv, type TokenKeySource, type TokenPolicy } from '../auth/token-keys';
import { deadlineMsSchema, logLevelSchema, portSchema, postgresUrlSchema } from '../config/load-config';
import { DEFAULT_PEER_DEADLINE_MS } from '../http/deadline-fetch';
import { DEFAULT_RETENTION_YEARS } from '../retention/retention-period';
import { startCrossLevelRelay } from '../cross-level/cross-level-relay';
import { IDEMPOTENCY_KEY_HEADER, idempotencyRequest } from '../mutation/idempotency';
import { CrossLevelStepEntity } from '../cross-level/cross-level-step.entity';
import { IdempotencyKeyEntity } from '../mutation/idempotency-key.entity';
import { DEFAULT_IDEMPOTENCY_TTL_HOURS, startIdempotencySweep } from '../mutation/idempotency-sweep';
import { migrate, openDatabase, withStartupLock, type Orm } from '../db/database';
import { createServiceMetrics, type ServiceMetrics } from '../db/metrics';
import { databaseScopeOf, runWithScopeHolder, scopeEveryConnection, setRequestScope } from '../db/rls/request-scope';
import { provisionServiceRole, serviceRoleOf, serviceRoleProblem } from '../db/rls/service-role';
import { watchPool } from '../db/pool-metrics';
import type { Level } from '../jurisdiction/admin-code';
import { createLogger, type Logger, type LogLevel } from '../observability/logger';
import { metricsEndpoint } from '../observability/metrics-endpoint';
import { observabilityPlugin } from '../observability/observability-plugin';
import { requestIdMiddleware } from '../observability/request-id';
import { PeerDirectory } from '../peer/peer-client';
import { PEER_HEADER, PeerSigner, PeerVerifier, type PeerKeys } from '../peer/peer-proof';
import { DEFAULT_EVIDENCE_QUOTA_BYTES } from '../attachment/attachments';
import { buildFederatedSchema } from '../schema/subgraph-schema';
import { DEFAULT_SUBGRAPH_LIMITS, isProductionMode, limitsEnvSchema, limitsFromEnv, productionEnvSchema, type LimitProfile } from '../limits/operation-limits';
import { operationLimitsPlugin } from '../limits/operation-limits-plugin';
import { explainTokenLimit } from '../limits/parse-limit-error';
import { queryLengthGuard } from '../limits/query-length-guard';
import type { SubgraphContext } from './context';
import { jsonBody, MAX_SUBGRAPH_REQUEST_BODY_BYTES } from './request-body';

/** Everything that makes one level's subgraph; the per-level packages export one of these. */
export interface SubgraphDefinition<Loaders> {
  name: Level;
  entities: EntityClass<AnyEntity>[];
  migrations: MigrationObject[];
  resolvers: NonEmptyArray<Function>;
  orphanedTypes?: Function[];
  referenceResolvers: Record<string, Record<string, unknown>>;
  createLoaders(em: EntityManager): Loaders;
  /** Fills an empty database with the jurisdiction backbone; returns a line for the start-up log. */
  seed(em: EntityManager): Promise<string>;
  /** Fills a level without records with believable demo records (units, lists, tasks …). */
  seedDemo?(em: EntityManager): Promise<string>;
}

const booleanSchema = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

/** Environment of a subgraph process; the launcher sets it, a deployment sets it by hand. */
export const subgraphEnvSchema = limitsEnvSchema.extend(productionEnvSchema.shape).extend(tokenEnvSchema.shape).extend(cryptoEnvSchema.shape).extend({
  PORT: portSchema,
  HOST: z.string().default('127.0.0.1'),
  // The service's own login role: owns nothing, cannot bypass row-level security.
  DATABASE_URL: postgresUrlSchema,
  // The database owner: runs migrations and seeds, and provisions the role of DATABASE_URL.
  DATABASE_ADMIN_URL: postgresUrlSchema.optional(),
  GATEWAY_SECRET: z.string().min(16, 'must be at least 16 characters'),
  MIGRATE_ON_START: booleanSchema.default(true),
  SEED_ON_START: booleanSchema.default(true),
  // Off unless asked for: a deployed subgraph must never invent records; the local launcher asks.
  SEED_DEMO_DATA: booleanSchema.default(false),
  SQL_DEBUG: booleanSchema.default(false),
  LOG_LEVEL: logLevelSchema,
  // How long one call to another level's subgraph may take before the write that needed it fails.
  PEER_DEADLINE_MS: deadlineMsSchema.default(DEFAULT_PEER_DEADLINE_MS),
  // The other levels' subgraphs, for the few questions one level must ask another directly
  // (a rectification report checks the finding it answers with the supervising level).
  CITY_SUBGRAPH_URL: z.url().optional(),
  DISTRICT_SUBGRAPH_URL: z.url().optional(),
  STREET_SUBGRAPH_URL: z.url().optional(),
  // This subgraph's Ed25519 key for signing peer calls, and every level's public key (JSON
  // `{ "city": jwk, "district": jwk, "street": jwk }`) for checking the calls it receives.
  PEER_PRIVATE_JWK: z.string().transform(jsonText<JWK>('a JSON Web Key')).optional(),
  PEER_PUBLIC_JWKS: z.string().transform(jsonText<Partial<Record<Level, JWK>>>('an object of JSON Web Keys by level')).optional(),
  PEER_WINDOW_MS: z.coerce.number().int().positive().default(30_000),
  REVOCATION_REFRESH_MS: z.coerce.number().int().min(100).max(600_000).default(DEFAULT_REVOCATION_REFRESH_MS),
  // How often the cross-level relay looks for remote steps to undo (docs/consistency.md); 0 turns it off.
  CROSS_LEVEL_RELAY_MS: z.coerce.number().int().min(0).default(2_000),
  // A step still PENDING after this long has outlived its request (the process died between the steps).
  CROSS_LEVEL_GRACE_MS: z.coerce.number().int().positive().default(60_000),
  // How long an Idempotency-Key is remembered, and how often older ones are deleted (0: never).
  IDEMPOTENCY_KEY_TTL_HOURS: z.coerce.number().positive().default(DEFAULT_IDEMPOTENCY_TTL_HOURS),
  IDEMPOTENCY_SWEEP_MS: z.coerce.number().int().min(0).default(3_600_000),
  // Years a duty record stays in the default lists before the commission may archive it (docs/retention.md).
  RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(DEFAULT_RETENTION_YEARS),
  // Bytes of distinct evidence content one jurisdiction may store in this level's database.
  EVIDENCE_QUOTA_BYTES: z.coerce.number().int().positive().default(DEFAULT_EVIDENCE_QUOTA_BYTES),
});

export interface SubgraphConfig {
  port: number;
  host?: string;
  /** The service role's URL: every request's statements run as this role, under row-level security. */
  databaseUrl: string;
  /**
   * The owner's URL: migrations, seeds and the service role's grants run as the owner. Without
   * it, `databaseUrl` does everything (and, if it is the owner, row-level security is bypassed).
   */
  adminDatabaseUrl?: string;
  gatewaySecret: string;
  /** The launcher's single public key; `tokenKeys` adds key sets and JWKS URLs. */
  jwtPublicJwk?: JWK;
  tokenKeys?: TokenKeySource;
  tokenPolicy?: TokenPolicy;
  /** Hash of chains and digests, evidence keys (default: SHA-256, evidence unsealed). */
  cryptography?: CryptoSettings;
  migrateOnStart?: boolean;
  seedOnStart?: boolean;
  /** Demo records on an empty database; off unless asked for (tests start from nothing). */
  seedDemo?: boolean;
  sqlDebug?: boolean;
  /** The other subgraphs' /graphql URLs; may also be set after start on `RunningSubgraph.peers`. */
  peerUrls?: Partial<Record<Level, string>>;
  /** Keys that prove peer calls (sent and received); without them no peer-only operation can be reached. */
  peerKeys?: PeerKeys;
  /** How old a peer call's timestamp may be, in ms (default 30 s); its nonce is remembered as long. */
  peerWindowMs?: number;
  /** Bytes of distinct evidence content each jurisdiction may store (default 2 GiB). */
  evidenceQuotaBytes?: number;
  /** How often the token deny-list is fetched from the city subgraph (default 5 s). */
  revocationRefreshMs?: number;
  /** Operation limits this subgraph enforces itself (defaults: DEFAULT_SUBGRAPH_LIMITS). */
  limits?: LimitProfile;
  /** Production mode: no introspection for anonymous callers, no "Did you mean" for anyone. */
  production?: boolean;
  /**
   * Benchmark only (no environment variable sets it): `false` leaves the read trace unwritten, so
   * `npm run bench -- --only read-trace` can set the same read with and without its trace side by side.
   */
  readTrace?: boolean;
  /** Deadline of one call to a peer subgraph (default 5 s). */
  peerDeadlineMs?: number;
  /** Interval of the cross-level relay (default 2 s; 0: off, tests run passes themselves). */
  crossLevelRelayMs?: number;
  /** Age after which a PENDING cross-level step is taken by the relay (default 60 s). */
  crossLevelGraceMs?: number;
  /** How long an idempotency key is remembered (default 7 days). */
  idempotencyTtlHours?: number;
  /** Interval of the sweep that deletes older keys (default 1 h; 0: off). */
  idempotencySweepMs?: number;
  /** Retention period of duty records, in years (default 10): older ones may be archived. */
  retentionYears?: number;
  log?: (line: string) => void;
  /** Structured (JSON) logger; by default pino on stdout at `logLevel`, silent when `log` is given (tests). */
  logger?: Logger;
  logLevel?: LogLevel;
  /** Node's own metrics (memory, event loop lag …) on /metrics; one service per process only. */
  processMetrics?: boolean;
}

export function subgraphConfigFromEnv(env: z.infer<typeof subgraphEnvSchema>): SubgraphConfig {
  return {
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    adminDatabaseUrl: env.DATABASE_ADMIN_URL,
    gatewaySecret: env.GATEWAY_SECRET,
    tokenKeys: tokenKeysFromEnv(env),
    tokenPolicy: tokenPolicyFromEnv(env),
    cryptography: cryptoSettingsFromEnv(env),
    migrateOnStart: env.MIGRATE_ON_START,
    seedOnStart: env.SEED_ON_START,
    seedDemo: env.SEED_DEMO_DATA,
    sqlDebug: env.SQL_DEBUG,
    peerUrls: { city: env.CITY_SUBGRAPH_URL, district: env.DISTRICT_SUBGRAPH_URL, street: env.STREET_SUBGRAPH_URL },
    peerKeys: env.PEER_PUBLIC_JWKS ? { privateJwk: env.PEER_PRIVATE_JWK, publicJwks: env.PEER_PUBLIC_JWKS } : undefined,
    peerWindowMs: env.PEER_WINDOW_MS,
    evidenceQuotaBytes: env.EVIDENCE_QUOTA_BYTES,
    revocationRefreshMs: env.REVOCATION_REFRESH_MS,
    limits: limitsFromEnv(env, DEFAULT_SUBGRAPH_LIMITS),
    production: isProductionMode(env),
    peerDeadlineMs: env.PEER_DEADLINE_MS,
    crossLevelRelayMs: env.CROSS_LEVEL_RELAY_MS,
    crossLevelGraceMs: env.CROSS_LEVEL_GRACE_MS,
    idempotencyTtlHours: env.IDEMPOTENCY_KEY_TTL_HOURS,
    idempotencySweepMs: env.IDEMPOTENCY_SWEEP_MS,
    retentionYears: env.RETENTION_YEARS,
    logLevel: env.LOG_LEVEL,
    processMetrics: true,
  };
}

export interface RunningSubgraph {
  name: Level;
  url: string;
  /** The owner's connection (migrations, seeds; tests arrange and inspect rows with it). Requests never use it. */
  orm: Orm;
  /** The service role's connection, which every request uses, under row-level security. */
  requestOrm: Orm;
  metrics: ServiceMetrics;
  peers: PeerDirectory;
  stop(): Promise<void>;
}

/**
 * Opens the database (creating, migrating and seeding it as configured), builds the federated
 * schema and serves it over HTTP. Only the gateway may call `/graphql`: the shared secret is
 * checked before any GraphQL work, and the caller's token is verified again here rather than
 * trusting the gateway's word for it.
 */
export async function startSubgraph<Loaders>(
  definition: SubgraphDefinition<Loaders>,
  config: SubgraphConfig,
): Promise<RunningSubgraph> {
  const logger =
    config.logger ?? createLogger(`${definition.name}-subgraph`, config.logLevel ?? (config.log ? 'silent' : 'info'));
  const log = config.log ?? ((line: string) => logger.info(line));
  const metrics = createServiceMetrics(`${definition.name}-subgraph`, { processMetrics: config.processMetrics });
  const databaseOptions = {
    entities: definition.entities,
    migrations: definition.migrations,
    metrics,
    debug: config.sqlDebug,
    log,
    poolLog: { warn: (message: string) => logger.warn({ pool: true }, message), error: (message: string) => logger.error({ pool: true }, message) },
  };
  // The owner migrates and seeds; requests use the service role's pool (row-level security).
  const orm = await openDatabase({ ...databaseOptions, url: config.adminDatabaseUrl ?? config.databaseUrl });
  if (config.cryptography) registerCryptoSettings(orm.em, config.cryptography);
  let requestOrm = orm;
  try {
    // One replica at a time: replicas starting together migrate and seed the database once.
    await withStartupLock(orm, async () => {
      if (config.migrateOnStart ?? true) {
        await migrate(orm);
      }
      if (config.adminDatabaseUrl) await provisionServiceRole(orm, serviceRoleOf(config.databaseUrl));
      if (config.seedOnStart ?? true) {
        const seeded = await orm.em.fork().transactional((em) => definition.seed(em));
        log(seeded);
        if (config.seedDemo && definition.seedDemo) {
          log(await orm.em.fork().transactional((em) => definition.seedDemo!(em)));
        }
      }
    });
    if (config.adminDatabaseUrl) requestOrm = await openDatabase({ ...databaseOptions, url: config.databaseUrl });
    if (config.cryptography && requestOrm !== orm) registerCryptoSettings(requestOrm.em, config.cryptography);
    scopeEveryConnection(requestOrm);
    // Policies bind no owner or superuser: in production a service must not run with such a role.
    const problem = await serviceRoleProblem(requestOrm);
    if (problem && (config.production ?? false)) throw new Error(problem);
    if (problem) logger.warn(problem);
  } catch (error) {
    await orm.close();
    if (requestOrm !== orm) await requestOrm.close();
    throw error;
  }

  const signer = config.peerKeys?.privateJwk ? new PeerSigner(definition.name, config.peerKeys.privateJwk) : undefined;
  const peers = new PeerDirectory(config.gatewaySecret, config.peerUrls, signer);
  // The city holds the deny-list in its database; every other level fetches it from the city.
  const holdsRevocations = definition.entities.includes(TokenRevocationEntity);
  const maxLifetime = (config.tokenPolicy ?? DEFAULT_TOKEN_POLICY).maxLifetimeSeconds;
  const revocations = new RevocationList(
    holdsRevocations ? () => activeRevocations(orm.em, maxLifetime) : remoteRevocations(() => peerUrlOrNothing(peers, 'city'), config.gatewaySecret),
    config.revocationRefreshMs ?? DEFAULT_REVOCATION_REFRESH_MS,
    (error) => logger.warn({ err: (error as Error).message }, 'revocation list not refreshed; the last one stays in force'),
  );
  let revocationNotices: RevocationNotices | undefined;
  if (holdsRevocations) {
    // The city reads its table once, then again only when told of a new row (revocation-notices.ts).
    registerRevocationList(orm.em, revocations);
    if (requestOrm !== orm) registerRevocationList(requestOrm.em, revocations);
    revocationNotices = await listenForRevocations(config.databaseUrl, () => revocations.refresh(), (error) =>
      logger.warn({ err: (error as Error).message }, 'revocation notices interrupted; listening again'),
    );
  } else {
    revocations.start();
  }
  const tokens = withRevocations(
    await createTokenVerifier({ ...config.tokenKeys, jwk: config.tokenKeys?.jwk ?? config.jwtPublicJwk }, config.tokenPolicy),
    revocations,
  );
  const peerVerifier = new PeerVerifier(config.peerKeys?.publicJwks ?? {}, config.peerWindowMs);
  peers.deadlineMs = config.peerDeadlineMs ?? DEFAULT_PEER_DEADLINE_MS;
  const schema = await buildFederatedSchema(definition);
  const limits = config.limits ?? DEFAULT_SUBGRAPH_LIMITS;
  const production = config.production ?? false;
  const app = express();
  // Security headers on every answer and no framework banner; subgraphs serve no pages or browsers.
  app.disable('x-powered-by');
  app.use(helmet());
  const httpServer: Server = createServer(app);
  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema,
    // Inline traces (ftv1) only help when the gateway reports to Apollo Studio, which this
    // platform does not; they cost time on every request, so they stay off.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // No cache hints are set or read here, and the cache-control plugin wraps every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      operationLimitsPlugin<SubgraphContext<Loaders>>({
        limits,
        production,
        isAuthenticated: (context) => context.principal !== null,
        fieldDeadline: true,
      }),
      observabilityPlugin<SubgraphContext<Loaders>>(logger, metrics.requests),
      ...(config.readTrace === false ? [] : [readTracePlugin<SubgraphContext<Loaders>>()]),
    ],
    includeStacktraceInErrorResponses: false,
    // Introspection is decided per caller by the limits plugin (anonymous callers in production
    // mode get none), so Apollo's own NODE_ENV switch must not turn it off for everyone.
    introspection: true,
    hideSchemaDetailsFromClientErrors: production,
    parseOptions: { maxTokens: limits.authenticated.tokens },
    // Errors raised on purpose carry a code; anything else is a bug whose message (SQL, stack
    // details) is for the log (written by the observability plugin), not for the client.
    formatError: (rawFormatted) => {
      const formatted = explainTokenLimit(rawFormatted, limits.authenticated.tokens);
      if (formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR') return formatted;
      return { ...formatted, message: '内部错误 / internal error' };
    },
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: `${definition.name}-subgraph`, pid: process.pid });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await requestOrm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch (error) {
      // The driver's message names the database and host: for the log, not for whoever asks.
      logger.warn({ errorName: (error as Error).name, sqlState: (error as { code?: unknown }).code }, 'not ready: the database does not answer');
      res.status(503).json({ status: 'unavailable', reason: 'database unavailable' });
    }
  });
  watchPool(metrics, requestOrm);
  app.get('/metrics', metricsEndpoint(metrics.registry, config.gatewaySecret));
  if (holdsRevocations) {
    app.get('/revocations', (req, res) => {
      if (!isGatewaySecret(req.header(GATEWAY_SECRET_HEADER), config.gatewaySecret)) {
        res.status(403).json({ error: 'forbidden' });
        return;
      }
      res.json({ revocations: revocations.entries(maxLifetime) });
    });
  }
  app.use(
    '/graphql',
    requestIdMiddleware(),
    (req, res, next) => {
      if (!isGatewaySecret(req.header(GATEWAY_SECRET_HEADER), config.gatewaySecret)) {
        res.status(403).json({
          errors: [{ message: '子图只接受经网关的调用 / subgraphs accept calls only through the gateway', extensions: { code: 'FORBIDDEN' } }],
        });
        return;
      }
      next();
    },
    // Everything that follows, to the last resolver and DataLoader batch, shares one scope holder
    // that the context fills in; the pool gives each statement's connection that scope.
    (_req, _res, next) => runWithScopeHolder(next),
    jsonBody(MAX_SUBGRAPH_REQUEST_BODY_BYTES, { digest: true }),
    // A call that says it comes from a peer must prove it; one that cannot is refused whole.
    (req, res, next) => {
      if (req.header(PEER_HEADER) === undefined) {
        res.locals.peerCaller = null;
        next();
        return;
      }
      const verdict = peerVerifier.verify({
        method: req.method,
        path: req.originalUrl.split('?')[0],
        header: (name) => req.header(name),
        digest: (req as { bodyDigest?: string }).bodyDigest ?? '',
      });
      if (!verdict.ok) {
        log(`peer call refused: ${verdict.reason}`);
        res.status(403).json({
          errors: [{ message: `对等调用未通过验证 / peer call refused: ${verdict.reason}`, extensions: { code: 'FORBIDDEN' } }],
        });
        return;
      }
      res.locals.peerCaller = verdict.level;
      next();
    },
    queryLengthGuard(limits.maxQueryLength),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const principal = await principalFromAuthorization(req.header('authorization'), tokens);
        const em = requestOrm.em.fork();
        const peerCaller = (res.locals.peerCaller as Level | null | undefined) ?? null;
        setRequestScope(databaseScopeOf(principal, peerCaller));
        return {
          em,
          loaders: definition.createLoaders(em),
          principal,
          authorization: req.header('authorization'),
          requestId: res.locals.requestId as string,
          level: definition.name,
          peers,
          peerCaller,
          retentionYears: config.retentionYears ?? DEFAULT_RETENTION_YEARS,
          reads: new Map(),
          idempotency: idempotencyRequest(req.header(IDEMPOTENCY_KEY_HEADER), req.body),
          evidenceQuotaBytes: config.evidenceQuotaBytes ?? DEFAULT_EVIDENCE_QUOTA_BYTES,
        };
      },
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host ?? '127.0.0.1'}:${port}/graphql`;
  log(`serving ${url}`);
  const relayMs = config.crossLevelRelayMs ?? 2_000;
  const stopRelay =
    relayMs > 0 && definition.entities.includes(CrossLevelStepEntity)
      ? startCrossLevelRelay(requestOrm, { level: definition.name, peers, intervalMs: relayMs, pendingGraceMs: config.crossLevelGraceMs, log: (line) => logger.warn(line) })
      : async () => {};
  const sweepMs = config.idempotencySweepMs ?? 3_600_000;
  const stopSweep =
    sweepMs > 0 && definition.entities.includes(IdempotencyKeyEntity)
      ? startIdempotencySweep(orm, {
          intervalMs: sweepMs,
          ttlMs: (config.idempotencyTtlHours ?? DEFAULT_IDEMPOTENCY_TTL_HOURS) * 3_600_000,
          log: (line) => logger.info(line),
        })
      : async () => {};

  return {
    name: definition.name,
    url,
    orm,
    requestOrm,
    metrics,
    peers,
    async stop() {
      revocations.stop();
      await revocationNotices?.stop();
      await stopRelay();
      await stopSweep();
      await apollo.stop();
      await orm.close();
      if (requestOrm !== orm) await requestOrm.close();
    },
  };
}

function peerUrlOrNothing(peers: PeerDirectory, level: Level): string | undefined {
  try {
    return peers.url(level);
  } catch {
    return undefined;
  }
}
