import {
  CheckConstraintViolationException,
  ForeignKeyConstraintViolationException,
  UniqueConstraintViolationException,
  type DriverException,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../errors/graphql-errors';
import type { Principal } from '../auth/principal';
import { appendAudit, type AuditChange } from '../audit/audit-trail';
import type { SubgraphContext } from '../server/context';

export interface MutationScope {
  em: EntityManager;
  /** Records a change in the audit chain, in this same transaction. */
  audit(change: AuditChange): Promise<void>;
}

/**
 * Runs one mutation in one transaction: its writes and their audit entries commit together or
 * not at all, so a refused or failed change leaves neither data nor audit behind.
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
    if (error instanceof UniqueConstraintViolationException) {
      throw badUserInput('input', 'a record with these values already exists');
    }
    if (error instanceof CheckConstraintViolationException || error instanceof ForeignKeyConstraintViolationException) {
      throw badUserInput('input', `the change breaks a rule of the data: ${constraintName(error) ?? 'constraint'}`);
    }
    throw error;
  }
}

function constraintName(error: DriverException): string | undefined {
  return (error as DriverException & { constraint?: string }).constraint;
}

async function transaction<T>(
  context: SubgraphContext<unknown>,
  principal: Principal,
  work: (scope: MutationScope) => Promise<T>,
): Promise<T> {
  return context.em.transactional(async (em) => {
    const scope: MutationScope = {
      em,
      audit: async (change) => {
        await em.flush();
        await appendAudit(em, principal, change);
      },
    };
    const result = await work(scope);
    await em.flush();
    return result;
  });
}
