import type { Level } from '../jurisdiction/admin-code';

/**
 * The read trace's root fields, literally, per level (`operationsAt` takes each name from here):
 * who has read one record, and what one principal has read.
 */
export const READ_TRACE_OPERATIONS = {
  city: { recordReads: 'cityReadTrace', readsBy: 'cityReadsBy' },
  district: { recordReads: 'districtReadTrace', readsBy: 'districtReadsBy' },
  street: { recordReads: 'streetReadTrace', readsBy: 'streetReadsBy' },
} as const satisfies Partial<Record<Level, Record<string, string>>>;
