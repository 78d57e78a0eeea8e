import autocannon from 'autocannon';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadRequest, Sample } from './load';

/*
 * Runs in a worker thread: the load generator parses every response, and on the platform's
 * own event loop it would steal the time it is measuring.
 */

// Off the main thread autocannon hands back its raw histograms and leaves merging them to the
// caller; its `aggregateResult` does that but is missing from @types/autocannon.
const { aggregateResult } = autocannon as unknown as {
  aggregateResult(results: unknown[], options: autocannon.Options): autocannon.Result;
};

async function main(request: LoadRequest): Promise<Sample> {
  const options: autocannon.Options = {
    url: request.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
    connections: request.connections,
    duration: request.seconds,
    maxOverallRequests: request.maxRequests,
    ...(request.timeoutSeconds ? { timeout: request.timeoutSeconds } : {}),
  };
  const result = aggregateResult([await autocannon(options)], options);
  const completed = result['2xx'];
  return {
    completed,
    failed: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
    requestsPerSecond: completed / result.duration,
    meanMs: result.latency.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}

main(workerData as LoadRequest).then(
  (sample) => parentPort!.postMessage(sample),
  (error: unknown) => {
    throw error;
  },
);
