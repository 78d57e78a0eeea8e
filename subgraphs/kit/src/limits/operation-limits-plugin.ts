import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  Kind,
  Lexer,
  NoSchemaIntrospectionCustomRule,
  Source,
  TokenKind,
  validate,
  type FragmentDefinitionNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { estimateCost } from './estimate-cost';
import { limitError } from './limit-errors';
import type { LimitProfile, OperationLimits } from './operation-limits';
import { rejectNulBytes } from './reject-nul-bytes';

export interface OperationLimitsOptions<Context extends BaseContext> {
  limits: LimitProfile;
  /** Whether the request carries a verified token (anonymous callers get the stricter limits). */
  isAuthenticated(context: Context): boolean;
  /** Production mode: no introspection for anonymous callers. */
  production: boolean;
  /**
   * Stop resolving fields once the deadline has passed. Only where resolvers run (the
   * subgraphs); the gateway answers its own deadline at the HTTP layer.
   */
  fieldDeadline?: boolean;
}

/** graphql-armor reports "Syntax Error: Query depth limit of 12 exceeded, found 22."; we add the Chinese and our code. */
function armorRule(
  build: (options: { n: number; propagateOnRejection: false; onReject: ((ctx: ValidationContext | null, error: GraphQLError) => void)[] }) => ValidationRule,
  limit: number,
  chinese: string,
): ValidationRule {
  return (context) =>
    build({
      n: limit,
      propagateOnRejection: false,
      onReject: [
        (_ctx, error) => {
          const english = error.message.replace(/^Syntax Error: /, '');
          context.reportError(limitError('QUERY_TOO_COMPLEX', chinese, english, limit));
        },
      ],
    })(context);
}

function rulesFor(limits: OperationLimits): ValidationRule[] {
  return [
    armorRule((options) => maxDepthRule({ ...options, flattenFragments: true }), limits.depth, `超出查询深度限制（${limits.depth}）`),
    armorRule((options) => maxAliasesRule(options), limits.aliases, `超出别名数量限制（${limits.aliases}）`),
    armorRule((options) => maxDirectivesRule(options), limits.directives, `超出指令数量限制（${limits.directives}）`),
  ];
}

function countTokens(query: string, stopAbove: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) {
    count += 1;
    if (count > stopAbove) break;
  }
  return count;
}

/**
 * Operation limits as one Apollo Server plugin, used by the gateway and by every subgraph, so a
 * subgraph called directly (with the gateway secret) refuses the same bombs on its own. All
 * checks run after parsing and before the gateway plans or a subgraph executes anything.
 */
export function operationLimitsPlugin<Context extends BaseContext>(options: OperationLimitsOptions<Context>): ApolloServerPlugin<Context> {
  const { limits } = options;
  const authenticatedRules = rulesFor(limits.authenticated);
  const anonymousRules = rulesFor(limits.anonymous);
  return {
    async requestDidStart(start) {
      const deadline = Date.now() + limits.deadlineMs;
      const authenticated = options.isAuthenticated(start.contextValue);
      const applicable = authenticated ? limits.authenticated : limits.anonymous;
      return {
        async didResolveOperation(context: GraphQLRequestContext<Context>) {
          const { document, operation } = context;
          if (!document || !operation) return;
          // The parser already stopped at the authenticated limit; anonymous callers get fewer.
          if (!authenticated && context.source) {
            const tokens = countTokens(context.source, applicable.tokens);
            if (tokens > applicable.tokens) {
              throw limitError(
                'QUERY_TOO_COMPLEX',
                `超出词法单元数量限制（${applicable.tokens}）`,
                `the document has more than ${applicable.tokens} tokens`,
                applicable.tokens,
              );
            }
          }
          const rules = [...(authenticated ? authenticatedRules : anonymousRules)];
          if (options.production && !authenticated) rules.push(NoSchemaIntrospectionCustomRule);
          const [first] = validate(context.schema, document, rules);
          if (first) {
            if (first.extensions?.code) throw first;
            throw limitError('INTROSPECTION_DISABLED', '生产模式下匿名调用不可内省', 'introspection is disabled for anonymous callers in production mode');
          }
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const cost = estimateCost({
            schema: context.schema,
            operation,
            fragments,
            variables: context.request.variables ?? {},
            defaultListSize: limits.defaultListSize,
            stopAbove: applicable.cost,
          });
          if (cost > applicable.cost) {
            throw limitError(
              'QUERY_TOO_COMPLEX',
              `超出查询成本限制（${applicable.cost}）`,
              `estimated query cost ${cost > applicable.cost * 2 ? `over ${applicable.cost}` : cost} exceeds the limit of ${applicable.cost}`,
              applicable.cost,
            );
          }
          rejectNulBytes(document, context.request.variables);
        },
        async executionDidStart() {
          if (!options.fieldDeadline) return;
          return {
            willResolveField() {
              if (Date.now() > deadline) {
                throw limitError('DEADLINE_EXCEEDED', `请求超出时限（${limits.deadlineMs} 毫秒）`, `the request ran past its deadline of ${limits.deadlineMs} ms`, limits.deadlineMs, null);
              }
            },
          };
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const size = Buffer.byteLength(JSON.stringify(response.body.singleResult));
          if (size <= limits.maxResponseBytes) return;
          const error = limitError(
            'RESPONSE_TOO_LARGE',
            `响应超出大小限制（${limits.maxResponseBytes} 字节）`,
            `the response of ${size} bytes exceeds the limit of ${limits.maxResponseBytes}; ask for smaller pages`,
            limits.maxResponseBytes,
          );
          response.body.singleResult = { errors: [{ message: error.message, extensions: { code: 'RESPONSE_TOO_LARGE', limit: limits.maxResponseBytes } }] };
        },
      };
    },
  };
}
