import type { Level } from '../jurisdiction/admin-code';

/**
 * The rectification domain's root fields, literally, per level: grepping a name seen in the schema
 * lands here, and the factories take each name from this table (`operationsAt`).
 */
export const RECTIFICATION_OPERATIONS = {
  city: {
    rectificationReport: 'cityRectificationReport',
    submitRectificationReport: 'submitCityRectificationReport',
  },
  district: {
    rectificationReport: 'districtRectificationReport',
    submitRectificationReport: 'submitDistrictRectificationReport',
  },
  street: {
    rectificationReport: 'streetRectificationReport',
    submitRectificationReport: 'submitStreetRectificationReport',
  },
} as const satisfies Partial<Record<Level, Record<string, string>>>;
