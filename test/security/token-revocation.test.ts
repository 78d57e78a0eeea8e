import { decodeJwt } from 'jose';
import { sqlStatementCount } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

const BINHAI = '120116';
const REFRESH_MS = 200;
let platform: TestPlatform;
let cityCommission: string;

const QUERY = `{ district(code: "${BINHAI}") { units { id } } }`;

async function status(token: string, url = platform.gateway.url): Promise<number> {
  const headers: Record<string, string> = url === platform.gateway.url ? {} : { 'x-gateway-secret': platform.secrets.gatewaySecret };
  return (await graphql(url, QUERY, { token, headers })).status;
}

/** The other services pick a revocation up at their next refresh; wait a few refresh intervals, bounded. */
async function refused(token: string, url?: string): Promise<number> {
  for (let attempt = 0; attempt < 25; attempt += 1) {
    const code = await status(token, url);
    if (code === 401) return code;
    await new Promise((resolve) => setTimeout(resolve, REFRESH_MS));
  }
  return status(token, url);
}

async function revoke(token: string, mutation: 'revokeToken' | 'revokeSessions', variables: Record<string, string>) {
  const argument = mutation === 'revokeToken' ? 'jti: $target' : 'subject: $target';
  const type = mutation === 'revokeToken' ? 'ID!' : 'String!';
  return graphql<Record<string, { jti: string | null; subject: string | null; revokedBy: string }>>(
    platform.gateway.url,
    `mutation($target: ${type}, $reason: String!) { ${mutation}(${argument}, reason: $reason) { jti subject revokedBy } }`,
    { token, variables },
  );
}

beforeAll(async () => {
  platform = await startTestPlatform({ revocationRefreshMs: REFRESH_MS });
  cityCommission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
});
afterAll(() => platform?.stop());

describe('token revocation', () => {
  it('a revoked token is refused by the gateway and by a subgraph; another token of the same person still works', async () => {
    const lost = await platform.token({ subject: 'zhang', level: 'district', code: BINHAI, roles: ['admin'] });
    const other = await platform.token({ subject: 'zhang', level: 'district', code: BINHAI, roles: ['admin'] });
    expect(await status(lost)).toBe(200);
    const response = await revoke(cityCommission, 'revokeToken', { target: decodeJwt(lost).jti!, reason: '设备丢失 / device lost' });
    expect(response.errors).toBeUndefined();
    expect(response.data!.revokeToken).toMatchObject({ jti: decodeJwt(lost).jti, subject: null, revokedBy: 'test-city-120000' });

    expect(await refused(lost)).toBe(401);
    const answer = await graphql(platform.gateway.url, QUERY, { token: lost });
    expect(answer.errors?.[0]).toMatchObject({ message: expect.stringContaining('令牌已被撤销'), extensions: { code: 'UNAUTHENTICATED' } });
    expect(await refused(lost, platform.subgraphs.district.url)).toBe(401);
    expect(await status(other)).toBe(200);
  });

  it("revoking a subject's sessions refuses every token it holds, and a token issued afterwards works", async () => {
    const first = await platform.token({ subject: 'li', level: 'district', code: BINHAI, roles: ['admin'] });
    const second = await platform.token({ subject: 'li', level: 'district', code: BINHAI, roles: ['admin'] });
    expect((await revoke(cityCommission, 'revokeSessions', { target: 'li', reason: '调离岗位 / left the post' })).errors).toBeUndefined();
    expect(await refused(first)).toBe(401);
    expect(await refused(second)).toBe(401);
    expect(await refused(second, platform.subgraphs.street.url)).toBe(401);
    // `iat` has one-second precision: a token from the next second on is a new session.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await status(await platform.token({ subject: 'li', level: 'district', code: BINHAI, roles: ['admin'] }))).toBe(200);
  });

  it('only the city commission may revoke; bad input names the field; the deny-list cannot be edited', async () => {
    const callers = {
      districtCommission: await platform.token({ level: 'district', code: BINHAI, roles: ['commission'] }),
      cityAdmin: await platform.token({ level: 'city', code: '120000', roles: ['admin', 'leader'] }),
    };
    for (const token of Object.values(callers)) {
      const response = await revoke(token, 'revokeSessions', { target: 'someone', reason: '试图撤销' });
      expect(response.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    }
    const anonymous = await graphql(platform.gateway.url, 'mutation { revokeSessions(subject: "x", reason: "y") { id } }');
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const blank = await revoke(cityCommission, 'revokeSessions', { target: 'someone', reason: '   ' });
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });

    const em = platform.subgraphs.city.orm.em.fork().getConnection();
    await expect(em.execute('delete from "token_revocation"')).rejects.toThrow(/append-only/);
    const list = await graphql<{ tokenRevocations: { subject: string | null }[] }>(platform.gateway.url, '{ tokenRevocations { subject jti } }', { token: cityCommission });
    expect(list.data!.tokenRevocations.map((row) => row.subject)).toContain('li');
    const peek = await graphql(platform.gateway.url, '{ tokenRevocations { subject } }', { token: callers.districtCommission });
    expect(peek.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    // The list the other services fetch answers only with the gateway secret.
    const cityBase = new URL('/revocations', platform.subgraphs.city.url);
    expect((await fetch(cityBase)).status).toBe(403);
  });

  it('costs the city\'s database nothing at rest: the list the others fetch is answered from memory', async () => {
    const statementsBefore = await sqlStatementCount(platform.subgraphs.city.metrics);
    const url = new URL('/revocations', platform.subgraphs.city.url);
    const headers = { 'x-gateway-secret': platform.secrets.gatewaySecret };
    for (let fetches = 0; fetches < 5; fetches += 1) {
      const answer = (await (await fetch(url, { headers })).json()) as { revocations: { subject: string | null }[] };
      expect(answer.revocations.map((row) => row.subject)).toContain('li');
    }
    // Meanwhile the gateway, the district and the street fetch it every interval, ten times over.
    await new Promise((resolve) => setTimeout(resolve, REFRESH_MS * 10));
    expect(await sqlStatementCount(platform.subgraphs.city.metrics)).toBe(statementsBefore);
  });

  it('a revocation written by another replica of the city reaches every service through the database\'s notice', async () => {
    const token = await platform.token({ subject: 'wang', level: 'district', code: BINHAI, roles: ['admin'] });
    expect(await status(token)).toBe(200);
    // Another city replica's insert: this process's list only learns of it from LISTEN/NOTIFY.
    await platform.subgraphs.city.orm.em.fork().getConnection().execute(
      `insert into "token_revocation" ("id", "subject", "reason", "revoked_by", "revoked_at") values (gen_random_uuid(), 'wang', '另一副本 / another replica', 'test', now())`,
    );
    expect(await refused(token)).toBe(401);
    expect(await refused(token, platform.subgraphs.district.url)).toBe(401);
  });
});
