import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__testCluster?.stop();
  // The cluster's files (evidence of every test file's databases) are of no use after the run.
  if (globalThis.__testClusterRoot) rmSync(globalThis.__testClusterRoot, { recursive: true, force: true });
}
