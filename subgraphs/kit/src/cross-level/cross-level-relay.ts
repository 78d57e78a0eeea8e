import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { levelOfCode, type Level } from '../jurisdiction/admin-code';
import type { PeerDirectory } from '../peer/peer-client';
import { describe } from './compensated-step';
import { CROSS_LEVEL_FLOWS } from './cross-level-flows';
import { CrossLevelStepEntity } from './cross-level-step.entity';

export interface RelayPass {
  /** Steps found done after all (the local record exists). */
  confirmed: number;
  /** Remote steps undone. */
  compensated: number;
  /** Steps that failed again and wait for their next attempt. */
  failed: number;
}

export interface RelayOptions {
  level: Level;
  peers: PeerDirectory;
  /** A PENDING step older than this has outlived its request (default 60 s: far beyond every deadline). */
  pendingGraceMs?: number;
  batch?: number;
}

const MAX_BACKOFF_MS = 60_000;

/**
 * One pass of the relay: every step marked COMPENSATE, and every PENDING step whose request must
 * be long over (a crash between the steps), is checked and undone where the local record is
 * missing. Rows are locked (`skip locked`), so two passes — or two processes — never handle the
 * same step at once; the undo is idempotent on the other side anyway. A failed undo is retried
 * later with a doubling wait, up to a minute.
 */
export async function relayCrossLevelSteps(orm: MikroORM, options: RelayOptions): Promise<RelayPass> {
  const pass: RelayPass = { confirmed: 0, compensated: 0, failed: 0 };
  const graceMs = options.pendingGraceMs ?? 60_000;
  await orm.em.fork().transactional(async (em) => {
    const connection = em.getConnection();
    const transaction = em.getTransactionContext();
    // Under row-level security (the service role) the relay is nobody's request: for this
    // transaction only it may see every pending step, and it checks each step's local record with
    // the scope of the jurisdiction whose request took the step. The owner ignores both settings.
    await connection.execute(`select set_config('app.relay', 'on', true)`, [], 'all', transaction);
    const steps = await em
      .createQueryBuilder(CrossLevelStepEntity)
      .where({ $or: [{ state: 'COMPENSATE' }, { createdAt: { $lt: new Date(Date.now() - graceMs) } }] })
      .andWhere({ $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: new Date() } }] })
      .orderBy({ createdAt: 'asc' })
      .limit(options.batch ?? 20)
      .setLockMode(LockMode.PESSIMISTIC_PARTIAL_WRITE)
      .getResultList();
    for (const step of steps) {
      const flow = CROSS_LEVEL_FLOWS[step.flow];
      if (!flow) continue;
      try {
        await connection.execute(
          `select set_config('app.level', ?, true), set_config('app.code', ?, true)`,
          [levelOfCode(step.ownerCode) ?? '', step.ownerCode],
          'all',
          transaction,
        );
        if (await flow.localRecordExists(em, step)) {
          pass.confirmed += 1;
        } else {
          await flow.compensate({ em, loaders: {}, principal: null, level: options.level, peers: options.peers }, { ...step, targetLevel: step.targetLevel as Level });
          pass.compensated += 1;
        }
        em.remove(step);
      } catch (error) {
        pass.failed += 1;
        step.attempts += 1;
        step.state = 'COMPENSATE';
        step.lastError = describe(error);
        step.nextAttemptAt = new Date(Date.now() + Math.min(MAX_BACKOFF_MS, 500 * 2 ** step.attempts));
      }
    }
  });
  return pass;
}

/** Runs the relay every `intervalMs` until stopped; a pass that fails is logged and the next one tries again. */
export function startCrossLevelRelay(orm: MikroORM, options: RelayOptions & { intervalMs: number; log: (line: string) => void }): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = relayCrossLevelSteps(orm, options)
      .then((pass) => {
        if (pass.compensated + pass.confirmed + pass.failed > 0) log(options, pass);
      })
      .catch((error: unknown) => options.log(`cross-level relay pass failed: ${describe(error)}`));
  }, options.intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

function log(options: { log: (line: string) => void }, pass: RelayPass): void {
  options.log(`cross-level relay: ${pass.compensated} undone, ${pass.confirmed} confirmed, ${pass.failed} to retry`);
}
