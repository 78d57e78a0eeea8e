import type { TypedDocumentString } from './gql/graphql';

/** One error as the gateway returns it (see the README's *Errors* section). */
export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; serviceName?: string };
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLErrorShape[]) {
    super(errors.map(describeError).join('；'));
  }
}

export function describeError(error: GraphQLErrorShape): string {
  const code = error.extensions?.code;
  const field = error.extensions?.field;
  return [code && `[${code}]`, error.message, field && `（字段 field: ${field}）`].filter(Boolean).join(' ');
}

/** Runs one typed operation on the one endpoint with the signed-in token. */
export async function runQuery<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  token: string,
): Promise<Result> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: GraphQLErrorShape[] };
  if (body.errors?.length) throw new GraphQLRequestError(body.errors);
  if (!body.data) throw new Error(`网关无数据 / no data (HTTP ${response.status})`);
  return body.data;
}
