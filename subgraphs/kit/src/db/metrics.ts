import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import { createRequestMetrics, type RequestMetrics } from '../observability/service-metrics';

/**
 * Metrics of one service. Each service gets its own registry (not prom-client's global one)
 * because tests run all three subgraphs in one process and must tell their counters apart.
 */
export interface ServiceMetrics {
  registry: Registry;
  sqlStatements: Counter<'service'>;
  /** GraphQL requests, latencies and errors by operation name. */
  requests: RequestMetrics;
}

export function createServiceMetrics(service: string, options: { processMetrics?: boolean } = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const sqlStatements = new Counter({
    name: 'sql_statements_total',
    help: 'SQL statements sent to this service\'s database',
    labelNames: ['service'],
    registers: [registry],
  });
  return { registry, sqlStatements, requests: createRequestMetrics(registry) };
}

/** The current value of the SQL statement counter, for tests and benchmarks. */
export async function sqlStatementCount(metrics: ServiceMetrics): Promise<number> {
  const value = await metrics.sqlStatements.get();
  return value.values.reduce((sum, sample) => sum + sample.value, 0);
}
