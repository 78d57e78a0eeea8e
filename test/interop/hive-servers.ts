import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
export const COMMITTED_SUPERGRAPH = join(ROOT, 'schema', 'supergraph.graphql');
export const HIVE_CONFIG = join(ROOT, 'infra', 'deploy', 'hive', 'gateway.config.ts');
const HIVE_CLI = join(dirname(require.resolve('@graphql-hive/gateway/package.json')), 'dist', 'bin.js');

/** Hive Gateway's two execution engines: the JS stitching planner and the Rust query planner. */
export const HIVE_RUNTIMES = ['stitching', 'router'] as const;
export type HiveRuntime = (typeof HIVE_RUNTIMES)[number];

export interface RunningHiveGateway {
  runtime: HiveRuntime;
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function untilServing(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Hive Gateway exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Hive Gateway did not start within 60 s:\n${output()}`);
}

/**
 * Hive Gateway as it is documented to run: its own CLI, the committed supergraph, the
 * repository's `infra/deploy/hive/gateway.config.ts`, the environment of our own gateway.
 */
export async function startHiveGateway(
  runtime: HiveRuntime,
  env: { GATEWAY_SECRET: string; JWT_PUBLIC_JWK: string; CITY_SUBGRAPH_URL: string; DISTRICT_SUBGRAPH_URL: string; STREET_SUBGRAPH_URL: string },
): Promise<RunningHiveGateway> {
  const port = await freePort();
  const args = [HIVE_CLI, 'supergraph', COMMITTED_SUPERGRAPH, '-c', HIVE_CONFIG, ...(runtime === 'router' ? ['--hive-router-runtime'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (process.env.TEST_LOG) process.stdout.write(chunk);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}/graphql`;
  try {
    await untilServing(url, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    runtime,
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
