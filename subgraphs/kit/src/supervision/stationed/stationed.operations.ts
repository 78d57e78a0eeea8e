import type { Level } from '../../jurisdiction/admin-code';
import { operationsAt } from '../../level/operation-table';

/**
 * 派驻监督 The stationed-supervision root fields, literally, per supervising level: grepping a
 * name seen in the schema lands here; `stationed.module.ts` takes each name from this table and
 * the key names the function in `stationed.service.ts`. A street stations no group.
 */
export const STATIONED_OPERATIONS = {
  city: {
    stationedGroup: 'cityStationedGroup',
    stationedGroups: 'cityStationedGroups',
    createStationedGroup: 'createCityStationedGroup',
    updateStationedGroup: 'updateCityStationedGroup',
    stationedEngagement: 'cityStationedEngagement',
    startStationedEngagement: 'startCityStationedEngagement',
    recordStationedResults: 'recordCityStationedResults',
    closeStationedEngagement: 'closeCityStationedEngagement',
  },
  district: {
    stationedGroup: 'districtStationedGroup',
    stationedGroups: 'districtStationedGroups',
    createStationedGroup: 'createDistrictStationedGroup',
    updateStationedGroup: 'updateDistrictStationedGroup',
    stationedEngagement: 'districtStationedEngagement',
    startStationedEngagement: 'startDistrictStationedEngagement',
    recordStationedResults: 'recordDistrictStationedResults',
    closeStationedEngagement: 'closeDistrictStationedEngagement',
  },
} as const satisfies Partial<Record<Level, Record<string, string>>>;

/** This level's stationed-supervision names. */
export const stationedOperations = (level: Level) => operationsAt(STATIONED_OPERATIONS, level, 'stationed supervision');
