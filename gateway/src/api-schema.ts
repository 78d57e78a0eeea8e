import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import { printSchema } from 'graphql';

/**
 * The schema clients see: the supergraph without its federation directives and join types.
 * Front-end code is typed against this (a supergraph SDL is not a valid client schema).
 */
export function apiSchemaSdl(supergraphPath: string): string {
  const supergraph = Supergraph.build(readFileSync(supergraphPath, 'utf8'));
  return printSchema(supergraph.apiSchema().toGraphQLJSSchema());
}
