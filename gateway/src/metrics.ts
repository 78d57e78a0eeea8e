import { createServiceMetrics, LATENCY_BUCKETS, type Logger, type ServiceMetrics } from '@supervision/kit';
import { Counter, Histogram } from 'prom-client';
import type { SubgraphFetchEvent } from './subgraph-source';

/** The gateway's metrics: its GraphQL requests (as every service) and each call to a subgraph. */
export interface GatewayMetrics extends ServiceMetrics {
  subgraphFetches: Histogram<'subgraph' | 'outcome'>;
  subgraphRetries: Counter<'subgraph'>;
}

export function createGatewayMetrics(options: { processMetrics?: boolean } = {}): GatewayMetrics {
  const base = createServiceMetrics('gateway', options);
  return {
    ...base,
    subgraphFetches: new Histogram({
      name: 'subgraph_fetch_duration_seconds',
      help: 'Calls from the gateway to a subgraph, by subgraph and outcome (ok, timeout, unavailable, error)',
      labelNames: ['subgraph', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [base.registry],
    }),
    subgraphRetries: new Counter({
      name: 'subgraph_fetch_retries_total',
      help: 'Reads sent to a subgraph a second time after a dropped connection',
      labelNames: ['subgraph'],
      registers: [base.registry],
    }),
  };
}

/** Records one subgraph call; a call that failed is also a warning in the log, with its request id. */
export function recordSubgraphFetch(metrics: GatewayMetrics, logger: Logger, event: SubgraphFetchEvent): void {
  metrics.subgraphFetches.observe({ subgraph: event.subgraph, outcome: event.outcome }, event.seconds);
  if (event.retried) metrics.subgraphRetries.inc({ subgraph: event.subgraph });
  if (event.outcome !== 'ok') {
    logger.warn(
      { requestId: event.requestId, subgraph: event.subgraph, outcome: event.outcome, ms: Math.round(event.seconds * 1000), retried: event.retried },
      'subgraph call failed',
    );
  }
}
