import {
  GraphQLObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

const INVALID = Symbol('null in a non-null position');
type Completed = unknown | typeof INVALID;

/**
 * Applies the GraphQL spec's null propagation (a null in a non-null position nulls the nearest
 * nullable parent) to a response. Hive's Rust-planner runtime leaves such nulls where they fall
 * (`districts: [null, …]` under `[District!]!`); comparing after this step tells a real difference
 * in data from that one. Only plain fields and inline fragments on the parent's own type are
 * supported, which is all the partial-failure queries use.
 */
export function propagateNulls(schema: GraphQLSchema, query: string, data: unknown): unknown {
  const operation = parse(query).definitions.find((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION)!;
  const completed = completeObject(schema.getQueryType()!, operation.selectionSet, data);
  return completed === INVALID ? null : completed;
}

function complete(type: GraphQLOutputType, selectionSet: SelectionSetNode | undefined, value: unknown): Completed {
  if (isNonNullType(type)) {
    const inner = complete(type.ofType, selectionSet, value);
    return inner === null || inner === undefined || inner === INVALID ? INVALID : inner;
  }
  if (value === null || value === undefined) return null;
  if (isListType(type)) {
    const items = (value as unknown[]).map((item) => complete(type.ofType, selectionSet, item));
    return items.includes(INVALID) ? null : items;
  }
  if (isObjectType(type)) return completeObject(type, selectionSet!, value);
  return value;
}

function completeObject(type: GraphQLObjectType, selectionSet: SelectionSetNode, value: unknown): Completed {
  if (value === null || value === undefined) return null;
  const source = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT && (!selection.typeCondition || selection.typeCondition.name.value === type.name)) {
      const part = completeObject(type, selection.selectionSet, value);
      if (part === null || part === INVALID) return null;
      Object.assign(result, part);
      continue;
    }
    if (selection.kind !== Kind.FIELD) throw new Error(`propagateNulls: unsupported selection ${selection.kind}`);
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === '__typename') {
      result[key] = source[key];
      continue;
    }
    const field = type.getFields()[selection.name.value];
    if (!field) throw new Error(`propagateNulls: no field ${type.name}.${selection.name.value}`);
    const completed = complete(field.type, selection.selectionSet, source[key]);
    if (completed === INVALID) return null;
    result[key] = completed;
  }
  return result;
}
