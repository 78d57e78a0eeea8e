import type { Level } from '../jurisdiction/admin-code';
import { operationsAt } from '../level/operation-table';

/**
 * The supervision domain's root fields, literally, per supervising level: grepping a name seen
 * in the schema lands here, and the factories take each name from this table (`operationsAt`).
 * The street level supervises no level below it, so it has no row.
 */
export const SUPERVISION_OPERATIONS = {
  city: {
    supervisionOffice: 'citySupervisionOffice',
    createSupervisionOffice: 'createCitySupervisionOffice',
    addSupervisionContact: 'addCitySupervisionContact',
    removeSupervisionContact: 'removeCitySupervisionContact',
    previewSupervisionPlan: 'previewCitySupervisionPlan',
    drawSupervisionPlan: 'drawCitySupervisionPlan',
    supervisionCheck: 'citySupervisionCheck',
    supervisionChecks: 'citySupervisionChecks',
    createSupervisionCheck: 'createCitySupervisionCheck',
    createSupervisionFollowUp: 'createCitySupervisionFollowUp',
    supervisionFinding: 'citySupervisionFinding',
    acceptSupervisionFinding: 'acceptCitySupervisionFinding',
    sendBackSupervisionFinding: 'sendBackCitySupervisionFinding',
    recordSupervisionFindingReport: 'recordCitySupervisionFindingReport',
    withdrawSupervisionFindingReport: 'withdrawCitySupervisionFindingReport',
    repairSupervisionFinding: 'repairCitySupervisionFinding',
  },
  district: {
    supervisionOffice: 'districtSupervisionOffice',
    createSupervisionOffice: 'createDistrictSupervisionOffice',
    addSupervisionContact: 'addDistrictSupervisionContact',
    removeSupervisionContact: 'removeDistrictSupervisionContact',
    previewSupervisionPlan: 'previewDistrictSupervisionPlan',
    drawSupervisionPlan: 'drawDistrictSupervisionPlan',
    supervisionCheck: 'districtSupervisionCheck',
    supervisionChecks: 'districtSupervisionChecks',
    createSupervisionCheck: 'createDistrictSupervisionCheck',
    createSupervisionFollowUp: 'createDistrictSupervisionFollowUp',
    supervisionFinding: 'districtSupervisionFinding',
    acceptSupervisionFinding: 'acceptDistrictSupervisionFinding',
    sendBackSupervisionFinding: 'sendBackDistrictSupervisionFinding',
    recordSupervisionFindingReport: 'recordDistrictSupervisionFindingReport',
    withdrawSupervisionFindingReport: 'withdrawDistrictSupervisionFindingReport',
    repairSupervisionFinding: 'repairDistrictSupervisionFinding',
  },
} as const satisfies Partial<Record<Level, Record<string, string>>>;

/** This level's supervision names. */
export const supervisionOperations = (level: Level) => operationsAt(SUPERVISION_OPERATIONS, level, 'supervision');
