import type { GraphQLFormattedError } from 'graphql';

/**
 * graphql-js stops parsing at `maxTokens` with a plain syntax error; clients get the platform's
 * code and a bilingual message naming the limit instead.
 */
export function explainTokenLimit(formatted: GraphQLFormattedError, maxTokens: number): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'GRAPHQL_PARSE_FAILED' || !/more tha[nt] \d+ tokens/.test(formatted.message)) return formatted;
  return {
    message: `超出词法单元数量限制（${maxTokens}） / the document has more than ${maxTokens} tokens`,
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: maxTokens },
  };
}
