import type { ApolloServerPlugin } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canonicalJson } from '../audit/canonical-json';
import { GENESIS_HASH } from '../audit/audit-trail';
import type { Principal } from '../auth/principal';
import { cryptoSettingsOf } from '../crypto/crypto-settings';
import { digestHex } from '../crypto/digest';
import type { SubgraphContext } from '../server/context';
import { ReadTraceEntity, type ReadRecord } from './read-trace.entity';

/** Any constant key, other than the audit chain's: it serialises writers of one database's read trace. */
const READ_TRACE_LOCK = 7_201_001;

/**
 * Notes that this request read a protected record. Resolvers call it; nothing is written until
 * the request ends, when everything the request read in this level becomes one row.
 */
export function traceRead(context: SubgraphContext<unknown>, type: string, id: string, ownerCode: string): void {
  if (!context.principal || !context.reads) return;
  context.reads.set(`${type}:${id}`, { type, id, ownerCode });
}

type Hashed = Omit<ReadTraceEntity, 'seq' | 'hash'>;

export function hashReadTrace(entry: Hashed): string {
  const body = canonicalJson({
    at: entry.at.toISOString(),
    actorSubject: entry.actorSubject,
    actorLevel: entry.actorLevel,
    actorCode: entry.actorCode,
    actorRoles: entry.actorRoles,
    operation: entry.operation,
    requestId: entry.requestId,
    records: entry.records,
  });
  return digestHex(entry.algorithm, entry.prevHash, body);
}

/** One insert for the request: every record read, chained to the previous row under an advisory lock. */
export async function writeReadTrace(
  em: EntityManager,
  principal: Principal,
  records: ReadRecord[],
  meta: { operation: string | null; requestId: string | null },
): Promise<void> {
  await em.fork().transactional(async (tx) => {
    const connection = tx.getConnection();
    const transaction = tx.getTransactionContext();
    await connection.execute('select pg_advisory_xact_lock(?)', [READ_TRACE_LOCK], 'all', transaction);
    const last = (await connection.execute<{ hash: string }>('select read_trace_tail() as "hash"', [], 'get', transaction)) as
      | { hash: string }
      | undefined;
    const entry: Hashed = {
      at: new Date(),
      actorSubject: principal.subject,
      actorLevel: principal.level,
      actorCode: principal.code,
      actorRoles: [...principal.roles],
      operation: meta.operation?.slice(0, 200) ?? null,
      requestId: meta.requestId?.slice(0, 200) ?? null,
      records,
      algorithm: cryptoSettingsOf(tx).digestAlgorithm,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    tx.create(ReadTraceEntity, { ...entry, hash: hashReadTrace(entry) });
  });
}

/**
 * Writes the request's read trace before its answer leaves: a read whose trace could not be
 * written is not answered (the error is logged and the request fails), so no read goes untraced.
 */
export function readTracePlugin<C extends SubgraphContext<unknown>>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName }) {
          const reads = contextValue.reads;
          if (!contextValue.principal || !reads || reads.size === 0) return;
          await writeReadTrace(contextValue.em, contextValue.principal, [...reads.values()], {
            operation: operationName ?? null,
            requestId: contextValue.requestId ?? null,
          });
          reads.clear();
        },
      };
    },
  };
}
