import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInterfaceType,
  type GraphQLSchema,
} from 'graphql';
import { ARGUMENT_TERMS, ENUM_VALUE_TERMS, FIELD_TERMS, TYPE_TERMS } from './description-glossary';

const CJK = /[\u4e00-\u9fff]/;
const LATIN = /[A-Za-z]/;

/** "中文 English": what every description of the API is. */
export function isBilingual(description: string | null | undefined): boolean {
  return !!description && CJK.test(description) && LATIN.test(description);
}

/** A field's or argument's description from the glossary: the term in front of what is there, or term and English. */
function fromGlossary(name: string, existing: string | null | undefined, terms: Record<string, [string, string]> = FIELD_TERMS): string | undefined {
  const term = terms[name] ?? FIELD_TERMS[name];
  if (!term) return undefined;
  const text = existing?.trim();
  if (!text) return `${term[0]} ${term[1]}`;
  // What is missing is added: the term in front, the English behind.
  const withTerm = CJK.test(text) ? text : `${term[0]} ${text}`;
  return LATIN.test(withTerm) ? withTerm : `${withTerm} ${term[1]}`;
}

function fromInterfaces(interfaces: readonly GraphQLInterfaceType[], fieldName: string): string | undefined {
  for (const face of interfaces) {
    const description = face.getFields()[fieldName]?.description;
    if (isBilingual(description)) return description!;
  }
  return undefined;
}

type Described = { description?: string | null | undefined; name: string };

function complete(target: GraphQLField<unknown, unknown> | GraphQLInputField | GraphQLArgument, interfaces: readonly GraphQLInterfaceType[] = [], terms: Record<string, [string, string]> = FIELD_TERMS): void {
  const owned = target as Described;
  if (isBilingual(owned.description)) return;
  const description = fromInterfaces(interfaces, owned.name) ?? fromGlossary(owned.name, owned.description, terms);
  if (description) owned.description = description;
}

/** The key of an entity stub (`DistrictTask { id }`) or of a jurisdiction type another level owns. */
function isStubKey(typeName: string, fieldCount: number, fieldName: string): boolean {
  return (fieldName === 'id' && fieldCount === 1) || (fieldName === 'code' && ['City', 'District', 'Street'].includes(typeName));
}

/**
 * 补全说明 Completes the descriptions of a subgraph's schema before it is printed: an
 * implementation takes its interface's description of a field, a connection or edge type says
 * what it pages, and a name the glossary knows (`unitId`, `createdAt`, `first` …) gets its Chinese
 * term. Descriptions written at the declaration win; `schema:check` fails on anything still
 * undescribed (`schema/src/missing-descriptions.ts`).
 */
export function describeSchema(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    const named = type as Described;
    if (!isBilingual(named.description)) {
      const edge = /^(.+)Edge$/.exec(type.name);
      const connection = /^(.+)Connection$/.exec(type.name);
      const implemented = isObjectType(type) ? type.getInterfaces().find((face) => isBilingual(face.description)) : undefined;
      named.description =
        TYPE_TERMS[type.name] ??
        (edge ? `分页条目 One ${edge[1]} of a page, with its cursor.` : undefined) ??
        (connection ? `分页列表 One page of ${connection[1]} records.` : undefined) ??
        (implemented ? implemented.description : undefined) ??
        named.description;
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      const interfaces = type.getInterfaces();
      const fields = Object.values(type.getFields());
      for (const field of fields) {
        // A key field of another level's entity keeps no description of its own: the owner's is
        // the one composition takes, and a second, different one would make composers disagree.
        if (isStubKey(type.name, fields.length, field.name)) continue;
        complete(field, interfaces);
        for (const arg of field.args) complete(arg, [], ARGUMENT_TERMS);
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) complete(field);
    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (isBilingual(value.description)) continue;
        const term = ENUM_VALUE_TERMS[value.name];
        if (term) value.description = term;
      }
    }
  }
}
