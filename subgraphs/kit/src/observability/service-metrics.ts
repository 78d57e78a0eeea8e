import { Counter, Histogram, type Registry } from 'prom-client';

/**
 * The metrics every GraphQL service (gateway and subgraphs) keeps about its requests, by
 * operation name. Operation names come from clients, so only well-formed names become labels
 * and at most MAX_OPERATIONS of them; the rest are counted as `other`.
 */
export interface RequestMetrics {
  requests: Counter<'operation'>;
  duration: Histogram<'operation'>;
  errors: Counter<'operation' | 'code'>;
  operationLabel(name: string | null | undefined): string;
}

const MAX_OPERATIONS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createRequestMetrics(registry: Registry): RequestMetrics {
  const seen = new Set<string>();
  return {
    requests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests answered, by operation name',
      labelNames: ['operation'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its answer, by operation name',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors in answers, by operation name and error code',
      labelNames: ['operation', 'code'],
      registers: [registry],
    }),
    operationLabel(name) {
      if (!name) return 'anonymous';
      if (!OPERATION_NAME.test(name)) return 'invalid';
      if (seen.has(name)) return name;
      if (seen.size >= MAX_OPERATIONS) return 'other';
      seen.add(name);
      return name;
    },
  };
}
