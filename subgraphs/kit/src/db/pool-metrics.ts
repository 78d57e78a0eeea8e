import { Gauge } from 'prom-client';
import type { Orm } from './database';
import type { ServiceMetrics } from './metrics';

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
  max: number;
}

/** The knex (tarn) pool under MikroORM; absent until the first connection is opened. */
function poolOf(orm: Orm): TarnPool | undefined {
  const knex = orm.em.getDriver().getConnection().getKnex() as unknown as { client?: { pool?: TarnPool } };
  return knex.client?.pool;
}

/**
 * Database pool use, read when Prometheus scrapes: connections in use, idle, being opened and
 * requests waiting for one (`db_pool_connections{state}`), and the pool's ceiling.
 */
export function watchPool(metrics: ServiceMetrics, orm: Orm): void {
  new Gauge({
    name: 'db_pool_connections',
    help: 'Connections of the database pool, by state (used, free, pending_create) and requests waiting for one (waiting)',
    labelNames: ['state'],
    registers: [metrics.registry],
    collect() {
      const pool = poolOf(orm);
      this.set({ state: 'used' }, pool?.numUsed() ?? 0);
      this.set({ state: 'free' }, pool?.numFree() ?? 0);
      this.set({ state: 'pending_create' }, pool?.numPendingCreates() ?? 0);
      this.set({ state: 'waiting' }, pool?.numPendingAcquires() ?? 0);
    },
  });
  new Gauge({
    name: 'db_pool_max_connections',
    help: 'The most connections the pool opens',
    registers: [metrics.registry],
    collect() {
      this.set(poolOf(orm)?.max ?? 0);
    },
  });
}
