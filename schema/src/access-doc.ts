import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifiedFields, renderAccessDoc } from '@supervision/kit';
import { buildASTSchema, parse } from 'graphql';
import { SCHEMA_DIR } from './compose';

/** The supergraph's root query and mutation fields, as docs/access.md lists them. */
export function supergraphRootFields(sdl: string): { query: string[]; mutation: string[] } {
  const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });
  return {
    query: Object.keys(schema.getQueryType()?.getFields() ?? {}),
    mutation: Object.keys(schema.getMutationType()?.getFields() ?? {}),
  };
}

export const ACCESS_DOC = join(SCHEMA_DIR, '..', 'docs', 'access.md');

/** `npm run docs:access`: writes docs/access.md from the access table and the committed supergraph. */
function main(): void {
  const sdl = readFileSync(join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
  writeFileSync(ACCESS_DOC, renderAccessDoc(supergraphRootFields(sdl), classifiedFields(buildASTSchema(parse(sdl), { assumeValidSDL: true }))));
  console.log('wrote docs/access.md');
}

if (require.main === module) main();
