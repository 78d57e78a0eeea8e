import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';

/** The analysts' named example operations (validated against the schema by the build). */
export const ANALYST_CATALOGUE_PATH = join(__dirname, '..', 'catalogue', 'analyst-operations.graphql');

export interface CatalogueOperation {
  name: string;
  /** The operation's source text with the comment lines just above it. */
  query: string;
}

/**
 * Splits the catalogue into one text per operation, keeping each one's comment (what question it
 * answers), so GraphiQL can open every operation in a tab of its own.
 */
export function analystCatalogue(path = ANALYST_CATALOGUE_PATH): CatalogueOperation[] {
  const source = readFileSync(path, 'utf8');
  const operations: CatalogueOperation[] = [];
  let previousEnd = 0;
  for (const definition of parse(source).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name || !definition.loc) continue;
    const between = source.slice(previousEnd, definition.loc.start);
    // The comment belonging to an operation is the last block of `#` lines before it.
    const comment = between.split(/\n\s*\n/).pop()?.trim() ?? '';
    operations.push({
      name: definition.name.value,
      query: `${comment.startsWith('#') ? `${comment}\n` : ''}${source.slice(definition.loc.start, definition.loc.end)}\n`,
    });
    previousEnd = definition.loc.end;
  }
  return operations;
}
