import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, specifiedDirectives, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { guardRecordFields } from '../authz/guard-fields';
import { guardSensitiveFields } from '../authz/guard-sensitive-fields';
import { traceRecordFields } from '../read-trace/trace-record-fields';
import { SENSITIVE_DIRECTIVE, SENSITIVE_SPEC_URL } from '../authz/sensitive-directive';
import { validateInput } from '../validation/validate-input';
import { describeSchema } from './describe-schema';

/** The federation features this platform's subgraphs use. */
// `@sensitive` is this platform's own spec, composed into the supergraph so every gateway and analyst sees which fields are classified.
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@composeDirective"])
  @link(url: "${SENSITIVE_SPEC_URL}", import: ["@sensitive"])
  @composeDirective(name: "@sensitive")`;

export interface SubgraphSchemaOptions {
  resolvers: NonEmptyArray<Function>;
  /** Types no resolver returns directly (interface implementations, stubs). */
  orphanedTypes?: Function[];
  /** `__resolveReference` (and friends) per entity type: type-graphql has no decorator for them. */
  referenceResolvers: Record<string, Record<string, unknown>>;
}

/**
 * type-graphql builds the schema from decorated classes; Apollo's subgraph library then adds
 * the federation fields (`_entities`, `_service`). type-graphql knows nothing of
 * `__resolveReference`, so those are merged into its resolver map before the hand-over.
 */
export async function buildFederatedSchema(options: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    // A subgraph may legitimately have no Query of its own; composition checks the whole graph.
    skipCheck: true,
    validate: false,
    validateFn: validateInput,
    directives: [...specifiedDirectives, SENSITIVE_DIRECTIVE],
  });
  describeSchema(schema);
  const resolvers = createResolversMap(schema) as Record<string, Record<string, unknown>>;
  guardRecordFields(schema, resolvers);
  guardSensitiveFields(schema, resolvers);
  traceRecordFields(schema, resolvers);
  for (const [typeName, fields] of Object.entries(options.referenceResolvers)) {
    resolvers[typeName] = { ...resolvers[typeName], ...fields };
  }
  return buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
}

/** The subgraph's SDL as composition sees it (what `schema/<name>.graphql` holds). */
export function printSubgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
