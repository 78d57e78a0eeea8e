import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { estimateCost } from './estimate-cost';

const schema = buildSchema(`
  type Query { districts: [District!]! district(code: ID!): District }
  type District { code: ID! streets: [Street!]! tasks(first: Int = 20): TaskConnection! }
  type Street { code: ID! district: District! }
  type TaskConnection { edges: [TaskEdge!]! totalCount: Int! }
  type TaskEdge { node: Task! }
  type Task { id: ID! title: String! }
`);

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  return estimateCost({
    schema,
    operation: document.definitions[0] as OperationDefinitionNode,
    fragments: {},
    variables,
    defaultListSize: 20,
    stopAbove: Number.MAX_SAFE_INTEGER,
  });
}

describe('estimated cost', () => {
  it('costs 1 per field', () => {
    expect(cost('{ district(code: "1") { code } }')).toBe(2);
  });

  it('multiplies what is below a list by the default size', () => {
    // districts (1) + 20 × (code 1 + streets (1 + 20 × code 1))
    expect(cost('{ districts { code streets { code } } }')).toBe(1 + 20 * (1 + 1 + 20));
  });

  it('weighs a connection by its first argument, literal or variable, once', () => {
    // tasks (1) + 5 × (edges (1 + node (1 + 2)))
    expect(cost('{ district(code: "1") { tasks(first: 5) { edges { node { id title } } } } }')).toBe(1 + 1 + 5 * (1 + 1 + 2));
    expect(cost('query($n: Int) { district(code: "1") { tasks(first: $n) { edges { node { id } } } } }', { n: 50 })).toBe(1 + 1 + 50 * 3);
  });

  it('grows geometrically with a recursion, so it is refused long before it runs', () => {
    let inner = 'code';
    for (let i = 0; i < 4; i += 1) inner = `streets { district { ${inner} } }`;
    expect(cost(`{ districts { ${inner} } }`)).toBeGreaterThan(20 ** 5);
  });

  it('counts every representation of an _entities fetch', () => {
    const federated = buildSchema(`
      scalar _Any
      union _Entity = District
      type Query { _entities(representations: [_Any!]!): [_Entity]! }
      type District { code: ID! }
    `);
    const document = parse('query($r: [_Any!]!) { _entities(representations: $r) { ... on District { code } } }');
    const entities = estimateCost({
      schema: federated,
      operation: document.definitions[0] as OperationDefinitionNode,
      fragments: {},
      variables: { r: Array.from({ length: 300 }, () => ({})) },
      defaultListSize: 20,
      stopAbove: Number.MAX_SAFE_INTEGER,
    });
    expect(entities).toBe(1 + 300);
  });
});
