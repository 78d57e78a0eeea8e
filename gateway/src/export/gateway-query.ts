/** One GraphQL error as the gateway answers it. */
export interface ExportGraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/** The gateway refused or failed the query behind an export; carries its errors unchanged. */
export class ExportQueryError extends Error {
  constructor(
    readonly errors: ExportGraphQLError[],
    readonly httpStatus: number,
  ) {
    super(errors.map((error) => error.message).join('; '));
  }
}

export interface RunQuery {
  <T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Rows per page when a list is read page by page. */
  pageSize: number;
}

/**
 * Runs a query through the gateway's own /graphql endpoint over HTTP with the caller's
 * Authorization header: the export sees exactly what the caller would see, and every rule of
 * the endpoint (token check, operation limits, read rules in the subgraphs) applies to it.
 */
export function gatewayQueryRunner(graphqlUrl: string, authorization: string | undefined, pageSize = EXPORT_PAGE_SIZE): RunQuery {
  const run = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: ExportGraphQLError[] };
    // A classified field refused to this caller (`@sensitive`) is an empty cell, not a failed export: the
    // column stays, its content never leaves the subgraph. Any other error fails the export as before.
    const errors = (body.errors ?? []).filter((error) => !isClassifiedRefusal(error));
    if (errors.length) throw new ExportQueryError(errors, statusOf(errors, response.status));
    if (!body.data) throw new ExportQueryError([{ message: `网关无数据 / no data from the gateway (HTTP ${response.status})` }], 502);
    return body.data;
  };
  return Object.assign(run, { pageSize: Math.min(pageSize, EXPORT_PAGE_SIZE) });
}

/** A field the caller's roles may not read, refused on its own path while the rest of the row answers. */
function isClassifiedRefusal(error: ExportGraphQLError): boolean {
  return error.extensions?.code === 'FORBIDDEN' && typeof error.extensions.classification === 'string' && !!error.path;
}

/** The HTTP status an export answers with when its query is refused. */
function statusOf(errors: ExportGraphQLError[], gatewayStatus: number): number {
  const code = errors[0]?.extensions?.code;
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
      return 400;
    case 'NOT_FOUND':
      return 404;
    default:
      return gatewayStatus >= 400 ? gatewayStatus : 502;
  }
}

/** A connection as every paged list of the schema returns it. */
export interface Connection<Node> {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: Node }[];
}

/** The largest page the subgraphs hand out (`first` ≤ 100). */
export const EXPORT_PAGE_SIZE = 100;

/**
 * Every node of a paged list, one page at a time, so an export holds one page in memory
 * whatever the list's length. `select` returns null when the jurisdiction does not exist.
 */
export async function* allNodes<Data, Node>(
  run: RunQuery,
  query: string,
  variables: Record<string, unknown>,
  select: (data: Data) => Connection<Node> | null | undefined,
): AsyncGenerator<Node> {
  let after: string | null = null;
  for (;;) {
    const connection = select(await run<Data>(query, { ...variables, first: run.pageSize, after }));
    if (!connection) throw new ExportQueryError([{ message: '辖区不存在 / no such jurisdiction', extensions: { code: 'NOT_FOUND', field: 'jurisdiction' } }], 404);
    for (const edge of connection.edges) yield edge.node;
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
    after = connection.pageInfo.endCursor;
  }
}
