import { buildSubgraphSchema } from '@apollo/subgraph';
import { PEER_OPERATIONS } from '@supervision/kit';
import { parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_DIR } from './compose';

/**
 * Every operation one level sends another (`kit/src/cross-level/peer-operations.ts`), built for
 * each level it asks and validated against that level's committed SDL — the schema the peer
 * actually serves. Returns the problems (empty: all documents valid).
 */
export function checkPeerDocuments(): string[] {
  const problems: string[] = [];
  const schemas = new Map<string, ReturnType<typeof buildSubgraphSchema>>();
  const schemaOf = (level: string) => {
    let schema = schemas.get(level);
    if (!schema) {
      schema = buildSubgraphSchema(parse(readFileSync(join(SCHEMA_DIR, `${level}.graphql`), 'utf8')));
      schemas.set(level, schema);
    }
    return schema;
  };
  let checked = 0;
  for (const op of PEER_OPERATIONS) {
    for (const level of op.asks) {
      for (const document of op.documents(level)) {
        checked += 1;
        for (const error of validate(schemaOf(level), parse(document))) {
          problems.push(`peer operation ${op.name} sent to the ${level} subgraph: ${error.message}`);
        }
      }
    }
  }
  if (checked === 0) problems.push('no peer operation was checked');
  return problems;
}
