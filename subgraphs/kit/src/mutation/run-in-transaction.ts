import {
  CheckConstraintViolationException,
  ForeignKeyConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
  type DriverException,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, conflict, failedPrecondition } from '../errors/graphql-errors';
import { uniqueViolationError } from '../errors/unique-violation';
import type { Principal } from '../auth/principal';
import { appendAudit, type AuditChange } from '../audit/audit-trail';
import type { SubgraphContext } from '../server/context';
import { claimIdempotencyKey, storeIdempotentResult } from './idempotency';

export interface MutationScope {
  em: EntityManager;
  /** Records a change in the audit chain, in this same transaction. */
  audit(change: AuditChange): Promise<void>;
}

/**
 * Runs one mutation in one transaction: its writes and their audit entries commit together or
 * not at all, so a refused or failed change leaves neither data nor audit behind.
 *
 * With an `Idempotency-Key` (header, forwarded by the gateway) the key is claimed in the same
 * transaction, scoped to the principal: a retry with the same key and the same request gets the
 * first result (the record as it is now) without running the work again; the same key with a
 * different request is a CONFLICT. Every mutation that writes through here takes part.
 */
export async function runInTransaction<T>(
  context: SubgraphContext<unknown>,
  principal: Principal,
  work: (scope: MutationScope) => Promise<T>,
): Promise<T> {
  try {
    return await transaction(context, principal, work);
  } catch (error) {
    // The database's own constraints are the last line of defence; their violations are still
    // the caller's mistake and get a readable answer instead of an internal error.
    if (error instanceof OptimisticLockError) {
      throw conflict('记录已被他人修改 / the record was changed by someone else meanwhile: read it again and retry');
    }
    if (error instanceof UniqueConstraintViolationException) {
      throw await uniqueViolationError(context.em, error);
    }
    if (error instanceof CheckConstraintViolationException || error instanceof ForeignKeyConstraintViolationException) {
      throw badUserInput('input', `更改违反数据规则 / the change breaks a rule of the data: ${constraintName(error) ?? 'constraint'}`);
    }
    const refusal = keptRecordRefusal(error);
    if (refusal) throw failedPrecondition(refusal);
    throw error;
  }
}

/**
 * The message of the database's `keep_referenced_records` trigger (SQLSTATE 55000): a record the
 * audit trail or a case's basis names, or an archived one, cannot be deleted. Written bilingual by
 * the trigger, naming the table and the id.
 */
export function keptRecordRefusal(error: unknown): string | undefined {
  for (let current = error as { code?: unknown; message?: unknown; previous?: unknown; cause?: unknown } | undefined; current; current = (current.previous ?? current.cause) as typeof current) {
    if (current.code === '55000' && typeof current.message === 'string' && current.message.includes('不能删除')) {
      return current.message.slice(current.message.indexOf('不能删除'));
    }
  }
  return undefined;
}

function constraintName(error: DriverException): string | undefined {
  return (error as DriverException & { constraint?: string }).constraint;
}

async function transaction<T>(
  context: SubgraphContext<unknown>,
  principal: Principal,
  work: (scope: MutationScope) => Promise<T>,
): Promise<T> {
  const idempotency = context.idempotency ? { ...context.idempotency } : undefined;
  // Each mutation of one request has its own slot under the key (fields run one after another).
  if (context.idempotency) context.idempotency.ordinal += 1;
  return context.em.transactional(async (em) => {
    if (idempotency) {
      const claim = await claimIdempotencyKey(em, principal, idempotency);
      if (!claim.claimed) return claim.result as T;
    }
    const scope: MutationScope = {
      em,
      audit: async (change) => {
        await em.flush();
        await appendAudit(em, principal, change);
      },
    };
    const result = await work(scope);
    await em.flush();
    if (idempotency) await storeIdempotentResult(em, principal, idempotency, result);
    return result;
  });
}
