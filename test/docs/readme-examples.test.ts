import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, type DefinitionNode, type DocumentNode } from 'graphql';

/**
 * Every GraphQL example in the README must be an operation the committed supergraph accepts, so
 * the documentation cannot drift from the schema. Ellipses in strings stand for ids and text.
 */
const root = join(__dirname, '..', '..');
const schema = buildSchema(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8'));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1].replace(/#[^\n"]*$/gm, ''));

const operations = blocks.flatMap((block, index) =>
  parse(block).definitions.map((definition: DefinitionNode, position) => ({
    name: `block ${index + 1}, operation ${position + 1}`,
    document: { kind: 'Document', definitions: [definition] } as DocumentNode,
  })),
);

describe('README examples', () => {
  it('has examples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  it.each(operations)('$name is valid against the supergraph', ({ document }) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
