import { Kind, parse, visit, type ASTNode, type TypeNode, type ValueNode } from 'graphql';

function namedTypeName(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeName(type.type);
}

/** Every integer literal in a default value (lists and input objects included). */
function intLiterals(value: ValueNode): ValueNode[] {
  if (value.kind === Kind.INT) return [value];
  if (value.kind === Kind.LIST) return value.values.flatMap(intLiterals);
  return [];
}

/**
 * graphql-js prints an `ID` default that looks like a number as an integer
 * (`city(code: ID! = 120000)`). The spec allows that input, but not every gateway does:
 * Grafbase's refuses "an Integer value where we expected an ID". Administrative codes are strings,
 * so the committed SDL quotes them (`= "120000"`); the text is edited in place, keeping the
 * printer's layout everywhere else.
 */
export function quoteIdDefaults(sdl: string): string {
  const edits: { start: number; end: number; text: string }[] = [];
  visit(parse(sdl), {
    InputValueDefinition(node) {
      if (!node.defaultValue || namedTypeName(node.type) !== 'ID') return;
      for (const literal of intLiterals(node.defaultValue)) {
        const { loc } = literal as ASTNode;
        if (loc) edits.push({ start: loc.start, end: loc.end, text: JSON.stringify((literal as { value: string }).value) });
      }
    },
  });
  let result = sdl;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
