import type { GraphQLFormattedError } from 'graphql';

/**
 * Codes whose message was written for the client (by a subgraph, by the limits or by the
 * gateway's own validation). Anything else is an internal failure and its text is replaced.
 */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'FAILED_PRECONDITION',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_LARGE',
  'DEADLINE_EXCEEDED',
  'RESPONSE_TOO_LARGE',
  'INTROSPECTION_DISABLED',
  'RATE_LIMITED',
  // A level that is down or too slow: the rest of the answer still arrives (see docs/operations.md).
  'SUBGRAPH_UNAVAILABLE',
  'SUBGRAPH_TIMEOUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** The only extensions a client sees: the rest (`response` with a subgraph URL and body, `exception`, …) stays inside. */
// `existingId`: the record a unique value already belongs to (a unique violation), so a form can link to it.
const CLIENT_EXTENSIONS = ['code', 'field', 'limit', 'serviceName', 'classification', 'existingId'] as const;

const URL_PATTERN = /\b(?:https?|postgres(?:ql)?):\/\/\S+/gi;

/**
 * What reaches a client of the gateway: the code, the field, the path and the subgraph's name,
 * never an internal URL, a subgraph's raw body, SQL or a stack trace. `internal` receives the
 * original so the operator can still read it in the log.
 */
export function maskError(formatted: GraphQLFormattedError, internal: (formatted: GraphQLFormattedError) => void): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : 'INTERNAL_SERVER_ERROR';
  const extensions: Record<string, unknown> = {};
  for (const key of CLIENT_EXTENSIONS) {
    if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
  }
  extensions.code = CLIENT_CODES.has(code) ? code : 'INTERNAL_SERVER_ERROR';
  let message: string;
  if (CLIENT_CODES.has(code) && !isRawHttpFailure(formatted.message)) {
    message = formatted.message.replace(URL_PATTERN, '[internal address]');
  } else if (code === 'UNAUTHENTICATED') {
    message = '需要登录 / sign in: this field needs a valid token';
  } else if (code === 'FORBIDDEN') {
    message = '无权访问 / forbidden';
  } else {
    internal(formatted);
    message = '内部错误 / internal error';
  }
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}

/** Apollo Gateway's text for a subgraph's non-200 answer ("401: Unauthorized"), which says nothing useful. */
function isRawHttpFailure(message: string): boolean {
  return /^\d{3}: /.test(message);
}
