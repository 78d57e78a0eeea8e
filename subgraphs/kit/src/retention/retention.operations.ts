import type { Level } from '../jurisdiction/admin-code';

/** 归档与保全 Root field names of retention per level, literally (grep archiveDistrictDutyRecords). */
export const RETENTION_OPERATIONS: Record<Level, { archiveDutyRecords: string; heldRecordIds: string }> = {
  city: { archiveDutyRecords: 'archiveCityDutyRecords', heldRecordIds: 'cityHeldRecordIds' },
  district: { archiveDutyRecords: 'archiveDistrictDutyRecords', heldRecordIds: 'districtHeldRecordIds' },
  street: { archiveDutyRecords: 'archiveStreetDutyRecords', heldRecordIds: 'streetHeldRecordIds' },
};
