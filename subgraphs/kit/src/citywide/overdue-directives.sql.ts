import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Level } from '../jurisdiction/admin-code';
import { levelTypeName } from '../level/level-names';
import { scopeCondition } from './citywide-scope';
import { decodeCursor } from './keyset';

/** A directive past its deadline as its issuing level reports it: its key, and whom it was sent to. */
export interface OverdueDirectiveKey {
  typename: string;
  id: string;
  issuerCode: string;
  deadline: string;
  targetCodes: string[];
  daysOverdue: number;
}

export interface OverdueDirectivesRequest {
  scope: string[];
  first: number;
  after: string | null;
  today: string;
}

/**
 * 逾期指令 One issuing level's directives whose deadline has passed, oldest deadline first, after
 * the cursor, at most `first` — ONE statement. Whether the addressees completed them is the
 * answering levels' business (`completedAddressees`).
 */
export async function selectOverdueDirectiveKeys(em: EntityManager, level: Level, request: OverdueDirectivesRequest): Promise<OverdueDirectiveKey[]> {
  if (level === 'street') return [];
  const knex = em.getKnex();
  const where = scopeCondition(request.scope, '"t"."issuer_code"');
  const query = knex('directive as t')
    .select(
      knex.raw(`"t"."id"::text as "id", "t"."issuer_code" as "issuerCode", to_char("t"."deadline", 'YYYY-MM-DD') as "deadline",
                "t"."target_codes" as "targetCodes", (?::date - "t"."deadline") as "daysOverdue"`, [request.today]),
    )
    .whereRaw(where.sql, where.bindings)
    .whereRaw(`"t"."deadline" < ?::date`, [request.today]);
  const cursor = decodeCursor(request.after);
  if (cursor) query.whereRaw(`(to_char("t"."deadline", 'YYYY-MM-DD'), "t"."id") > (?, ?::uuid)`, [String(cursor.sortValue), cursor.id]);
  query.orderByRaw(`"t"."deadline" asc, "t"."id" asc`).limit(request.first);
  const rows: Omit<OverdueDirectiveKey, 'typename'>[] = await em.getConnection().execute(query);
  return rows.map((row) => ({ ...row, typename: levelTypeName(level, 'Directive') }));
}

function uuidArray(knex: Knex, values: readonly string[]): Knex.Raw {
  return knex.raw(`array[${values.map(() => '?').join(', ')}]::uuid[]`, [...values]);
}

/** Which of these directives' addressees answered COMPLETED at this level: ONE statement for the page. */
export async function selectCompletedAddressees(
  em: EntityManager,
  directiveIds: readonly string[],
): Promise<{ directiveId: string; responderCode: string }[]> {
  if (directiveIds.length === 0) return [];
  const knex = em.getKnex();
  return em.getConnection().execute(
    knex.raw(
      `select "directive_id"::text as "directiveId", "responder_code" as "responderCode"
       from "directive_response" where "directive_id" = any(?) and "status" = 'COMPLETED'`,
      [uuidArray(knex, directiveIds)],
    ),
  );
}
