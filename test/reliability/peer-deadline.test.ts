import { callPeer, newPeerKeyPairs, PeerDirectory, PeerSigner, UnreachableServiceError, type SubgraphContext } from '@supervision/kit';
import { startDroppingServer, startStalledServer, type FaultServer } from './fault-servers';

/** Calls between levels: the real peer client against real servers that stall or drop connections. */
const servers: FaultServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

function contextFor(cityUrl: string, deadlineMs: number): SubgraphContext<unknown> {
  // Peer calls are signed by the calling level; these fault servers do not check the proof.
  const signer = new PeerSigner('district', newPeerKeyPairs().district.privateJwk);
  const peers = new PeerDirectory('a-gateway-secret-of-test', { city: cityUrl }, signer);
  peers.deadlineMs = deadlineMs;
  return { peers, level: 'district', principal: null, loaders: {}, em: undefined as never };
}

test('a stalled peer costs the call its deadline and fails with an error naming the peer', async () => {
  const stalled = await startStalledServer();
  servers.push(stalled);
  const started = Date.now();
  const failure = await callPeer(contextFor(stalled.url, 500), 'city', 'query { x }', {}).catch((error: unknown) => error);
  const elapsed = Date.now() - started;
  expect(failure).toBeInstanceOf(UnreachableServiceError);
  expect((failure as UnreachableServiceError).extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', serviceName: 'city' });
  expect((failure as Error).message).not.toContain('127.0.0.1');
  expect(elapsed).toBeGreaterThanOrEqual(450);
  expect(elapsed).toBeLessThan(2_500);
  expect(stalled.hits()).toBe(1);
});

test('a read to a peer is sent once more when its connection drops', async () => {
  const dropping = await startDroppingServer({ drops: 1, answer: { data: { ok: true } } });
  servers.push(dropping);
  await expect(callPeer(contextFor(dropping.url, 2_000), 'city', 'query { ok }', {})).resolves.toEqual({ ok: true });
  expect(dropping.hits()).toBe(2);
});

test('a write to a peer is never sent again: its fate is unknown once the connection dropped', async () => {
  const dropping = await startDroppingServer({ drops: 1, answer: { data: { ok: true } } });
  servers.push(dropping);
  const failure = await callPeer(contextFor(dropping.url, 2_000), 'city', 'mutation { ok }', {}).catch((error: unknown) => error);
  expect((failure as UnreachableServiceError).extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'city' });
  expect(dropping.hits()).toBe(1);
});
