import { loadConfig } from '@supervision/kit';
import { gatewayConfigFromEnv, gatewayEnvSchema } from './config';
import { startGateway } from './server';

async function main(): Promise<void> {
  const running = await startGateway(gatewayConfigFromEnv(loadConfig('gateway', gatewayEnvSchema)));
  const shutdown = () => void running.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`[gateway] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
