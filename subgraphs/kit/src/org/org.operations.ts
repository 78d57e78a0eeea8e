import type { Level } from '../jurisdiction/admin-code';

/**
 * The org domain's root fields, literally, per level: grepping a name seen in the schema
 * lands here, and the factories take each name from this table (`operationsAt`).
 */
export const ORG_OPERATIONS = {
  city: {
    unit: 'cityUnit',
    createUnit: 'createCityUnit',
    cadre: 'cityCadre',
    addCadre: 'addCityCadre',
    updateCadre: 'updateCityCadre',
  },
  district: {
    unit: 'districtUnit',
    createUnit: 'createDistrictUnit',
    cadre: 'districtCadre',
    addCadre: 'addDistrictCadre',
    updateCadre: 'updateDistrictCadre',
  },
  street: {
    unit: 'streetUnit',
    createUnit: 'createStreetUnit',
    cadre: 'streetCadre',
    addCadre: 'addStreetCadre',
    updateCadre: 'updateStreetCadre',
  },
} as const satisfies Partial<Record<Level, Record<string, string>>>;
