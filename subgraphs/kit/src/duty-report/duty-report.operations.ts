import type { Level } from '../jurisdiction/admin-code';

/**
 * The duty-report domain's root fields, literally, per level: grepping a name seen in the schema
 * lands here, and the factories take each name from this table (`operationsAt`).
 */
export const DUTY_REPORT_OPERATIONS = {
  city: {
    dutyReportSession: 'cityDutyReportSession',
    createDutyReportSession: 'createCityDutyReportSession',
    evaluateDutyReporter: 'evaluateCityDutyReporter',
    askDutyReportQuestion: 'askCityDutyReportQuestion',
    answerDutyReportQuestion: 'answerCityDutyReportQuestion',
  },
  district: {
    dutyReportSession: 'districtDutyReportSession',
    createDutyReportSession: 'createDistrictDutyReportSession',
    evaluateDutyReporter: 'evaluateDistrictDutyReporter',
    askDutyReportQuestion: 'askDistrictDutyReportQuestion',
    answerDutyReportQuestion: 'answerDistrictDutyReportQuestion',
  },
} as const satisfies Partial<Record<Level, Record<string, string>>>;
