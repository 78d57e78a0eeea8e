import { join } from 'node:path';
import { ensureLocalSecrets, loadConfig, peerKeysFor, portSchema, postgresUrlSchema, serviceDatabaseUrl } from '@supervision/kit';
import { z } from 'zod';
import { startEmbeddedCluster, type EmbeddedCluster } from './embedded-postgres';
import { PGDATA_DIR, REPO_ROOT, SECRETS_DIR } from './paths';
import { DEFAULT_BACKOFF, Supervisor } from './processes';

const launcherEnvSchema = z.object({
  GATEWAY_PORT: portSchema.default(4000),
  CITY_PORT: portSchema.default(4001),
  DISTRICT_PORT: portSchema.default(4002),
  STREET_PORT: portSchema.default(4003),
  EMBEDDED_PG_PORT: portSchema.default(54329),
  /** Give all three to use an existing PostgreSQL; otherwise an embedded cluster is started. */
  CITY_DATABASE_URL: postgresUrlSchema.optional(),
  DISTRICT_DATABASE_URL: postgresUrlSchema.optional(),
  STREET_DATABASE_URL: postgresUrlSchema.optional(),
  /** Where the generated key pair and gateway secret live (tests use a throwaway folder). */
  SECRETS_DIR: z.string().default(SECRETS_DIR),
  RESTART_BACKOFF_MS: z.coerce.number().int().min(10).max(60_000).default(DEFAULT_BACKOFF.initialMs),
  RESTART_BACKOFF_MAX_MS: z.coerce.number().int().min(10).max(600_000).default(DEFAULT_BACKOFF.maxMs),
});

const SUBGRAPHS = ['city', 'district', 'street'] as const;

/**
 * Runs the whole platform on one machine: secrets, PostgreSQL, the three subgraphs and the
 * gateway, each subgraph in its own process with its own database, as they would be deployed.
 * A service that crashes is restarted alone, with backoff; the rest keep serving.
 */
async function main(): Promise<void> {
  const env = loadConfig('launcher', launcherEnvSchema);
  const startedAt = Date.now();
  const secrets = await ensureLocalSecrets(env.SECRETS_DIR);
  const supervisor = new Supervisor({
    backoff: { ...DEFAULT_BACKOFF, initialMs: env.RESTART_BACKOFF_MS, maxMs: Math.max(env.RESTART_BACKOFF_MS, env.RESTART_BACKOFF_MAX_MS) },
  });
  let cluster: EmbeddedCluster | undefined;
  let stopping = false;

  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    console.log('[launcher] stopping…');
    await supervisor.stopAll();
    await cluster?.stop();
    console.log('[launcher] stopped');
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    const given = { city: env.CITY_DATABASE_URL, district: env.DISTRICT_DATABASE_URL, street: env.STREET_DATABASE_URL };
    const databaseUrls = { ...given };
    if (SUBGRAPHS.some((name) => !given[name])) {
      cluster = await startEmbeddedCluster({ dataDir: PGDATA_DIR, port: env.EMBEDDED_PG_PORT });
      console.log(`[launcher] embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT}, data in .local/pgdata`);
      for (const name of SUBGRAPHS) databaseUrls[name] ??= `${cluster.serverUrl}/supervision_${name}`;
    }
    const ports = { city: env.CITY_PORT, district: env.DISTRICT_PORT, street: env.STREET_PORT };
    const common = { GATEWAY_SECRET: secrets.gatewaySecret, JWT_PUBLIC_JWK: JSON.stringify(secrets.publicJwk) };
    const subgraphUrls = {
      CITY_SUBGRAPH_URL: `http://127.0.0.1:${ports.city}/graphql`,
      DISTRICT_SUBGRAPH_URL: `http://127.0.0.1:${ports.district}/graphql`,
      STREET_SUBGRAPH_URL: `http://127.0.0.1:${ports.street}/graphql`,
    };

    await Promise.all(
      SUBGRAPHS.map((name) =>
        supervisor.start({
          name: `${name} subgraph`,
          script: join(REPO_ROOT, 'subgraphs', name, 'dist', 'main.js'),
          env: {
            ...common,
            ...subgraphUrls,
            // The local platform starts as a living city unless told otherwise.
            SEED_DEMO_DATA: process.env.SEED_DEMO_DATA ?? 'true',
            PORT: String(ports[name]),
            // Requests run as a role that owns nothing, under row-level security; the owner only migrates and seeds.
            DATABASE_URL: serviceDatabaseUrl(databaseUrls[name]!),
            DATABASE_ADMIN_URL: databaseUrls[name]!,
            // Each subgraph signs its peer calls with its own key and checks the others' with theirs.
            PEER_PRIVATE_JWK: JSON.stringify(secrets.peerKeyPairs[name].privateJwk),
            PEER_PUBLIC_JWKS: JSON.stringify(peerKeysFor(name, secrets.peerKeyPairs).publicJwks),
          },
          readyUrl: `http://127.0.0.1:${ports[name]}/ready`,
        }),
      ),
    );
    await supervisor.start({
      name: 'gateway',
      script: join(REPO_ROOT, 'gateway', 'dist', 'main.js'),
      env: { ...common, PORT: String(env.GATEWAY_PORT), ...subgraphUrls },
      readyUrl: `http://127.0.0.1:${env.GATEWAY_PORT}/ready`,
    });

    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(`
主体责任动态监管平台 is running (started in ${seconds}s)
  GraphQL endpoint  http://127.0.0.1:${env.GATEWAY_PORT}/graphql
  GraphiQL          http://127.0.0.1:${env.GATEWAY_PORT}/
  Dashboard 工作台  http://127.0.0.1:${env.GATEWAY_PORT}/app/  (sign in with a token)
  a token           npm run token -- --level district --code 120117 --role admin
A service that crashes is restarted on its own. Press Ctrl-C to stop.`);
  } catch (error) {
    console.error(`[launcher] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
