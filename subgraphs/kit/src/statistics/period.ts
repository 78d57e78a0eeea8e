import { assertCalendarDate } from '../calendar/date-rules';
import { badUserInput } from '../errors/graphql-errors';
import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

export const StatisticsPeriod = bilingualEnum('StatisticsPeriod', '统计周期 The period records are counted per.', {
  MONTH: '月 Per month, labelled 2026-11',
  QUARTER: '季度 Per quarter, labelled 2026-Q4',
  YEAR: '年 Per year, labelled 2026',
});
export type StatisticsPeriod = EnumValue<typeof StatisticsPeriod>;

/** How PostgreSQL truncates, steps and labels each period. */
export const PERIOD_SQL: Record<StatisticsPeriod, { unit: string; step: string; label: string }> = {
  [StatisticsPeriod.MONTH]: { unit: 'month', step: '1 month', label: 'YYYY-MM' },
  [StatisticsPeriod.QUARTER]: { unit: 'quarter', step: '3 months', label: 'YYYY-"Q"Q' },
  [StatisticsPeriod.YEAR]: { unit: 'year', step: '1 year', label: 'YYYY' },
};

/** Every period in the range gets a row (zeros included), so the range must stay reasonable. */
export const MAX_RANGE_YEARS = 20;

export interface DateRange {
  from: string;
  to: string;
}

/** Checks an inclusive date range from client input; each problem names its argument. */
export function assertDateRange(from: string, to: string): DateRange {
  assertCalendarDate('from', from);
  assertCalendarDate('to', to);
  if (to < from) throw badUserInput('to', `不得早于起始日期（${from}） / must not be before from (${from})`);
  const limit = `${String(Number(from.slice(0, 4)) + MAX_RANGE_YEARS).padStart(4, '0')}${from.slice(4)}`;
  if (to >= limit) throw badUserInput('to', `时间范围最多 ${MAX_RANGE_YEARS} 年 / the range may span at most ${MAX_RANGE_YEARS} years`);
  return { from, to };
}
