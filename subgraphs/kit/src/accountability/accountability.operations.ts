import type { Level } from '../jurisdiction/admin-code';

/**
 * The accountability domain's root fields, literally, per deciding level: `grep
 * decideCityAccountabilityCase` lands here, and `accountability.module.ts` takes each name from
 * this table. A street decides no cases, so it has none.
 */
export const ACCOUNTABILITY_OPERATIONS = {
  city: {
    accountabilityCase: 'cityAccountabilityCase',
    openAccountabilityCase: 'openCityAccountabilityCase',
    addAccountabilityBasis: 'addCityAccountabilityBasis',
    decideAccountabilityCase: 'decideCityAccountabilityCase',
  },
  district: {
    accountabilityCase: 'districtAccountabilityCase',
    openAccountabilityCase: 'openDistrictAccountabilityCase',
    addAccountabilityBasis: 'addDistrictAccountabilityBasis',
    decideAccountabilityCase: 'decideDistrictAccountabilityCase',
  },
} as const satisfies Partial<Record<Level, Record<string, string>>>;

/** The table of a deciding level; a level without cases has none. */
export function accountabilityOperations(level: Level) {
  if (level === 'street') throw new Error(`the ${level} level decides no accountability cases`);
  return ACCOUNTABILITY_OPERATIONS[level];
}
