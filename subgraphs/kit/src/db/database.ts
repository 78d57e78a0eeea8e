import { DefaultLogger, type AnyEntity, type EntityClass, type LoggerOptions, type LogContext, type MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type PostgreSqlConnection } from '@mikro-orm/postgresql';
import { PLATFORM_TIME_ZONE } from '../calendar/calendar-date';
import type { ServiceMetrics } from './metrics';

export type Orm = MikroORM;

export interface DatabaseOptions {
  /** postgres://user:password@host:port/database — the database is created if it is missing. */
  url: string;
  entities: EntityClass<AnyEntity>[];
  /** Committed migrations, listed explicitly so the same list runs from `dist` and under ts-jest. */
  migrations: MigrationObject[];
  metrics: ServiceMetrics;
  /** Print every SQL statement (SQL_DEBUG=true). */
  debug?: boolean;
  poolSize?: number;
  /** Where the ORM's own messages (migrations applied, SQL when debugging) go. */
  log?: (line: string) => void;
  /** Where the pool's warnings go (a connection PostgreSQL ended, which the pool then replaces). */
  poolLog?: { warn(message: string): void; error(message: string): void };
}

/**
 * MikroORM reports every statement to its logger, whether or not query logging is on; counting
 * there gives an exact number of round trips, which the N+1 tests and benchmarks rely on.
 */
class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly metrics: ServiceMetrics,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    this.metrics.sqlStatements.inc();
    super.logQuery(context);
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Orm> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: options.url,
    entities: options.entities,
    extensions: [Migrator],
    migrations: { migrationsList: options.migrations, transactional: true, allOrNothing: true, snapshot: false },
    // Each request works on its own fork; touching the global manager is a bug worth failing on.
    allowGlobalContext: false,
    connect: false,
    debug: options.debug ? ['query', 'query-params'] : false,
    ...(options.log ? { logger: options.log } : {}),
    colors: false,
    loggerFactory: (loggerOptions) => new CountingLogger(loggerOptions, options.metrics),
    pool: {
      min: 0,
      max: options.poolSize ?? 10,
      // Every session works in the platform's time zone, so SQL's current_date is the same
      // Tianjin day as the services' own "today" (overdue counts and overdue flags agree).
      afterCreate: (connection: { query(sql: string, done: (error?: Error) => void): void }, done: (error?: Error) => void) =>
        connection.query(`set time zone '${PLATFORM_TIME_ZONE}'`, done),
    },
    discovery: { warnWhenNoEntities: false },
    // knex prints its warnings with console.log; sent to the service's logger they stay JSON.
    ...(options.poolLog
      ? { driverOptions: { log: { warn: options.poolLog.warn, error: options.poolLog.error, debug: () => {}, deprecate: options.poolLog.warn } } }
      : {}),
  });
  // ensureDatabase opens the pool itself (reconnecting after a CREATE DATABASE); calling
  // orm.connect() as well would open a second pool and leak the first.
  await ensureDatabaseExists(orm);
  return orm;
}

/**
 * Replicas of a subgraph may start at the same moment against a server without their
 * database: each sees it missing, one CREATE DATABASE wins and the other fails on the unique
 * name. The loser simply connects to the winner's database.
 */
async function ensureDatabaseExists(orm: Orm): Promise<void> {
  const dbName = orm.config.get('dbName');
  try {
    await orm.schema.ensureDatabase({ create: false });
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 42P04 duplicate_database; 23505 when the race is lost inside the catalog's unique index.
    if (code !== '42P04' && code !== '23505') throw error;
    orm.config.set('dbName', dbName);
    await orm.reconnect();
  }
}

/** Any fixed number: advisory locks are per database, so each level's database has its own. */
const STARTUP_LOCK_KEY = 2026_1127;

/**
 * Runs migrations and seeding under a PostgreSQL advisory lock, so that replicas starting
 * together against one database apply each migration exactly once: the second waits, then
 * finds nothing left to do. The lock is held by a transaction of its own (released at its end,
 * or when the connection drops with a crashed replica); the work runs on other connections.
 */
export async function withStartupLock<T>(orm: Orm, work: () => Promise<T>): Promise<T> {
  const knex = (orm.em.getConnection() as PostgreSqlConnection).getKnex();
  return knex.transaction(async (lock) => {
    await lock.raw('select pg_advisory_xact_lock(?)', [STARTUP_LOCK_KEY]);
    return work();
  });
}

/** Applies the committed migrations that have not run yet; tables are never made by schema sync. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((migration) => migration.name);
}
