import { randomUUID } from 'node:crypto';
import { citySubgraph } from '@supervision/city';
import { districtSubgraph } from '@supervision/district';
import { startGateway, type RunningGateway } from '@supervision/gateway';
import {
  ephemeralSecrets,
  serviceDatabaseUrl,
  peerKeysFor,
  signToken,
  startSubgraph,
  type CryptoSettings,
  type Level,
  type LocalSecrets,
  type LogLevel,
  type TokenKeySource,
  type RunningSubgraph,
  type TokenRequest,
} from '@supervision/kit';
import { streetSubgraph } from '@supervision/street';

export interface TestPlatform {
  gateway: RunningGateway;
  subgraphs: { city: RunningSubgraph; district: RunningSubgraph; street: RunningSubgraph };
  secrets: LocalSecrets;
  /** The owners' URLs of this platform's databases (unique per platform); requests run as the service role beside them. */
  databaseUrls: { city: string; district: string; street: string };
  token(request: Partial<TokenRequest> & Pick<TokenRequest, 'level' | 'code' | 'roles'>): Promise<string>;
  stop(): Promise<void>;
}

export function testServerUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error('TEST_POSTGRES_URL is not set: run the tests through jest (globalSetup starts PostgreSQL)');
  return url;
}

/** Fresh, uniquely named databases for one test file, so files never see each other's rows. */
export function uniqueDatabaseUrls(): TestPlatform['databaseUrls'] {
  const id = randomUUID().replace(/-/g, '').slice(0, 12);
  const server = testServerUrl();
  return {
    city: `${server}/t_${id}_city`,
    district: `${server}/t_${id}_district`,
    street: `${server}/t_${id}_street`,
  };
}

/**
 * TEST_LOG=1 shows the services' own log lines and their JSON logs (internal errors among them,
 * logged by the observability plugin); LOG_LEVEL=debug adds the SQL of failed statements.
 */
const quiet = process.env.TEST_LOG ? (line: string) => console.log(line) : () => {};
const testLogLevel: LogLevel | undefined = process.env.TEST_LOG ? (process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info') : undefined;

/**
 * The real platform in this process: three subgraphs and the gateway on free ports, real HTTP
 * between them, real PostgreSQL behind each subgraph. Only the launcher's child processes are
 * left out, so that tests can read each subgraph's SQL counter.
 */
export async function startTestPlatform(
  options: {
    databaseUrls?: TestPlatform['databaseUrls'];
    secrets?: LocalSecrets;
    seedDemo?: boolean;
    /** Per-jurisdiction evidence quota of every level (default 2 GiB). */
    evidenceQuotaBytes?: number;
    /** Per-level cryptography (hash of chains, evidence keys); default SHA-256 and unsealed evidence. */
    cryptography?: Partial<Record<Level, CryptoSettings>>;
    /** Token keys trusted beside the platform's own (an SM2 key set, a JWKS URL). */
    tokenKeys?: TokenKeySource;
    /** How often the gateway and the subgraphs fetch the token deny-list (default 5 s). */
    revocationRefreshMs?: number;
    /** Benchmark only: false leaves reads untraced (the read-trace scenario's other side). */
    readTrace?: boolean;
  } = {},
): Promise<TestPlatform> {
  const secrets = options.secrets ?? (await ephemeralSecrets());
  const databaseUrls = options.databaseUrls ?? uniqueDatabaseUrls();
  const common = {
    port: 0,
    gatewaySecret: secrets.gatewaySecret,
    jwtPublicJwk: secrets.publicJwk,
    seedDemo: options.seedDemo ?? false,
    evidenceQuotaBytes: options.evidenceQuotaBytes,
    log: quiet,
    ...(testLogLevel ? { logLevel: testLogLevel } : {}),
    tokenKeys: options.tokenKeys ? { ...options.tokenKeys, jwk: secrets.publicJwk } : undefined,
    revocationRefreshMs: options.revocationRefreshMs,
    readTrace: options.readTrace,
    // Tests run the cross-level relay's passes themselves (relayCrossLevelSteps), so they know when it ran.
    crossLevelRelayMs: 0,
  };
  const crypto = options.cryptography ?? {};
  const [city, district, street] = await Promise.all([
    startSubgraph(citySubgraph, { ...common, databaseUrl: serviceDatabaseUrl(databaseUrls.city), adminDatabaseUrl: databaseUrls.city, peerKeys: peerKeysFor('city', secrets.peerKeyPairs), cryptography: crypto.city }),
    startSubgraph(districtSubgraph, { ...common, databaseUrl: serviceDatabaseUrl(databaseUrls.district), adminDatabaseUrl: databaseUrls.district, peerKeys: peerKeysFor('district', secrets.peerKeyPairs), cryptography: crypto.district }),
    startSubgraph(streetSubgraph, { ...common, databaseUrl: serviceDatabaseUrl(databaseUrls.street), adminDatabaseUrl: databaseUrls.street, peerKeys: peerKeysFor('street', secrets.peerKeyPairs), cryptography: crypto.street }),
  ]);
  // Ports are chosen by the OS, so each subgraph learns the others' addresses once all listen.
  for (const running of [city, district, street]) {
    running.peers.set('city', city.url);
    running.peers.set('district', district.url);
    running.peers.set('street', street.url);
  }
  const gateway = await startGateway({
    ...common,
    // Tests and benchmarks send thousands of requests from one address; test/security checks the limits on a gateway of its own.
    rateLimits: { perAddress: 0, perPrincipal: 0, windowSeconds: 60 },
    subgraphUrls: { city: city.url, district: district.url, street: street.url },
  });
  return {
    gateway,
    subgraphs: { city, district, street },
    secrets,
    databaseUrls,
    token: (request) =>
      signToken({ subject: `test-${request.level}-${request.code}`, ...request }, secrets.privateJwk),
    async stop() {
      await gateway.stop();
      await Promise.all([city.stop(), district.stop(), street.stop()]);
    },
  };
}

export interface GraphQLResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A GraphQL call over HTTP, as a front-end app would make it. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}
