import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';

/**
 * A root field seen in the schema (`createDistrictUnit`, `recordStreetDuty`) is found with one
 * grep: its name is written literally, quoted, in the domain's `<domain>.operations.ts` table or
 * as the method of the level's own jurisdiction resolver. Computing a name from parts would make this test fail.
 */
const root = join(__dirname, '..', '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

describe('root field names are written literally', () => {
  const tables = sourcesUnder(join(root, 'subgraphs', 'kit', 'src')).filter((text) => text.includes('operations') || text.includes('OPERATIONS'));
  const levels = ['city', 'district', 'street'];

  it.each(levels)('every Query and Mutation field of the %s subgraph is quoted in a source file', (level) => {
    const schema = buildSchema(readFileSync(join(root, 'schema', `${level}.graphql`), 'utf8'), { assumeValidSDL: true });
    const own = sourcesUnder(join(root, 'subgraphs', level, 'src'));
    const sources = [...tables, ...own, ...sourcesUnder(join(root, 'subgraphs', 'kit', 'src'))].join('\n');
    const names = [schema.getQueryType(), schema.getMutationType()]
      .flatMap((type) => Object.keys(type?.getFields() ?? {}))
      .filter((name) => !name.startsWith('_'));
    expect(names.length).toBeGreaterThan(10);
    // A level's own resolver may be named by its method (`districts()` in district.resolver.ts).
    const method = (name: string) => new RegExp(`^\\s+(async )?${name}\\(`, 'm');
    const unfindable = names.filter((name) => !sources.includes(`'${name}'`) && !own.some((text) => method(name).test(text)));
    expect(unfindable).toEqual([]);
  });
});
