import { GraphQLError } from 'graphql';

/** Error codes of a refused operation; clients may rely on them. */
export type LimitCode =
  | 'QUERY_TOO_COMPLEX'
  | 'QUERY_TOO_LARGE'
  | 'DEADLINE_EXCEEDED'
  | 'RESPONSE_TOO_LARGE'
  | 'INTROSPECTION_DISABLED';

/**
 * A refused operation: the code, and the limit in Chinese and English. Refusals before
 * execution answer HTTP 400; one raised while fields resolve (the deadline) must not carry a
 * status, or the gateway would discard the whole fetch as failed instead of that field.
 */
export function limitError(code: LimitCode, chinese: string, english: string, limit?: number, status: number | null = 400): GraphQLError {
  return new GraphQLError(`${chinese} / ${english}`, {
    extensions: { code, ...(limit !== undefined ? { limit } : {}), ...(status ? { http: { status } } : {}) },
  });
}
