import type { MikroORM } from '@mikro-orm/postgresql';

/** How long a key is remembered by default: a week, far beyond any client's retry window. */
export const DEFAULT_IDEMPOTENCY_TTL_HOURS = 7 * 24;

export interface IdempotencySweepOptions {
  /** Keys claimed longer ago than this are forgotten (a retry after that runs the mutation again). */
  ttlMs: number;
  /** Rows deleted per statement, so one sweep never holds a long lock over a large table. */
  batch?: number;
}

/**
 * Deletes the idempotency keys older than the TTL, in batches (the `created_at` index finds
 * them), and returns how many went. A key still being claimed is younger than any TTL, and a
 * row locked by a running mutation is skipped, so a sweep never waits for or races a mutation.
 */
export async function sweepIdempotencyKeys(orm: MikroORM, options: IdempotencySweepOptions): Promise<number> {
  const batch = options.batch ?? 5_000;
  const before = new Date(Date.now() - options.ttlMs);
  let removed = 0;
  for (;;) {
    const rows = await orm.em.fork().getConnection().execute<{ deleted: string }[]>(
      `with old as (
         select ctid from idempotency_key where created_at < ? order by created_at limit ? for update skip locked
       ), gone as (delete from idempotency_key where ctid in (select ctid from old) returning 1)
       select count(*) as deleted from gone`,
      [before, batch],
    );
    const deleted = Number(rows[0]?.deleted ?? 0);
    removed += deleted;
    if (deleted < batch) return removed;
  }
}

/** Runs the sweep every `intervalMs` until stopped; a failed sweep is logged and the next one tries again. */
export function startIdempotencySweep(
  orm: MikroORM,
  options: IdempotencySweepOptions & { intervalMs: number; log: (line: string) => void },
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = sweepIdempotencyKeys(orm, options)
      .then((removed) => {
        if (removed > 0) options.log(`idempotency keys: ${removed} older than ${Math.round(options.ttlMs / 3_600_000)} h removed`);
      })
      .catch((error: unknown) => options.log(`idempotency key sweep failed: ${(error as Error).name}`));
  };
  const timer = setInterval(sweep, options.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
