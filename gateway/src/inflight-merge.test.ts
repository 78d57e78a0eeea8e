import { mergingFetcher, type BaseFetch } from './inflight-merge';

/** A subgraph stand-in that answers each request after `release()`, counting what reached it. */
function slowSubgraph() {
  const sent: string[] = [];
  const pending: (() => void)[] = [];
  const base: BaseFetch = (url, init) => {
    sent.push(String(init?.body));
    return new Promise((resolve) =>
      pending.push(() => resolve(new Response(JSON.stringify({ data: { n: sent.length } }), { status: 200, headers: { 'content-type': 'application/json' } }))),
    );
  };
  return { base, sent, release: () => pending.splice(0).forEach((answer) => answer()) };
}

const post = (query: string, authorization = 'Bearer a', variables: Record<string, unknown> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization },
  body: JSON.stringify({ query, variables }),
});

describe('merging identical in-flight subgraph requests', () => {
  test('identical queries in flight reach the subgraph once, and each caller gets its own parsed body', async () => {
    const subgraph = slowSubgraph();
    const fetcher = mergingFetcher(subgraph.base);
    const answers = [1, 2, 3].map(() => fetcher('http://s/graphql', post('{ districts { code } }')));
    await new Promise((resolve) => setImmediate(resolve));
    expect(fetcher.inFlight()).toBe(1);
    subgraph.release();
    const bodies = await Promise.all(answers.map(async (answer) => (await answer).json()));
    expect(subgraph.sent).toHaveLength(1);
    expect(bodies).toEqual([{ data: { n: 1 } }, { data: { n: 1 } }, { data: { n: 1 } }]);
    bodies[0].data.n = 99;
    expect(bodies[1].data.n).toBe(1);
    expect(fetcher.inFlight()).toBe(0);
  });

  test('different principals, variables or subgraphs are never merged', async () => {
    const subgraph = slowSubgraph();
    const fetcher = mergingFetcher(subgraph.base);
    const query = 'query($code: ID!) { district(code: $code) { name } }';
    const answers = [
      fetcher('http://s/graphql', post(query, 'Bearer a', { code: '120101' })),
      fetcher('http://s/graphql', post(query, 'Bearer b', { code: '120101' })),
      fetcher('http://s/graphql', post(query, 'Bearer a', { code: '120102' })),
      fetcher('http://t/graphql', post(query, 'Bearer a', { code: '120101' })),
    ];
    await new Promise((resolve) => setImmediate(resolve));
    subgraph.release();
    await Promise.all(answers);
    expect(subgraph.sent).toHaveLength(4);
  });

  test('mutations are always sent, each time', async () => {
    const subgraph = slowSubgraph();
    const fetcher = mergingFetcher(subgraph.base);
    const mutation = 'mutation { startDistrictTask(id: "x") { id } }';
    const answers = [fetcher('http://s/graphql', post(mutation)), fetcher('http://s/graphql', post(mutation))];
    await new Promise((resolve) => setImmediate(resolve));
    subgraph.release();
    await Promise.all(answers);
    expect(subgraph.sent).toHaveLength(2);
  });

  test('a request after the answer came back is sent again: nothing is cached', async () => {
    const subgraph = slowSubgraph();
    const fetcher = mergingFetcher(subgraph.base);
    const first = fetcher('http://s/graphql', post('{ districts { code } }'));
    await new Promise((resolve) => setImmediate(resolve));
    subgraph.release();
    await first;
    const second = fetcher('http://s/graphql', post('{ districts { code } }'));
    await new Promise((resolve) => setImmediate(resolve));
    subgraph.release();
    expect(await (await second).json()).toEqual({ data: { n: 2 } });
    expect(subgraph.sent).toHaveLength(2);
  });
});
