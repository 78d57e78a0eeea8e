import { startGateway } from '@supervision/gateway';
import { DEFAULT_LIMITS, GATEWAY_SECRET_HEADER } from '@supervision/kit';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const PLAIN = '{ city { code name } }';

/** `{ city { districts { streets { district { streets { district … code } } } } } }` with `pairs` district/streets pairs. */
function recursion(pairs: number): string {
  let inner = 'code';
  for (let i = 0; i < pairs; i += 1) inner = `streets { district { ${inner} } }`;
  return `{ city { districts { ${inner} } } }`;
}

async function expectPlainQueryStillAnswers(): Promise<void> {
  const response = await graphql(platform.gateway.url, PLAIN);
  expect(response.status).toBe(200);
  expect(response.data).toEqual({ city: { code: '120000', name: '天津市' } });
}

function codes(response: { errors?: { extensions?: Record<string, unknown> }[] }): unknown[] {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

describe('operation limits at the gateway', () => {
  it('refuses the 22-level recursion before any subgraph runs it, naming the limit', async () => {
    const query = recursion(10);
    const started = Date.now();
    const response = await graphql(platform.gateway.url, query);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(codes(response)).toContain('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0].message).toMatch(/超出查询深度限制.*\/ Query depth limit of 8 exceeded, found 2\d/);
    expect(response.errors?.[0].extensions?.limit).toBe(8);
    await expectPlainQueryStillAnswers();
  });

  it('gives callers with a token a higher depth limit than anonymous callers, still bounded', async () => {
    const token = await platform.token({ level: 'city', code: '120000', roles: ['analyst'] });
    // depth 9: over the anonymous limit (8), within the authenticated one (12)
    const nine = recursion(3);
    const anonymous = await graphql(platform.gateway.url, nine);
    expect(codes(anonymous)).toContain('QUERY_TOO_COMPLEX');
    const signedIn = await graphql(platform.gateway.url, '{ city { districts { code streets { code } } } }', { token });
    expect(signedIn.errors).toBeUndefined();
    const deep = await graphql(platform.gateway.url, recursion(10), { token });
    expect(codes(deep)).toContain('QUERY_TOO_COMPLEX');
    expect(deep.errors?.[0].message).toMatch(/limit of 12/);
  });

  it('refuses an alias bomb of 1,000 copies of districts { streets }', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: districts { streets { code } }`).join(' ');
    const response = await graphql(platform.gateway.url, `{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(codes(response)).toContain('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0].message).toMatch(/超出(别名数量|词法单元数量)限制/);
    await expectPlainQueryStillAnswers();
  });

  it('refuses a 5 MB document of __typename aliases without parsing it', async () => {
    const query = `{ ${Array.from({ length: 291_000 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect(query.length).toBeGreaterThan(4_000_000);
    const started = Date.now();
    const response = await graphql(platform.gateway.url, query);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(response.status).toBe(400);
    expect(codes(response)).toContain('QUERY_TOO_LARGE');
    expect(response.errors?.[0].message).toMatch(/查询文本超出长度限制.*exceeds the limit of 50000/);
    await expectPlainQueryStillAnswers();
  });

  it('refuses a document over the token limit even when it is short enough', async () => {
    // 1,500 tokens: under the parser's (authenticated) limit, over the anonymous one
    const query = `{ city { ${Array.from({ length: 250 }, () => '... on City { code }').join(' ')} } }`;
    const response = await graphql(platform.gateway.url, query);
    expect(codes(response)).toContain('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0].message).toMatch(/超出词法单元数量限制（1000）/);
  });

  it('refuses repeated directives', async () => {
    const fields = Array.from({ length: 12 }, () => 'code @include(if: true)').join(' ');
    const response = await graphql(platform.gateway.url, `{ city { ${fields} } }`);
    expect(codes(response)).toContain('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0].message).toMatch(/超出指令数量限制/);
  });

  it('weighs list fields by their page size: a huge `first` below a list is refused by cost', async () => {
    const token = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
    const query = `{ city { districts { streets { district { streets { district { streets { code name kind } } } } } } } }`;
    const response = await graphql(platform.gateway.url, query, { token });
    expect(codes(response)).toContain('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0].message).toMatch(/超出查询成本限制/);
  });
});

describe('the gateway\'s per-request deadline', () => {
  it('answers 504 DEADLINE_EXCEEDED when the answer is not ready in time, and keeps serving', async () => {
    const hasty = await startGateway({
      port: 0,
      gatewaySecret: platform.secrets.gatewaySecret,
      jwtPublicJwk: platform.secrets.publicJwk,
      subgraphUrls: { city: platform.subgraphs.city.url, district: platform.subgraphs.district.url, street: platform.subgraphs.street.url },
      // 1 ms: no answer that needs a subgraph can be ready
      limits: { ...DEFAULT_LIMITS, deadlineMs: 1 },
      log: () => {},
    });
    try {
      const response = await graphql(hasty.url, '{ city { districts { streets { code } } } }');
      expect(response.status).toBe(504);
      expect(codes(response)).toEqual(['DEADLINE_EXCEEDED']);
      expect(response.errors?.[0].message).toMatch(/请求超出时限（1 毫秒）/);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expectPlainQueryStillAnswers();
    } finally {
      await hasty.stop();
    }
  });
});

describe('operation limits in a subgraph called directly with the gateway secret', () => {
  async function direct(url: string, query: string): Promise<{ status: number; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: platform.secrets.gatewaySecret },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  it('the street subgraph refuses Street.district.streets recursion on its own', async () => {
    let inner = 'code';
    for (let i = 0; i < 10; i += 1) inner = `streets { district { ${inner} } }`;
    const response = await direct(platform.subgraphs.street.url, `{ street(code: "120101001") { district { ${inner} } } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0].message).toMatch(/超出查询深度限制/);
    await expectPlainQueryStillAnswers();
  });

  it('the district subgraph refuses an alias bomb on its own', async () => {
    const aliases = Array.from({ length: 500 }, (_, i) => `a${i}: districts { code }`).join(' ');
    const response = await direct(platform.subgraphs.district.url, `{ ${aliases} }`);
    expect(response.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});
