import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ephemeralSecrets, GATEWAY_SECRET_HEADER, peerKeysFor, signToken } from '@supervision/kit';
import { uniqueDatabaseUrls } from '../support/platform';
import { startStalledServer } from './fault-servers';

/**
 * SIGTERM to a real subgraph process (`subgraphs/district/dist/main.js`): it stops accepting new
 * connections, finishes the request in flight, closes its pool and exits with 0.
 */
const SCRIPT = join(__dirname, '..', '..', 'subgraphs', 'district', 'dist', 'main.js');

test('a subgraph told to stop finishes the request in flight, refuses new ones and exits 0', async () => {
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: build first (npx tsc -b)`);
  const secrets = await ephemeralSecrets();
  // The city the district asks is stalled, so the request stays in flight for the peer deadline.
  const stalledCity = await startStalledServer();
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  let output = '';
  const child = spawn(process.execPath, [SCRIPT], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: uniqueDatabaseUrls().district,
      GATEWAY_SECRET: secrets.gatewaySecret,
      JWT_PUBLIC_JWK: JSON.stringify(secrets.publicJwk),
      CITY_SUBGRAPH_URL: stalledCity.url,
      PEER_DEADLINE_MS: '2000',
      // A peer call is signed by the calling subgraph's own key.
      PEER_PRIVATE_JWK: JSON.stringify(secrets.peerKeyPairs.district.privateJwk),
      PEER_PUBLIC_JWKS: JSON.stringify(peerKeysFor('district', secrets.peerKeyPairs).publicJwks),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const url = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      const ready = await fetch(`${url}/ready`).then((response) => response.ok, () => false);
      if (ready) break;
      if (tries > 600) throw new Error(`the district subgraph did not start\n${output}`);
      await sleep(100);
    }
    const token = await signToken({ subject: 'graceful-admin', level: 'district', code: '120101', roles: ['admin'] }, secrets.privateJwk);
    const started = Date.now();
    const inFlight = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, [GATEWAY_SECRET_HEADER]: secrets.gatewaySecret },
      body: JSON.stringify({ query: 'mutation { acknowledgeCityDirective(directiveId: "0190a5a0-0000-7000-8000-000000000001") { id } }' }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] } }));
    await sleep(400);
    child.kill('SIGTERM');
    await sleep(300);
    // No longer accepting: a new connection is refused while the old request is still running.
    const late = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) }).then(() => 'answered', (error: Error) => String((error.cause as { code?: string })?.code ?? error.name));
    expect(late).toBe('ECONNREFUSED');
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_TIMEOUT');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    await expect(exited).resolves.toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await stalledCity.close();
  }
}, 90_000);
