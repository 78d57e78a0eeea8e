import { composeServices } from '@apollo/composition';
import { buildFederatedSchema, printSubgraphSdl, type SubgraphDefinition } from '@supervision/kit';
import { citySubgraph } from '@supervision/city';
import { districtSubgraph } from '@supervision/district';
import { streetSubgraph } from '@supervision/street';
import { parse } from 'graphql';
import { join } from 'node:path';
import { apolloApiSchema, firstDifferences, guildApiSchema } from './api-schema';
import { quoteIdDefaults } from './id-defaults';

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
  /** Where the two composers part: empty when The Guild's composer agrees with Apollo's. */
  disagreements: string[];
}

export async function composeSchemas(): Promise<ComposedSchemas> {
  const files: Record<string, string> = {};
  const services = [];
  for (const { definition, url } of SUBGRAPHS) {
    const sdl = quoteIdDefaults(printSubgraphSdl(await buildFederatedSchema(definition)));
    files[`${definition.name}.graphql`] = `${sdl.trimEnd()}\n`;
    services.push({ name: definition.name, url, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  }
  files['supergraph.graphql'] = `${quoteIdDefaults(result.supergraphSdl).trimEnd()}\n`;
  return { files, disagreements: compareWithGuild(services, apolloApiSchema(result)) };
}

/**
 * The supergraph is a contract for other federation toolchains too (Hive Gateway composes with
 * The Guild's library): it must compose there without errors, to the same API schema.
 */
function compareWithGuild(services: Parameters<typeof guildApiSchema>[0], apolloApi: string): string[] {
  const guild = guildApiSchema(services);
  if (guild.errors.length > 0) return guild.errors.map((message) => `The Guild's composer: ${message}`);
  const diff = firstDifferences(apolloApi, guild.apiSchema!);
  return diff ? [`API schemas differ between Apollo's and The Guild's composers:\n${diff}`] : [];
}
