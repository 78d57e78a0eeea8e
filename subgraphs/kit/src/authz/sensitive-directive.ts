import { DirectiveLocation, GraphQLDirective, GraphQLNonNull, GraphQLString, type GraphQLField, type GraphQLSchema, isObjectType, isInterfaceType, isNonNullType } from 'graphql';
import { CLASSIFICATIONS, type Classification } from './access-table';

/**
 * 敏感字段标注 `@sensitive(level: "CONFIDENTIAL")` marks a field whose content only some roles may
 * read (`CLASSIFICATION_GRANTS` in the access table says which). It is a spec of this platform,
 * linked and composed into the supergraph with `@composeDirective`, so the classification is
 * visible in `schema/supergraph.graphql` (and to every gateway serving it), and the kit wraps
 * exactly the fields that carry it (`guard-sensitive-fields.ts`).
 */
export const SENSITIVE_SPEC_URL = 'https://supervision.tj.gov.cn/classification/v1.0';

export const SENSITIVE_DIRECTIVE = new GraphQLDirective({
  name: 'sensitive',
  description: '敏感字段 The field is classified: only the roles the access table grants for its level read it; others get null and FORBIDDEN on its path.',
  locations: [DirectiveLocation.FIELD_DEFINITION],
  args: { level: { type: new GraphQLNonNull(GraphQLString), description: '密级 Classification: one of ' + CLASSIFICATIONS.join(', ') } },
});

/** The `@Directive(...)` text a classified field declares. */
export function sensitive(level: Classification): string {
  return `@sensitive(level: "${level}")`;
}

/** A field's classification, read from its SDL (`astNode`), or undefined when it has none. */
export function classificationOf(field: GraphQLField<unknown, unknown>): Classification | undefined {
  const directive = field.astNode?.directives?.find((node) => node.name.value === 'sensitive');
  if (!directive) return undefined;
  const argument = directive.arguments?.find((node) => node.name.value === 'level');
  const value = argument?.value.kind === 'StringValue' ? argument.value.value : undefined;
  if (!value || !(CLASSIFICATIONS as readonly string[]).includes(value)) {
    throw new Error(`未知密级 / ${field.name}: unknown classification ${String(value)}; use one of ${CLASSIFICATIONS.join(', ')}`);
  }
  return value as Classification;
}

export interface ClassifiedField {
  type: string;
  field: string;
  level: Classification;
}

/**
 * Every classified field of a schema (object and interface types). A classified field must be
 * nullable: refusing it answers null, and a non-null field would take its whole record with it.
 */
export function classifiedFields(schema: GraphQLSchema): ClassifiedField[] {
  const found: ClassifiedField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if ((!isObjectType(type) && !isInterfaceType(type)) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const level = classificationOf(field);
      if (!level) continue;
      if (isNonNullType(field.type)) throw new Error(`敏感字段须可为空 / ${type.name}.${field.name} is classified ${level} and must be nullable`);
      found.push({ type: type.name, field: field.name, level });
    }
  }
  return found;
}
