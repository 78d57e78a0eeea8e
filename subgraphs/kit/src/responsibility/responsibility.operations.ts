import type { Level } from '../jurisdiction/admin-code';

/**
 * The responsibility domain's root fields, literally, per level: grepping a name seen in the schema
 * lands here, and the factories take each name from this table (`operationsAt`).
 */
export const RESPONSIBILITY_OPERATIONS = {
  city: {
    responsibilityItem: 'cityResponsibilityItem',
    createResponsibilityItem: 'createCityResponsibilityItem',
    updateResponsibilityItem: 'updateCityResponsibilityItem',
    responsibilityCategories: 'cityResponsibilityCategories',
    addResponsibilityCategory: 'addCityResponsibilityCategory',
  },
  district: {
    responsibilityItem: 'districtResponsibilityItem',
    createResponsibilityItem: 'createDistrictResponsibilityItem',
    updateResponsibilityItem: 'updateDistrictResponsibilityItem',
    responsibilityCategories: 'districtResponsibilityCategories',
    addResponsibilityCategory: 'addDistrictResponsibilityCategory',
  },
  street: {
    responsibilityItem: 'streetResponsibilityItem',
    createResponsibilityItem: 'createStreetResponsibilityItem',
    updateResponsibilityItem: 'updateStreetResponsibilityItem',
    responsibilityCategories: 'streetResponsibilityCategories',
    addResponsibilityCategory: 'addStreetResponsibilityCategory',
  },
} as const satisfies Partial<Record<Level, Record<string, string>>>;
