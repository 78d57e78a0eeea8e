import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';

/** Text with at least one CJK character and at least one Latin letter: "中文 English". */
const BILINGUAL = /[\u4e00-\u9fff].*[A-Za-z]|[A-Za-z].*[\u4e00-\u9fff]/s;

export interface DescriptionProblem {
  coordinate: string;
  problem: 'missing' | 'not bilingual';
}

function check(coordinate: string, description: string | null | undefined, problems: DescriptionProblem[]): void {
  if (!description || !description.trim()) problems.push({ coordinate, problem: 'missing' });
  else if (!BILINGUAL.test(description)) problems.push({ coordinate, problem: 'not bilingual' });
}

/**
 * 说明 Every type, field, argument and enum value of the API clients see must be described in
 * Chinese and English (analysts read the schema in GraphiQL). Federation's own types and the
 * built-in scalars are not ours to describe.
 */
export function missingDescriptions(schema: GraphQLSchema): DescriptionProblem[] {
  const problems: DescriptionProblem[] = [];
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || type.name.startsWith('_') || type.name.startsWith('join__') || type.name.startsWith('link__')) continue;
    const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
    if (!isRoot) check(type.name, type.description, problems);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        check(`${type.name}.${field.name}`, field.description, problems);
        if ('args' in field) for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description, problems);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description, problems);
  }
  return problems;
}

export function missingDescriptionsOf(sdl: string): DescriptionProblem[] {
  return missingDescriptions(buildSchema(sdl));
}
