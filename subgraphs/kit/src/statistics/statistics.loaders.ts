import { today } from '../calendar/calendar-date';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { LoaderFamily } from '../pagination/paged-loader';
import type { DateRange, StatisticsPeriod } from './period';
import {
  dutyRecordCountsByPeriod,
  streetTaskCountsOfDistricts,
  streetTaskTotalsByDistrict,
  taskCountsByJurisdiction,
  type DistrictTaskTotals,
  type PeriodCount,
} from './statistics.sql';
import { NO_TASKS, type TaskCounts } from './task-counts';

/**
 * Per-request loaders: however many jurisdictions a query asks about, each aggregate is one
 * statement (`city { districts { taskStats } }` counts the 16 districts' tasks in one GROUP BY).
 */
export function createStatisticsLoaders(em: EntityManager) {
  // One "today" per request, the same one the `overdue` fields of this request use.
  const on = today();
  const dutyRecordFamily = new LoaderFamily();
  return {
    statsTaskCounts: new DataLoader<string, TaskCounts>(async (codes) => {
      const counts = await taskCountsByJurisdiction(em, codes, on);
      return codes.map((code) => counts.get(code) ?? NO_TASKS);
    }),
    /** Keyed by district code: one statement counts the streets of every district in the batch, by street code. */
    statsStreetTaskCountsByDistrict: new DataLoader<string, Map<string, TaskCounts>>(async (districtCodes) => {
      const counts = await streetTaskCountsOfDistricts(em, districtCodes, on);
      return districtCodes.map(() => counts);
    }),
    statsStreetTotalsByCity: new DataLoader<string, DistrictTaskTotals[]>(async (cityCodes) => {
      const totals = await streetTaskTotalsByDistrict(em, cityCodes, on);
      return cityCodes.map((code) => totals.get(code) ?? []);
    }),
    /** One loader per (period, range), so differently shaped questions never share a batch. */
    statsDutyRecordCounts(period: StatisticsPeriod, range: DateRange): DataLoader<string, PeriodCount[]> {
      return dutyRecordFamily.get(`${period} ${range.from} ${range.to}`, () =>
        new DataLoader<string, PeriodCount[]>(async (codes) => {
          const counts = await dutyRecordCountsByPeriod(em, codes, period, range);
          return codes.map((code) => counts.get(code) ?? []);
        }),
      );
    },
  };
}

export type StatisticsLoaders = ReturnType<typeof createStatisticsLoaders>;
