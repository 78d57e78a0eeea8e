import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedCluster, type EmbeddedCluster } from '../../infra/src/embedded-postgres';

declare global {
  var __testCluster: EmbeddedCluster | undefined;
  /** The run's data folder, removed by the teardown (each run would otherwise leave up to GBs in /tmp). */
  var __testClusterRoot: string | undefined;
}

/**
 * One real PostgreSQL for the whole run; each test file creates databases of its own in it.
 * TEST_POSTGRES_URL points the tests at an existing server instead.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_POSTGRES_URL) return;
  const root = mkdtempSync(join(tmpdir(), 'supervision-test-'));
  // mkdtemp makes the folder private; the PostgreSQL user (when the tests run as root) must enter it.
  chmodSync(root, 0o755);
  globalThis.__testClusterRoot = root;
  const dataDir = join(root, 'pgdata');
  const port = 55000 + Math.floor(Math.random() * 5000);
  globalThis.__testCluster = await startEmbeddedCluster({ dataDir, port });
  process.env.TEST_POSTGRES_URL = globalThis.__testCluster.serverUrl;
}
