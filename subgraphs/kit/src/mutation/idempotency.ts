import { createHash } from 'node:crypto';
import { wrap, type AnyEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal';
import { badUserInput, conflict } from '../errors/graphql-errors';
import type { SubgraphContext } from '../server/context';

/** The header a client sends (through the gateway) to make a create safe to retry. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

const KEY_FORMAT = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * What a mutation's request carries for idempotency: the client's key and the request it came
 * with (its fingerprint). Filled in the subgraph's context; `ordinal` counts the mutations run
 * so far in this request, so each root mutation field of one request has its own slot.
 */
export interface IdempotencyRequest {
  key: string;
  fingerprint: string;
  ordinal: number;
}

export function idempotencyRequest(header: string | undefined, body: unknown): IdempotencyRequest | undefined {
  if (header === undefined) return undefined;
  const { query, variables } = (body ?? {}) as { query?: unknown; variables?: unknown };
  const fingerprint = createHash('sha256').update(JSON.stringify([query ?? null, variables ?? null])).digest('hex');
  return { key: header, fingerprint, ordinal: 0 };
}

interface StoredResult {
  fingerprint: string;
  result_type: string | null;
  result_id: string | null;
  result_json: unknown;
}

function assertKey(key: string): void {
  if (!KEY_FORMAT.test(key)) {
    throw badUserInput('Idempotency-Key', '幂等键须为 1–100 个字母、数字或 ._:- / the Idempotency-Key must be 1–100 letters, digits or ._:-');
  }
}

/**
 * Claims the key for this mutation in the open transaction, or returns the first result.
 * `insert … on conflict do nothing` waits while another transaction holds the same key
 * uncommitted, so of 20 identical calls at once one runs the work and the others, once it has
 * committed, read its result (if it rolled back, the next one claims the key instead).
 */
export async function claimIdempotencyKey(
  em: EntityManager,
  principal: Principal,
  request: IdempotencyRequest,
): Promise<{ claimed: true } | { claimed: false; result: unknown }> {
  assertKey(request.key);
  const claimed = await em.execute<{ key: string }[]>(
    `insert into idempotency_key (subject, key, ordinal, fingerprint, created_at) values (?, ?, ?, ?, now()) on conflict do nothing returning key`,
    [principal.subject, request.key, request.ordinal, request.fingerprint],
  );
  if (claimed.length > 0) return { claimed: true };
  const [stored] = await em.execute<StoredResult[]>(
    `select fingerprint, result_type, result_id, result_json from idempotency_key where subject = ? and key = ? and ordinal = ?`,
    [principal.subject, request.key, request.ordinal],
  );
  return { claimed: false, result: await replay(em, request, stored) };
}

/** Remembers the mutation's result under its key, in the mutation's own transaction. */
export async function storeIdempotentResult(em: EntityManager, principal: Principal, request: IdempotencyRequest, result: unknown): Promise<void> {
  const entity = asEntity(result);
  await em.execute(
    `update idempotency_key set result_type = ?, result_id = ?, result_json = ? where subject = ? and key = ? and ordinal = ?`,
    [
      entity ? entity.type : null,
      entity ? entity.id : null,
      entity ? null : JSON.stringify(result ?? null),
      principal.subject,
      request.key,
      request.ordinal,
    ],
  );
}

/**
 * The first result of a key already used by this principal, before the mutation does anything
 * else (a flow that asks another level first, such as a rectification report, must not ask again).
 * Undefined when the key is new.
 */
export async function priorIdempotentResult(context: SubgraphContext<unknown>, principal: Principal): Promise<{ result: unknown } | undefined> {
  const request = context.idempotency;
  if (!request) return undefined;
  assertKey(request.key);
  const [stored] = await context.em.getConnection().execute<StoredResult[]>(
    `select fingerprint, result_type, result_id, result_json from idempotency_key where subject = ? and key = ? and ordinal = ?`,
    [principal.subject, request.key, request.ordinal],
  );
  if (!stored) return undefined;
  return { result: await replay(context.em, request, stored) };
}

async function replay(em: EntityManager, request: IdempotencyRequest, stored: StoredResult): Promise<unknown> {
  if (stored.fingerprint !== request.fingerprint) {
    throw conflict(`幂等键 ${request.key} 已用于另一请求 / the Idempotency-Key ${request.key} was already used with a different request`);
  }
  if (stored.result_type && stored.result_id) return em.findOne(stored.result_type, stored.result_id);
  return stored.result_json;
}

function asEntity(result: unknown): { type: string; id: string } | undefined {
  if (result === null || typeof result !== 'object') return undefined;
  try {
    const wrapped = wrap(result as AnyEntity, true);
    const meta = wrapped.__meta;
    if (!meta) return undefined;
    return { type: meta.className, id: String(wrapped.getPrimaryKey()) };
  } catch {
    return undefined;
  }
}
