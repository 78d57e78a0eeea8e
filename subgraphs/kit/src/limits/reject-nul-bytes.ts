import { GraphQLError, Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { badUserInput } from '../errors/graphql-errors';

const NUL_MESSAGE = '不能包含 NUL 字符 / must not contain NUL (U+0000) characters';

/** Refused before execution, so the whole request is a 400 (not a field error in a 200). */
function nulRefused(field: string): GraphQLError {
  const error = badUserInput(field, NUL_MESSAGE);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
}

/**
 * PostgreSQL cannot store U+0000 in text and fails the whole statement on it, so a NUL byte in
 * any string — inline or in a variable — is refused as bad input before anything runs.
 */
export function rejectNulBytes(document: DocumentNode, variables: Record<string, unknown> | undefined): void {
  const inVariables = findNul(variables ?? {}, []);
  if (inVariables) throw nulRefused(inVariables);
  let inline: string | undefined;
  visit(document, {
    Argument(node) {
      if (!inline && containsNul(node.value)) inline = node.name.value;
    },
  });
  if (inline) throw nulRefused(inline);
}

function containsNul(node: ValueNode): boolean {
  switch (node.kind) {
    case Kind.STRING:
      return node.value.includes('\u0000');
    case Kind.LIST:
      return node.values.some(containsNul);
    case Kind.OBJECT:
      return node.fields.some((field) => containsNul(field.value));
    default:
      return false;
  }
}

function findNul(value: unknown, path: string[]): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || 'variables' : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findNul(item, path);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
