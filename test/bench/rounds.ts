import { runLoad, type LoadRequest, type Sample } from './load';

/** One of the things measured side by side: a request and where it goes. */
export interface Side {
  name: string;
  request: Pick<LoadRequest, 'url' | 'body' | 'headers'>;
}

export interface Plan {
  rounds: number;
  /** Length of one sample of one side. */
  seconds: number;
  /** Unrecorded run of each side before the first round (JIT, connection pools, plan caches). */
  warmupSeconds: number;
  connections: number;
  /** Upper bound on requests in one sample, whatever the time left. */
  maxRequests: number;
}

export type Metric = 'requestsPerSecond' | 'meanMs' | 'p50Ms' | 'p99Ms';
export const METRICS: Metric[] = ['requestsPerSecond', 'meanMs', 'p50Ms', 'p99Ms'];

export interface SideResult {
  name: string;
  /** One sample per round, in round order. */
  samples: Sample[];
  /** Median over the rounds, per metric. */
  median: Record<Metric, number>;
  failed: number;
}

export interface Ratio {
  /** Median over the rounds of numerator ÷ denominator within the same round. */
  median: number;
  min: number;
  max: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs every side once per round, one after the other, so that a burst of noise from the other
 * tenants of the machine lands on all sides alike rather than on whichever ran during it. Each
 * round starts one side later than the one before (A B, B A, …) so no side always runs first.
 */
export async function interleave(
  sides: Side[],
  plan: Plan,
  onSample: (side: string, round: number, sample: Sample) => void = () => {},
): Promise<SideResult[]> {
  const load = (side: Side, seconds: number) =>
    runLoad({ ...side.request, connections: plan.connections, seconds, maxRequests: plan.maxRequests });
  for (const side of sides) await load(side, plan.warmupSeconds);
  const samples: Sample[][] = sides.map(() => []);
  for (let round = 0; round < plan.rounds; round++) {
    for (let offset = 0; offset < sides.length; offset++) {
      const index = (round + offset) % sides.length;
      const sample = await load(sides[index], plan.seconds);
      samples[index][round] = sample;
      onSample(sides[index].name, round, sample);
    }
  }
  return sides.map((side, index) => ({
    name: side.name,
    samples: samples[index],
    median: Object.fromEntries(METRICS.map((metric) => [metric, median(samples[index].map((s) => s[metric]))])) as Record<
      Metric,
      number
    >,
    failed: samples[index].reduce((sum, sample) => sum + sample.failed, 0),
  }));
}

/** Paired by round: both samples of a round shared the machine's state of the moment. */
export function pairedRatio(numerator: SideResult, denominator: SideResult, metric: Metric): Ratio {
  const ratios = numerator.samples.map((sample, round) => sample[metric] / denominator.samples[round][metric]);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}
