import { GATEWAY_SECRET_HEADER, newPeerKeyPairs, PeerSigner, PEER_NONCE_HEADER, PEER_SIGNATURE_HEADER, PEER_TIMESTAMP_HEADER } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
let token: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  token = await platform.token({ level: 'district', code: '120117', roles: ['admin'] });
});
afterAll(() => platform?.stop());

/** The hidden peer-only mutation: only the district subgraph may record a report on a city finding. */
const RECORD = JSON.stringify({
  query: 'mutation { recordCitySupervisionFindingReport(findingId: "0192f0c4-0000-7000-8000-000000000001", reportId: "0192f0c4-0000-7000-8000-000000000002") { id } }',
});

async function callCity(headers: Record<string, string>, body = RECORD): Promise<{ status: number; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(platform.subgraphs.city.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [GATEWAY_SECRET_HEADER]: platform.secrets.gatewaySecret,
      authorization: `Bearer ${token}`,
      ...headers,
    },
    body,
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const districtSigner = () => new PeerSigner('district', platform.secrets.peerKeyPairs.district.privateJwk);

async function expectPlainQueryStillAnswers(): Promise<void> {
  expect((await graphql(platform.gateway.url, '{ city { code } }')).data).toEqual({ city: { code: '120000' } });
}

describe('peer-only operations refuse anything but a proven peer', () => {
  it('refuses the gateway secret alone (no peer header)', async () => {
    const response = await callCity({});
    expect(response.status).toBe(200);
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(response.errors?.[0].message).toMatch(/only the level below/);
  });

  it('refuses the secret plus a claimed peer header without a signature', async () => {
    const response = await callCity({ 'x-peer-subgraph': 'district' });
    expect(response.status).toBe(403);
    expect(response.errors?.[0].message).toMatch(/peer call refused/);
    await expectPlainQueryStillAnswers();
  });

  it('refuses a signature made with another key', async () => {
    const forger = new PeerSigner('district', newPeerKeyPairs().district.privateJwk);
    const response = await callCity(forger.headers('POST', platform.subgraphs.city.url, RECORD));
    expect(response.status).toBe(403);
    expect(response.errors?.[0].message).toMatch(/bad signature/);
  });

  it("refuses a street subgraph's genuine signature claiming to be the district", async () => {
    const street = new PeerSigner('street', platform.secrets.peerKeyPairs.street.privateJwk);
    const headers = { ...street.headers('POST', platform.subgraphs.city.url, RECORD), 'x-peer-subgraph': 'district' };
    expect((await callCity(headers)).status).toBe(403);
  });

  it('refuses a signed call whose body was changed on the way', async () => {
    const headers = districtSigner().headers('POST', platform.subgraphs.city.url, RECORD);
    const tampered = RECORD.replace('000000000002', '000000000003');
    const response = await callCity(headers, tampered);
    expect(response.status).toBe(403);
    expect(response.errors?.[0].message).toMatch(/bad signature/);
  });

  it('refuses a replayed call, and a stale timestamp', async () => {
    const headers = districtSigner().headers('POST', platform.subgraphs.city.url, RECORD);
    const first = await callCity(headers);
    expect(first.status).toBe(200);
    expect(first.errors?.[0]?.message ?? '').not.toMatch(/peer call refused|only the level below/);
    const replay = await callCity(headers);
    expect(replay.status).toBe(403);
    expect(replay.errors?.[0].message).toMatch(/replayed/);

    const stale = { ...districtSigner().headers('POST', platform.subgraphs.city.url, RECORD) };
    stale[PEER_TIMESTAMP_HEADER] = String(Date.now() - 10 * 60_000);
    const old = await callCity(stale);
    expect(old.status).toBe(403);
    expect(old.errors?.[0].message).toMatch(/timestamp/);
    await expectPlainQueryStillAnswers();
  });

  it('lets a proven district peer through to the operation itself (which then judges the ids)', async () => {
    const response = await callCity(districtSigner().headers('POST', platform.subgraphs.city.url, RECORD));
    expect(response.status).toBe(200);
    // past the proof: the made-up finding is simply not found
    expect(response.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a proven peer of the wrong level (the street may not record on the city)', async () => {
    const street = new PeerSigner('street', platform.secrets.peerKeyPairs.street.privateJwk);
    const response = await callCity(street.headers('POST', platform.subgraphs.city.url, RECORD));
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('headers it signs carry a nonce and a signature', () => {
    const headers = districtSigner().headers('POST', 'http://127.0.0.1/graphql', '{}');
    expect(headers[PEER_NONCE_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers[PEER_SIGNATURE_HEADER].length).toBeGreaterThan(40);
  });
});
