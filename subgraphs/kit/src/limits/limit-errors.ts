import { GraphQLError } from 'graphql';

/** Error codes of a refused operation; clients may rely on them. */
export type LimitCode =
  | 'QUERY_TOO_COMPLEX'
  | 'QUERY_TOO_LARGE'
  | 'DEADLINE_EXCEEDED'
  | 'RESPONSE_TOO_LARGE'
  | 'INTROSPECTION_DISABLED';

/** A refused operation: HTTP 400, the code, and the limit in Chinese and English. */
export function limitError(code: LimitCode, chinese: string, english: string, limit?: number): GraphQLError {
  return new GraphQLError(`${chinese} / ${english}`, {
    extensions: { code, ...(limit !== undefined ? { limit } : {}), http: { status: 400 } },
  });
}
