import type { Level } from '../jurisdiction/admin-code';

/**
 * The duty-record domain's root fields, literally, per level: `grep recordStreetDuty` lands here,
 * and `duty-record.module.ts` takes each name from this table.
 */
export const DUTY_RECORD_OPERATIONS = {
  city: {
    dutyRecord: 'cityDutyRecord',
    attachmentContent: 'cityAttachmentContent',
    recordDuty: 'recordCityDuty',
    correctDutyRecord: 'correctCityDutyRecord',
  },
  district: {
    dutyRecord: 'districtDutyRecord',
    attachmentContent: 'districtAttachmentContent',
    recordDuty: 'recordDistrictDuty',
    correctDutyRecord: 'correctDistrictDutyRecord',
  },
  street: {
    dutyRecord: 'streetDutyRecord',
    attachmentContent: 'streetAttachmentContent',
    recordDuty: 'recordStreetDuty',
    correctDutyRecord: 'correctStreetDutyRecord',
  },
} as const satisfies Record<Level, Record<string, string>>;
