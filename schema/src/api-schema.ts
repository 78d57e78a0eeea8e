import { composeServices as composeWithGuild } from '@theguild/federation-composition';
import type { CompositionSuccess } from '@apollo/composition';
import { buildSchema, GraphQLSchema, lexicographicSortSchema, printSchema, type DocumentNode } from 'graphql';

export interface NamedSubgraph {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

/** Directives the subgraphs compose into the supergraph with `@composeDirective`. */
const COMPOSED_DIRECTIVES = ['sensitive'];

/** A schema printed in one canonical order, so two printers' output can be compared as text. */
export function printSorted(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema));
}

/** What clients see of Apollo's composition: the API schema (no join__ types, no `@inaccessible` parts). */
export function apolloApiSchema(result: CompositionSuccess): string {
  return printSorted(result.schema.toAPISchema().toGraphQLJSSchema());
}

/**
 * The same subgraphs composed by The Guild's composer (the one Hive uses). Its errors are the
 * ones another federation toolchain would stop at; its API schema is what Hive Gateway serves.
 */
export function guildApiSchema(subgraphs: NamedSubgraph[]): { errors: string[]; apiSchema?: string } {
  const result = composeWithGuild(subgraphs);
  if (result.errors) return { errors: result.errors.map((error) => error.message) };
  const schema = buildSchema(result.publicSdl);
  // Apollo's API schema leaves the definitions of composed directives (`@sensitive`) out, The Guild's
  // keeps them; both keep them in the supergraph, which is where analysts read the classification.
  const config = schema.toConfig();
  const withoutComposed = new GraphQLSchema({ ...config, directives: config.directives.filter((directive) => !COMPOSED_DIRECTIVES.includes(directive.name)) });
  return { errors: [], apiSchema: printSorted(withoutComposed) };
}

/** The first lines where two printed schemas part, for a readable failure. */
export function firstDifferences(expected: string, actual: string, context = 3): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const at = a.findIndex((line, index) => line !== b[index]);
  if (at < 0 && a.length === b.length) return '';
  const from = Math.max(0, (at < 0 ? Math.min(a.length, b.length) : at) - context);
  const show = (lines: string[]) => lines.slice(from, from + 2 * context + 1).map((line) => `    ${line}`).join('\n');
  return `  line ${from + 1}…\n  apollo:\n${show(a)}\n  guild:\n${show(b)}`;
}
