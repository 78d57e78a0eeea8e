import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Level } from '../jurisdiction/admin-code';
import { CrossLevelStepEntity } from './cross-level-step.entity';

/** Codes a peer gives when it refused on purpose: it took no step, so there is nothing to undo. */
const REFUSED = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED', 'CONFLICT']);

export interface CrossLevelStep {
  /** The local record's id; the remote step is keyed by it too. */
  id: string;
  flow: string;
  targetLevel: Level;
  payload: Record<string, string>;
}

/**
 * A write in two databases as a saga: the remote step first (the other level is the authority
 * and must agree before anything is stored here), then the local transaction. The step is
 * written down in its own committed row *before* the remote call, and deleted inside the local
 * transaction, so exactly one of these holds afterwards: the local record exists (both sides
 * agree), or the row is still there and says the remote step may have to be undone. The undo
 * (`compensate`) is tried at once when the local side fails; when the other level cannot be
 * reached then, the relay (`cross-level-relay.ts`) retries it until it is done. Everything that
 * can be checked locally must be checked before calling this.
 */
export async function runCompensatedStep<R, T>(
  em: EntityManager,
  step: CrossLevelStep,
  remote: () => Promise<R>,
  local: (remoteResult: R, forget: (em: EntityManager) => Promise<void>) => Promise<T>,
  compensate: () => Promise<void>,
): Promise<T> {
  const steps = em.fork();
  await steps.insert(CrossLevelStepEntity, { ...step, state: 'PENDING', attempts: 0, createdAt: new Date() });
  let result: R;
  try {
    result = await remote();
  } catch (error) {
    if (error instanceof GraphQLError && REFUSED.has(String(error.extensions?.code))) {
      await steps.nativeDelete(CrossLevelStepEntity, { id: step.id });
    } else {
      // A timeout or a dropped connection: the other level may have taken the step.
      await markForCompensation(steps, step.id, error);
    }
    throw error;
  }
  try {
    return await local(result, (tx) => tx.nativeDelete(CrossLevelStepEntity, { id: step.id }).then(() => undefined));
  } catch (error) {
    await markForCompensation(steps, step.id, error);
    try {
      await compensate();
      await steps.nativeDelete(CrossLevelStepEntity, { id: step.id });
    } catch {
      // The relay retries; the client still learns why its own write failed.
    }
    throw error;
  }
}

async function markForCompensation(em: EntityManager, id: string, error: unknown): Promise<void> {
  try {
    await em.nativeUpdate(CrossLevelStepEntity, { id }, { state: 'COMPENSATE', lastError: describe(error) });
  } catch {
    // The database itself is failing; the PENDING row is picked up by age instead.
  }
}

export function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
