import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Principal } from '../auth/principal';
import { describeInternalError, type Logger } from './logger';
import type { RequestMetrics } from './service-metrics';

/** What the plugin reads from a service's context: both the gateway's and the subgraphs' have these. */
export interface ObservedContext extends BaseContext {
  principal: Principal | null;
  requestId?: string;
}

/**
 * One log line and one set of metrics per GraphQL request: the request id, the principal's
 * subject (never the token), the operation, how long it took and the codes of its errors.
 * Errors not raised on purpose are logged once, here, where the request id is known.
 */
export function observabilityPlugin<C extends ObservedContext>(logger: Logger, metrics: RequestMetrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const requestLogger = logger.child({ requestId: contextValue.requestId, subject: contextValue.principal?.subject ?? null });
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') continue;
            const original = unwrapResolverError(error);
            requestLogger.error({ operation: operationName ?? null, path: error.path, ...describeInternalError(original, logger) }, 'internal error');
          }
        },
        async willSendResponse({ response, operationName, errors }) {
          const operation = metrics.operationLabel(operationName);
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.requests.inc({ operation });
          metrics.duration.observe({ operation }, seconds);
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const codes = (body?.errors ?? errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          for (const code of codes) metrics.errors.inc({ operation, code });
          requestLogger.info(
            { operation: operationName ?? null, ms: Math.round(seconds * 1000), status: response.http.status ?? 200, errors: codes.length ? codes : undefined },
            'graphql request',
          );
        },
      };
    },
  };
}
