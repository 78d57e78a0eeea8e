import { getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { forbidden, unauthenticated } from '../errors/graphql-errors';
import type { SubgraphContext } from '../server/context';
import { mayRead, recordKindOfType, type RecordKind } from './access-table';
import { namedJurisdiction } from '../jurisdiction/divisions';

type AnyRecord = Record<string, unknown>;

function assertReadable(kind: RecordKind, typeName: string, value: unknown, context: SubgraphContext<unknown>): void {
  if (!value || typeof value !== 'object') return;
  const record = value as AnyRecord;
  // A key-only stub of another subgraph's record carries nothing to leak; its owner's reference resolver guards it.
  if (!kind.ownerCode?.(record)) return;
  // A signed call of another level's subgraph acting for no person (the cross-level relay undoing
  // a step) reaches only peer-only operations, which decide themselves what that caller may do.
  if (!context.principal && context.peerCaller) return;
  if (!context.principal) throw unauthenticated(`需要登录 / sign in: ${typeName} needs a token`);
  if (!mayRead(kind, context.principal, record)) throw forbidden(`${namedJurisdiction(context.principal.code)} 无权读取 / ${namedJurisdiction(context.principal.code)} may not read ${typeName} ${String(record.id ?? '')}`.trim());
}

/**
 * 字段读权限 Every field of a subgraph whose type is a jurisdiction-owned record (a contact's unit,
 * a finding's check, a list's nodes …) applies the record's read rule from the access table to what
 * it returns, as `guardReferenceResolvers` does for `_entities`: a field that would hand a reader
 * another jurisdiction's record answers FORBIDDEN on its path instead. Root fields already check,
 * and lists below them are already filtered, so for them this never fires; it is the net under a
 * field that forgot, or under rows written before a write-time check existed.
 *
 * Only record-typed fields are wrapped (once, at start-up), so scalar fields pay nothing.
 */
export function guardRecordFields(schema: GraphQLSchema, resolvers: Record<string, Record<string, unknown>>): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields = resolvers[type.name];
    if (!fields) continue;
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const returned = getNamedType(field.type);
      if (!isObjectType(returned)) continue;
      const found = recordKindOfType(returned.name);
      if (!found || found.kind.public) continue;
      const own = fields[fieldName] as GraphQLFieldResolver<unknown, SubgraphContext<unknown>> | undefined;
      if (own !== undefined && typeof own !== 'function') continue;
      // A plain property (no resolver of its own) reads the parent's value, as GraphQL's default resolver does.
      const resolve: GraphQLFieldResolver<unknown, SubgraphContext<unknown>> = own ?? ((source) => (source as AnyRecord | null)?.[fieldName]);
      const { kind } = found;
      fields[fieldName] = async (...args: Parameters<GraphQLFieldResolver<unknown, SubgraphContext<unknown>>>) => {
        const value: unknown = await resolve(...args);
        const context = args[2];
        if (Array.isArray(value)) for (const item of value) assertReadable(kind, returned.name, item, context);
        else assertReadable(kind, returned.name, value, context);
        return value;
      };
    }
  }
}
