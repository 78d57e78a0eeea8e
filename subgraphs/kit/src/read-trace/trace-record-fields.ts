import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { recordKindOfType } from '../authz/access-table';
import type { SubgraphContext } from '../server/context';
import { traceRead } from './read-trace';

type Resolver = GraphQLFieldResolver<unknown, SubgraphContext<unknown>>;

/**
 * The protected records whose every read is traced (访问留痕): a duty record (by id, in a
 * jurisdiction's or cadre's list, as a task's or item's records, among another version's
 * `versions`, in the city-wide list), a finding, an interview (with its follow-ups) and an
 * accountability case (whose basis is a field of the case). A list is one entry per record in
 * the request's one row, so a page of duty records costs the same trace write as one record.
 * Evidence files are traced by the resolver that returns their content.
 */
export const TRACED_RECORD_CONCEPTS = ['DutyRecord', 'SupervisionFinding', 'AssessmentInterview', 'AccountabilityCase'] as const;

/**
 * 读取留痕 Wraps every field of the traced record types, once at schema build, so whatever path
 * reaches such a record — a root field, a list, a field of another record, `_entities` — notes
 * it in the request's read trace before the field answers. The note is a map entry keyed by type
 * and id, so a record read through many fields is one entry; the request's one row is written by
 * `readTracePlugin` when the answer leaves. A key-only stub of another level's record has no
 * owner on it and is left to the owning subgraph, which resolves and traces it.
 */
export function traceRecordFields(schema: GraphQLSchema, resolvers: Record<string, Record<string, unknown>>): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const found = recordKindOfType(type.name);
    if (!found || !(TRACED_RECORD_CONCEPTS as readonly string[]).includes(found.kind.concept)) continue;
    const { kind } = found;
    const fields = (resolvers[type.name] ??= {});
    for (const fieldName of Object.keys(type.getFields())) {
      const own = fields[fieldName];
      if (own !== undefined && typeof own !== 'function') continue;
      const resolve: Resolver = (own as Resolver | undefined) ?? ((source) => (source as Record<string, unknown> | null)?.[fieldName]);
      fields[fieldName] = (...args: Parameters<Resolver>) => {
        const record = args[0] as Record<string, unknown> | null;
        const owner = record ? kind.ownerCode?.(record) : undefined;
        // A signed call of another level's subgraph is a step of a cross-level write (recording or
        // undoing a report), not a person reading: what a person reads comes through the gateway.
        if (owner && record?.id && !args[2].peerCaller) traceRead(args[2], kind.concept, String(record.id), owner);
        return resolve(...args);
      };
    }
  }
}
