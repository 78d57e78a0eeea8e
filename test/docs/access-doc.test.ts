import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifiedFields, operationRows, recordKindOfType, renderAccessDoc } from '@supervision/kit';
import { buildSchema, isObjectType } from 'graphql';

/*
 * docs/access.md is the access table (subgraphs/kit/src/authz/access-table.ts and
 * operation-access.ts) rendered with the committed supergraph's root fields: it must be current,
 * and every root query and mutation must be named in it, under exactly one row.
 */
const root = join(__dirname, '..', '..');
const supergraph = buildSchema(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8'), { assumeValidSDL: true });
const rootFields = {
  query: Object.keys(supergraph.getQueryType()!.getFields()),
  mutation: Object.keys(supergraph.getMutationType()!.getFields()),
};
const doc = readFileSync(join(root, 'docs', 'access.md'), 'utf8');

describe('docs/access.md', () => {
  it('is current: `npm run docs:access` writes what is committed', () => {
    expect(doc).toBe(renderAccessDoc(rootFields, classifiedFields(supergraph)));
  });

  it.each([...rootFields.query.map((name) => `Query.${name}`), ...rootFields.mutation.map((name) => `Mutation.${name}`)])('names %s under exactly one row', (field) => {
    expect(operationRows(field.split('.')[1]!)).toHaveLength(1);
    expect(doc).toContain(`\`${field}\``);
  });

  it('lists every classified field of the supergraph with its level', () => {
    const classified = classifiedFields(supergraph);
    expect(classified.map((entry) => `${entry.type}.${entry.field}`)).toEqual(
      expect.arrayContaining(['AccountabilityCase.facts', 'DistrictAccountabilityCase.facts', 'AssessmentInterview.content', 'DutyReportQuestion.question', 'Query.cityAttachmentContent']),
    );
    for (const entry of classified) expect(doc).toContain(`| \`${entry.type}.${entry.field}\` | \`${entry.level}\` |`);
  });

  it('has a record kind for every entity type a subgraph resolves', () => {
    const resolvable: string[] = [];
    for (const level of ['city', 'district', 'street']) {
      const sdl = readFileSync(join(root, 'schema', `${level}.graphql`), 'utf8');
      for (const match of sdl.matchAll(/^type (\w+)[^{]*?@key\(fields: "[^"]+"\)\s*\{/gms)) resolvable.push(match[1]!);
    }
    expect(resolvable.length).toBeGreaterThan(40);
    const unknown = resolvable.filter((name) => isObjectType(supergraph.getType(name)) && !recordKindOfType(name));
    expect(unknown).toEqual([]);
  });
});
