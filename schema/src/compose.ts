import { composeServices } from '@apollo/composition';
import { buildFederatedSchema, printSubgraphSdl, type SubgraphDefinition } from '@supervision/kit';
import { citySubgraph } from '@supervision/city';
import { districtSubgraph } from '@supervision/district';
import { streetSubgraph } from '@supervision/street';
import { parse } from 'graphql';
import { join } from 'node:path';

/** Where the committed SDL files live: `schema/<subgraph>.graphql` and `schema/supergraph.graphql`. */
export const SCHEMA_DIR = join(__dirname, '..');

/**
 * The routing URLs written into the supergraph are the local defaults; a deployment overrides
 * them per subgraph with environment variables on the gateway, so one file serves everywhere.
 */
export const SUBGRAPHS: { definition: SubgraphDefinition<unknown>; url: string }[] = [
  { definition: citySubgraph as SubgraphDefinition<unknown>, url: 'http://127.0.0.1:4001/graphql' },
  { definition: districtSubgraph as SubgraphDefinition<unknown>, url: 'http://127.0.0.1:4002/graphql' },
  { definition: streetSubgraph as SubgraphDefinition<unknown>, url: 'http://127.0.0.1:4003/graphql' },
];

export interface ComposedSchemas {
  /** file name → contents, every file the pipeline commits. */
  files: Record<string, string>;
}

export async function composeSchemas(): Promise<ComposedSchemas> {
  const files: Record<string, string> = {};
  const services = [];
  for (const { definition, url } of SUBGRAPHS) {
    const sdl = printSubgraphSdl(await buildFederatedSchema(definition));
    files[`${definition.name}.graphql`] = `${sdl.trimEnd()}\n`;
    services.push({ name: definition.name, url, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  }
  files['supergraph.graphql'] = `${result.supergraphSdl.trimEnd()}\n`;
  return { files };
}
