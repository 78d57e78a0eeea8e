import { ApolloServer } from '@apollo/server';
import { DEFAULT_LIMITS } from './operation-limits';
import { operationLimitsPlugin } from './operation-limits-plugin';

/** A real Apollo Server with slow and large fields: the deadline and the response size. */
const typeDefs = `type Query { slow: Slow! big: String! } type Slow { after: String! }`;
const resolvers = {
  Query: {
    slow: () => new Promise((resolve) => setTimeout(() => resolve({ after: 'too late' }), 150)),
    big: () => 'x'.repeat(5000),
  },
};

function server(limits: Partial<typeof DEFAULT_LIMITS>) {
  return new ApolloServer<{ principal: null }>({
    typeDefs,
    resolvers,
    plugins: [operationLimitsPlugin({ limits: { ...DEFAULT_LIMITS, ...limits }, production: false, isAuthenticated: () => false, fieldDeadline: true })],
  });
}

async function run(apollo: ApolloServer<{ principal: null }>, query: string) {
  await apollo.start();
  try {
    const response = await apollo.executeOperation({ query }, { contextValue: { principal: null } });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult;
  } finally {
    await apollo.stop();
  }
}

describe('deadline and response size', () => {
  it('stops resolving fields once the deadline has passed', async () => {
    const result = await run(server({ deadlineMs: 50 }), '{ slow { after } }');
    expect(result.errors?.[0].extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(result.errors?.[0].message).toMatch(/请求超出时限（50 毫秒）/);
    // On a loaded machine the deadline may already have passed when `slow` itself starts.
    expect(result.errors?.[0].path?.[0]).toBe('slow');
    expect(result.data ?? null).toBeNull();
  });

  it('answers in time when the deadline allows', async () => {
    const result = await run(server({ deadlineMs: 5000 }), '{ slow { after } }');
    expect(result.data).toEqual({ slow: { after: 'too late' } });
  });

  it('replaces a response over the size limit by RESPONSE_TOO_LARGE', async () => {
    const result = await run(server({ maxResponseBytes: 1000 }), '{ big }');
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0].extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(result.errors?.[0].message).toMatch(/响应超出大小限制（1000 字节）/);
  });
});
