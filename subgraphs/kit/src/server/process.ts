import { loadConfig } from '../config/load-config';
import { startSubgraph, subgraphConfigFromEnv, subgraphEnvSchema, type SubgraphDefinition } from './subgraph';

/**
 * Entry point of a subgraph process: configuration from the environment, a clean stop on
 * SIGINT/SIGTERM, and a one-line message (not a stack trace) when it cannot start.
 */
export function runSubgraphProcess<Loaders>(definition: SubgraphDefinition<Loaders>): void {
  const start = async () => {
    const config = subgraphConfigFromEnv(loadConfig(`${definition.name} subgraph`, subgraphEnvSchema));
    const running = await startSubgraph(definition, config);
    const shutdown = () => void running.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  };
  start().catch((error: unknown) => {
    console.error(`[${definition.name}] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
