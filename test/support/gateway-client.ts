import { graphql, type GraphQLResponse, type TestPlatform } from './platform';

/**
 * Tests read answers as loosely typed JSON (`data.districtTask.milestones[0].title`); a test
 * that wants a shape passes its own `T`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyData = Record<string, any>;

/** The GraphQL answer's data, failing the test with the errors when there are any. */
export function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** The first error's code (and, for bad input, the field it names). */
export function expectError(response: GraphQLResponse<unknown>, code: string, field?: string): void {
  expect(response.errors?.[0].extensions?.code).toBe(code);
  if (field) expect(response.errors?.[0].extensions?.field).toBe(field);
}

/**
 * Calls through a test file's platform, which `beforeAll` starts later — hence the getter:
 * `const { call, callOk } = gatewayCaller(() => platform);`
 */
export function gatewayCaller(platform: () => TestPlatform) {
  function call<T = AnyData>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    return graphql<T>(platform().gateway.url, query, { token, variables });
  }
  /** The call's data; fails the test with the errors it got. */
  async function callOk<T = AnyData>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<T> {
    return ok(await call<T>(token, query, variables));
  }
  return { call, callOk };
}
