import { GraphQLError, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { SubgraphContext } from '../server/context';
import { CLASSIFICATION_GRANTS, mayReadClassified, type Classification } from './access-table';
import { classificationOf, classifiedFields } from './sensitive-directive';

type Resolver = GraphQLFieldResolver<unknown, SubgraphContext<unknown>>;

/** The refusal of one classified field; `classification` lets a client (and the export) tell it from a refused record. */
export function classifiedForbidden(typeName: string, fieldName: string, level: Classification): GraphQLError {
  const grant = CLASSIFICATION_GRANTS[level];
  return new GraphQLError(`无权查看${grant.zh.split('：')[0]}字段 / ${typeName}.${fieldName} is ${level}: it needs one of the roles ${grant.roles.join(', ')}`, {
    extensions: { code: 'FORBIDDEN', classification: level },
  });
}

/**
 * 敏感字段读权限 Every field declared `@sensitive(level: …)` checks the caller's roles against the
 * access table's grant for that level before it answers. Wrapped once, at schema build, on the
 * object types' resolvers: the same resolver answers a root field, a list below it, `_entities`
 * (and so the city-wide lists, which the owners resolve) and the exports, which query the gateway
 * with the caller's token. The record's own read rule has already run above it (root guards,
 * `guard-fields.ts`, `guard-references.ts`); this only narrows.
 */
export function guardSensitiveFields(schema: GraphQLSchema, resolvers: Record<string, Record<string, unknown>>): void {
  // Refuses a non-null classified field at start-up (see classifiedFields).
  classifiedFields(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const level = classificationOf(field) ?? classificationOfInterfaces(type.getInterfaces(), fieldName);
      if (!level) continue;
      const fields = (resolvers[type.name] ??= {});
      const own = fields[fieldName];
      if (own !== undefined && typeof own !== 'function') throw new Error(`${type.name}.${fieldName}: a classified field needs a plain resolver`);
      const resolve: Resolver = (own as Resolver | undefined) ?? ((source) => (source as Record<string, unknown> | null)?.[fieldName]);
      const typeName = type.name;
      fields[fieldName] = (...args: Parameters<Resolver>) => {
        if (!mayReadClassified(level, args[2].principal)) throw classifiedForbidden(typeName, fieldName, level);
        return resolve(...args);
      };
    }
  }
}

/** An implementation inherits its interface's classification, so no per-level type can forget it. */
function classificationOfInterfaces(interfaces: readonly { getFields(): Record<string, Parameters<typeof classificationOf>[0]> }[], fieldName: string): Classification | undefined {
  for (const face of interfaces) {
    const field = face.getFields()[fieldName];
    const level = field ? classificationOf(field) : undefined;
    if (level) return level;
  }
  return undefined;
}
