/** 留存期限 Ten years unless configured (RETENTION_YEARS): the usual keeping period of 纪检监察 working files. */
export const DEFAULT_RETENTION_YEARS = 10;

/**
 * The last day a record past its retention period can have occurred on: records that occurred
 * before `today` less `years` years are due for archival. February 29 falls back to the 28th.
 */
export function retentionCutoff(today: string, years: number): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year - years, month - 1, day));
  // 2024-02-29 less one year is 2023-02-28, not March 1.
  if (target.getUTCMonth() !== month - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
