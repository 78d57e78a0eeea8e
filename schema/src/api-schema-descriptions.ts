import { Supergraph } from '@apollo/federation-internals';
import { missingDescriptions } from './missing-descriptions';

/** Problems with the descriptions of the API clients see (the supergraph without federation's types). */
export function apiDescriptionProblems(supergraphSdl: string): string[] {
  const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  return missingDescriptions(schema).map((problem) => `${problem.coordinate}: ${problem.problem === 'missing' ? '无说明 / no description' : '需中英文 / needs Chinese and English'}`);
}
