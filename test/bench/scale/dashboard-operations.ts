import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, OperationTypeNode, parse, print, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';

/*
 * 市级驾驶舱 The dashboard as the app issues it: the operations are read from the app's own source
 * (`gateway/app/src/pages/`), so the benchmark measures what the commission's overview really
 * asks and follows it when the app changes. The figure panels named by the scenario — the
 * ranking, the per-district figures, the ten most overdue tasks of the city and the findings by
 * state — are sent as ONE request (their selections side by side in one query): one page load is
 * one request on every side, the SQL floor included, and the gateway plans it as it plans each.
 */

const PAGES_DIR = join(__dirname.includes(join('test', 'dist')) ? join(__dirname, '..', '..', '..', '..') : join(__dirname, '..', '..', '..'), 'gateway', 'app', 'src', 'pages');

/** The city overview's figure panels, by operation name, and the files that hold them. */
export const DASHBOARD_OPERATIONS = [
  { file: 'city-overview.tsx', name: 'CityRanking' },
  { file: 'citywide-panels.tsx', name: 'DistrictFiguresOfScope' },
  { file: 'citywide-panels.tsx', name: 'MostOverdueTasks' },
  { file: 'city-overview.tsx', name: 'CityFindings' },
] as const;

/** The city overview's scope (`CITY_SCOPE` in city-overview.tsx): the whole city, every level. */
export const DASHBOARD_VARIABLES = { scope: ['120000'] };

/** Every `graphql(`…`)` document of an app source file, by operation name. */
function operationsOf(file: string): Map<string, OperationDefinitionNode> {
  const source = readFileSync(join(PAGES_DIR, file), 'utf8');
  const operations = new Map<string, OperationDefinitionNode>();
  for (const match of source.matchAll(/graphql\(`([^`]*)`\)/g)) {
    for (const definition of parse(match[1]).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) operations.set(definition.name.value, definition);
    }
  }
  return operations;
}

/** The named operations as one query: their variables (shared by name) and their selections together. */
export function dashboardQuery(): string {
  const byFile = new Map<string, Map<string, OperationDefinitionNode>>();
  const variables = new Map<string, VariableDefinitionNode>();
  const selections: OperationDefinitionNode['selectionSet']['selections'][number][] = [];
  for (const { file, name } of DASHBOARD_OPERATIONS) {
    if (!byFile.has(file)) byFile.set(file, operationsOf(file));
    const operation = byFile.get(file)!.get(name);
    if (!operation) throw new Error(`the dashboard no longer has the operation ${name} in gateway/app/src/pages/${file}`);
    for (const variable of operation.variableDefinitions ?? []) {
      const known = variables.get(variable.variable.name.value);
      if (known && print(known.type) !== print(variable.type)) throw new Error(`$${variable.variable.name.value} has two types in the dashboard's operations`);
      variables.set(variable.variable.name.value, variable);
    }
    selections.push(...operation.selectionSet.selections);
  }
  return print({
    kind: Kind.DOCUMENT,
    definitions: [{
      kind: Kind.OPERATION_DEFINITION,
      operation: OperationTypeNode.QUERY,
      name: { kind: Kind.NAME, value: 'CityDashboard' },
      variableDefinitions: [...variables.values()],
      selectionSet: { kind: Kind.SELECTION_SET, selections },
    }],
  });
}
