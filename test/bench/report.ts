import type { MeasuredScenario } from './measure-scenarios';
import type { Metric, Ratio, SideResult } from './rounds';
import type { StatementCounts } from './scenarios';

export interface SideReport extends SideResult {
  query: string;
  answer: string;
  statements: StatementCounts;
}

export type ScenarioReport = MeasuredScenario<SideReport>;

const METRIC_LABELS: Record<Metric, string> = {
  requestsPerSecond: 'req/s',
  meanMs: 'mean latency',
  p50Ms: 'p50 latency',
  p99Ms: 'p99 latency',
};

function pad(text: string, width: number, alignRight = true): string {
  return alignRight ? text.padStart(width) : text.padEnd(width);
}

const ratioText = (ratio: Ratio) => `${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)})`;

/** The scenario as a compact table: medians over the rounds, then the paired ratios. */
export function formatScenario(report: ScenarioReport): string {
  const { plan } = report;
  const lines = [
    `${report.title} — ${plan.rounds} rounds × ${plan.seconds} s per side, ${plan.connections} connections`,
    `  ${report.measures}`,
  ];
  const nameWidth = Math.max(...report.sides.map((side) => side.name.length));
  lines.push(
    `  ${pad('', nameWidth, false)}   req/s  mean ms  p50 ms  p99 ms  SQL city/district/street  answer`,
  );
  for (const side of report.sides) {
    const { median: m, statements: s } = side;
    lines.push(
      [
        `  ${pad(side.name, nameWidth, false)}`,
        pad(m.requestsPerSecond.toFixed(0), 7),
        pad(m.meanMs.toFixed(2), 8),
        pad(m.p50Ms.toFixed(0), 7),
        pad(m.p99Ms.toFixed(0), 7),
        pad(`${s.city}/${s.district}/${s.street}`, 25),
        ` ${side.answer}${side.failed ? `  (${side.failed} FAILED requests)` : ''}`,
      ].join(' '),
    );
  }
  for (const ratio of report.ratios) {
    const parts = Object.entries(ratio.byMetric).map(([metric, value]) => `${METRIC_LABELS[metric as Metric]} ${ratioText(value)}`);
    lines.push(`  ${ratio.label}: ${parts.join(', ')}`);
  }
  return lines.join('\n');
}
