/**
 * The pieces `schema:check` is made of, on small subgraphs: The Guild's composer must compose
 * what Apollo's does to the same API schema, a difference must be reported, and ID defaults
 * must come out quoted.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apolloApiSchema, firstDifferences, guildApiSchema, type NamedSubgraph } from '../../schema/src/api-schema';
import { quoteIdDefaults } from '../../schema/src/id-defaults';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires"])';

function subgraphs(districtCopyDescription: string): NamedSubgraph[] {
  return [
    {
      name: 'street',
      url: 'http://street',
      typeDefs: parse(`${LINK}
        type Query { city(code: ID! = "120000"): City }
        type City @key(fields: "code") { code: ID!
          """街道任务按区汇总 The tasks of all streets."""
          streetTotals: Int! }`),
    },
    {
      name: 'district',
      url: 'http://district',
      typeDefs: parse(`${LINK}
        type City @key(fields: "code") { code: ID!
          """${districtCopyDescription}"""
          streetTotals: Int! @external
          ranking: Int! @requires(fields: "streetTotals") }`),
    },
  ];
}

function apolloApi(services: NamedSubgraph[]): string {
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return apolloApiSchema(result);
}

describe('two composers', () => {
  it('agree when the external copy carries the owner’s description', () => {
    const services = subgraphs('街道任务按区汇总 The tasks of all streets.');
    const guild = guildApiSchema(services);
    expect(guild.errors).toEqual([]);
    expect(firstDifferences(apolloApi(services), guild.apiSchema!)).toBe('');
  });

  it('report where they part when the descriptions differ', () => {
    const services = subgraphs('街道任务按区汇总 A shorter text.');
    const guild = guildApiSchema(services);
    expect(guild.errors).toEqual([]);
    const difference = firstDifferences(apolloApi(services), guild.apiSchema!);
    expect(difference).toContain('apollo:');
    expect(difference).toContain('A shorter text.');
  });

  it('report The Guild’s composition errors', () => {
    const broken = subgraphs('x').map((subgraph) =>
      subgraph.name === 'district' ? { ...subgraph, typeDefs: parse(`${LINK} type City @key(fields: "code") { code: ID! ranking: Int! @requires(fields: "nothing") }`) } : subgraph,
    );
    expect(guildApiSchema(broken).errors.length).toBeGreaterThan(0);
  });
});

describe('quoteIdDefaults', () => {
  it('quotes integer-looking ID defaults, in lists too, and leaves other defaults alone', () => {
    const sdl = 'type Query {\n  city(code: ID! = 120000, codes: [ID!] = [120101, "120102"], first: Int! = 20): String\n}\n';
    expect(quoteIdDefaults(sdl)).toBe('type Query {\n  city(code: ID! = "120000", codes: [ID!] = ["120101", "120102"], first: Int! = 20): String\n}\n');
  });

  it('leaves no unquoted ID default in the committed schema files', () => {
    for (const file of ['city', 'district', 'street', 'supergraph']) {
      const sdl = readFileSync(join(__dirname, '..', '..', 'schema', `${file}.graphql`), 'utf8');
      expect(quoteIdDefaults(sdl)).toBe(sdl);
    }
    expect(readFileSync(join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8')).toMatch(/ {2}city\((\s*"""[^"]*""")?\s*code: ID! = "120000"/);
  });
});
