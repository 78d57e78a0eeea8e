import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** One autocannon run: what to send, how hard, and when to stop (time or count, whichever first). */
export interface LoadRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  maxRequests: number;
  /** Seconds before a request counts as failed (autocannon's default: 10). */
  timeoutSeconds?: number;
}

/**
 * What one run measured. Latencies are in milliseconds and autocannon records each as a whole
 * millisecond, so the mean is biased low by up to 1 ms; requests per second are counted exactly.
 */
export interface Sample {
  completed: number;
  failed: number;
  seconds: number;
  requestsPerSecond: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
}

/** Fires `request` from a worker thread and resolves with its figures. */
export function runLoad(request: LoadRequest): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'load-worker.js'), { workerData: request });
    worker.once('message', (sample: Sample) => resolve(sample));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load worker exited with code ${code}`));
    });
  });
}
