/**
 * 迁移任务 The migration Job of one level: applies the committed migrations and seeds the
 * division list into that level's database, then exits. The Deployments run with
 * MIGRATE_ON_START=false, so a rollout never races its own schema change; should a Job and a
 * starting replica meet anyway, the advisory lock (`withStartupLock`) lets one of them work.
 *
 *   LEVEL=city DATABASE_URL=postgres://… node infra/deploy/dist/migrate/migrate.js
 */
import { citySubgraph } from '@supervision/city';
import { districtSubgraph } from '@supervision/district';
import { createServiceMetrics, loadConfig, migrate, openDatabase, provisionServiceRole, serviceRoleOf, withStartupLock, type SubgraphDefinition } from '@supervision/kit';
import { streetSubgraph } from '@supervision/street';
import { z } from 'zod';

const DEFINITIONS = {
  city: citySubgraph,
  district: districtSubgraph,
  street: streetSubgraph,
} as Record<string, SubgraphDefinition<unknown>>;

/** Environment of the migration Job. */
export const migrateEnvSchema = z.object({
  LEVEL: z.enum(['city', 'district', 'street']),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  SEED_ON_START: z.enum(['true', 'false']).default('true'),
  // The subgraph's own DATABASE_URL (the service role): given, the job (as the owner) creates the
  // role if missing and grants it row access only, under row-level security (docs/security.md).
  SERVICE_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
});

async function main(): Promise<void> {
  const env = loadConfig('migration job', migrateEnvSchema);
  const definition = DEFINITIONS[env.LEVEL];
  const orm = await openDatabase({
    url: env.DATABASE_URL,
    entities: definition.entities,
    migrations: definition.migrations,
    metrics: createServiceMetrics(`${env.LEVEL}-migrate`),
    log: (line) => console.log(`[${env.LEVEL} migrate] ${line}`),
  });
  try {
    await withStartupLock(orm, async () => {
      const applied = await migrate(orm);
      console.log(`[${env.LEVEL} migrate] applied ${applied.length} migration(s)${applied.length ? `: ${applied.join(', ')}` : ''}`);
      if (env.SERVICE_DATABASE_URL) {
        await provisionServiceRole(orm, serviceRoleOf(env.SERVICE_DATABASE_URL));
        console.log(`[${env.LEVEL} migrate] service role ${serviceRoleOf(env.SERVICE_DATABASE_URL).name} provisioned`);
      }
      if (env.SEED_ON_START === 'true') console.log(`[${env.LEVEL} migrate] ${await orm.em.fork().transactional((em) => definition.seed(em))}`);
    });
  } finally {
    await orm.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`迁移失败 / migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
