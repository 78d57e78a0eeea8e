import type { Level } from '../jurisdiction/admin-code';

/**
 * The directive domain's root fields, literally, per level: grepping a name seen in the schema
 * lands here, and the factories take each name from this table (`operationsAt`).
 * Keyed by the issuing level: a district answers `acknowledgeCityDirective`.
 */
export const DIRECTIVE_OPERATIONS = {
  city: {
    directive: 'cityDirective',
    issueDirective: 'issueCityDirective',
    acknowledgeDirective: 'acknowledgeCityDirective',
    reportDirectiveProgress: 'reportCityDirectiveProgress',
    completeDirective: 'completeCityDirective',
    cascadeDirective: 'cascadeCityDirective',
  },
  district: {
    directive: 'districtDirective',
    issueDirective: 'issueDistrictDirective',
    acknowledgeDirective: 'acknowledgeDistrictDirective',
    reportDirectiveProgress: 'reportDistrictDirectiveProgress',
    completeDirective: 'completeDistrictDirective',
  },
} as const satisfies Partial<Record<Level, Record<string, string>>>;
