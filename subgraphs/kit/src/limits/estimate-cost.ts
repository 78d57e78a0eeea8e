import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Arguments that bound a list's length, in the order they are looked for. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit', 'size', 'take'];

interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  defaultListSize: number;
  /** Counting stops once the cost passes this: the answer is then "too much". */
  stopAbove: number;
}

/**
 * An upper estimate of the work an operation asks for: each field costs 1, and a list field
 * multiplies the cost of its selection by its size — the `first`/`limit` argument when given,
 * the number of representations for `_entities`, else a default. So
 * `districts { streets { district { streets … } } }` grows geometrically and is refused long
 * before it runs, while a wide but flat query stays cheap.
 */
export function estimateCost(input: CostInput): number {
  const root =
    input.operation.operation === 'mutation'
      ? input.schema.getMutationType()
      : input.operation.operation === 'subscription'
        ? input.schema.getSubscriptionType()
        : input.schema.getQueryType();
  if (!root) return 0;
  return selectionCost(input, root, input.operation.selectionSet, new Set(), false);
}

/**
 * `sized` marks the selection of a connection whose `first` was already counted: its `nodes`
 * / `edges` lists are that page, not a further multiplication.
 */
function selectionCost(
  input: CostInput,
  parent: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  fragmentPath: Set<string>,
  sized: boolean,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (total > input.stopAbove) return total;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) {
        total += 1;
        continue;
      }
      const field = fieldOf(parent, selection.name.value);
      if (!field) {
        total += 1;
        continue;
      }
      const args = selection.arguments ?? [];
      const isList = isListType(getNullableType(field.type));
      const pageSize = sizeArgument(input, args);
      const connection = !isList && pageSize !== undefined;
      const child = selection.selectionSet
        ? selectionCost(input, getNamedType(field.type), selection.selectionSet, fragmentPath, connection)
        : 0;
      const multiplier = connection ? pageSize : isList && sized ? 1 : listSize(input, field, args);
      total += 1 + multiplier * child;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typed = selection.typeCondition ? input.schema.getType(selection.typeCondition.name.value) : parent;
      total += selectionCost(input, typed ?? parent, selection.selectionSet, fragmentPath, sized);
    } else {
      const name = selection.name.value;
      const fragment = input.fragments[name];
      // Validation has already refused fragment cycles; the guard only keeps this safe on its own.
      if (!fragment || fragmentPath.has(name)) continue;
      const typed = input.schema.getType(fragment.typeCondition.name.value) ?? parent;
      total += selectionCost(input, typed, fragment.selectionSet, new Set([...fragmentPath, name]), sized);
    }
  }
  return total;
}

function fieldOf(parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  if (isAbstractType(parent)) return undefined;
  return undefined;
}

function listSize(
  input: CostInput,
  field: GraphQLField<unknown, unknown>,
  args: readonly { name: { value: string }; value: ValueNode }[],
): number {
  if (!isListType(getNullableType(field.type))) return 1;
  if (field.name === '_entities') {
    const representations = args.find((arg) => arg.name.value === 'representations');
    const value = representations ? valueOf(representations.value, input.variables) : undefined;
    return Array.isArray(value) ? Math.max(1, value.length) : input.defaultListSize;
  }
  return sizeArgument(input, args) ?? input.defaultListSize;
}

function sizeArgument(input: CostInput, args: readonly { name: { value: string }; value: ValueNode }[]): number | undefined {
  for (const name of SIZE_ARGUMENTS) {
    const arg = args.find((candidate) => candidate.name.value === name);
    if (!arg) continue;
    const value = valueOf(arg.value, input.variables);
    if (typeof value === 'number' && value >= 0) return Math.max(1, value);
  }
  return undefined;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map((value) => valueOf(value, variables));
    default:
      return undefined;
  }
}
