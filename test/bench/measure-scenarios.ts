import { pairedRatio, type Metric, type Plan, type Ratio, type SideResult } from './rounds';

/** A ratio a scenario reports: one side's figures over another's, per metric, paired by round. */
export interface RatioSpec {
  label: string;
  numerator: string;
  denominator: string;
  metrics: Metric[];
}

/** What the loop needs of a scenario, whichever benchmark declares it. */
export interface ScenarioSpec<S extends { name: string }> {
  name: string;
  title: string;
  measures: string;
  plan: Plan;
  sides: S[];
  ratios: RatioSpec[];
}

export interface MeasuredScenario<R> {
  name: string;
  title: string;
  measures: string;
  plan: Plan;
  sides: R[];
  ratios: { label: string; numerator: string; denominator: string; byMetric: Partial<Record<Metric, Ratio>> }[];
}

/** The steps that differ between the benchmarks; the order of the steps is `measureScenarios`'. */
export interface MeasureSteps<S extends { name: string }, A, R> {
  /** Sends one side's request alone: checks its answer and counts its statements. */
  alone(side: S): Promise<A>;
  /** Runs the scenario's sides under load, interleaved by round; calls `onSample` after each sample. */
  load(scenario: ScenarioSpec<S>, alone: A[], onSample: () => void): Promise<SideResult[]>;
  /** A side's line of the report from its figures under load and alone. */
  sideReport(side: S, result: SideResult, alone: A): R;
  format(report: MeasuredScenario<R>): string;
}

/**
 * 基准循环 The benchmarks' one loop (`npm run bench`, `npm run bench:scale`): each scenario's sides
 * are checked and counted alone first, so a broken query fails fast instead of timing errors;
 * then loaded round by round, and reported with their paired ratios, printed as they finish.
 */
export async function measureScenarios<S extends { name: string }, A, R>(
  scenarios: readonly ScenarioSpec<S>[],
  steps: MeasureSteps<S, A, R>,
): Promise<MeasuredScenario<R>[]> {
  const reports: MeasuredScenario<R>[] = [];
  for (const scenario of scenarios) {
    const alone: A[] = [];
    for (const side of scenario.sides) alone.push(await steps.alone(side));
    process.stderr.write(`${scenario.title}: `);
    const results = await steps.load(scenario, alone, () => process.stderr.write('.'));
    process.stderr.write('\n');
    const byName = new Map(results.map((result) => [result.name, result]));
    const report: MeasuredScenario<R> = {
      name: scenario.name,
      title: scenario.title,
      measures: scenario.measures,
      plan: scenario.plan,
      sides: scenario.sides.map((side, index) => steps.sideReport(side, results[index], alone[index])),
      ratios: scenario.ratios.map((ratio) => ({
        label: ratio.label,
        numerator: ratio.numerator,
        denominator: ratio.denominator,
        byMetric: Object.fromEntries(ratio.metrics.map((metric) => [metric, pairedRatio(byName.get(ratio.numerator)!, byName.get(ratio.denominator)!, metric)])),
      })),
    };
    console.log(`\n${steps.format(report)}`);
    reports.push(report);
  }
  return reports;
}
