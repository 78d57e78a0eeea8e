import { forbidden, unauthenticated } from '../errors/graphql-errors';
import type { Level } from '../jurisdiction/admin-code';
import type { SubgraphContext } from '../server/context';
import { mayRead, recordKindOfType } from './access-table';
import { namedJurisdiction } from '../jurisdiction/divisions';

type ReferenceResolver = (reference: Record<string, unknown>, context: SubgraphContext<unknown>, info: unknown) => unknown;

/**
 * 实体引用读权限 Every `__resolveReference` of a level (what `_entities` runs, and so every field of
 * another subgraph that hands the gateway an id of this level's record) applies the owner's read
 * rule from the access table, exactly as the root fields do. A refused reference resolves to null
 * with UNAUTHENTICATED / FORBIDDEN on its path; the other references of the same fetch still answer.
 * Under row-level security a record outside the caller's read rule is not even found, so for a
 * signed-in caller it resolves to null like a missing one; this check is the net should a policy
 * ever be looser than the table.
 *
 * Applied once per subgraph, by `defineLevelFeatures`, so no module can add an unguarded one: a
 * type the table does not know stops the subgraph at start-up. Stubs of another level's types
 * (`CityDirective` in the district subgraph) only pass the key on; the fields this level adds to
 * them apply their own rules, and the owner's subgraph guards the record itself.
 */
export function guardReferenceResolvers(
  level: Level,
  referenceResolvers: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const guarded: Record<string, Record<string, unknown>> = {};
  for (const [typeName, fields] of Object.entries(referenceResolvers)) {
    const resolve = fields.__resolveReference as ReferenceResolver | undefined;
    if (!resolve) {
      guarded[typeName] = fields;
      continue;
    }
    const found = recordKindOfType(typeName);
    if (!found) throw new Error(`访问权限表没有 ${typeName} / the access table has no rule for ${typeName}: add its kind to RECORD_KINDS`);
    const { kind, level: ownerLevel } = found;
    if (kind.public || ownerLevel !== level) {
      guarded[typeName] = fields;
      continue;
    }
    guarded[typeName] = {
      ...fields,
      __resolveReference: async (reference: Record<string, unknown>, context: SubgraphContext<unknown>, info: unknown) => {
        // Asked before the lookup: row-level security shows an anonymous caller no record at all.
        if (!context.principal && !context.peerCaller) throw unauthenticated(`需要登录 / sign in: ${typeName} needs a token`);
        const record = (await resolve(reference, context, info)) as Record<string, unknown> | null | undefined;
        // Outside the caller's read rule the database shows no row (row-level security): null, as for a missing one.
        if (!record) return null;
        if (!context.principal) throw unauthenticated(`需要登录 / sign in: ${typeName} needs a token`);
        if (!mayRead(kind, context.principal, record)) {
          throw forbidden(`${namedJurisdiction(context.principal.code)} 无权读取 / ${namedJurisdiction(context.principal.code)} may not read ${typeName} ${String(reference.id ?? reference.code ?? '')}`.trim());
        }
        return record;
      },
    };
  }
  return guarded;
}
