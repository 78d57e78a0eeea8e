import type { Division } from '../jurisdiction/divisions';
import { CITY_UNITS, DISTRICT_UNITS, streetUnits, type UnitTemplate } from './demo-catalogue';
import { demoRecords, type DemoRecords } from './demo-records';

export function unitTemplatesFor(jurisdiction: Division): UnitTemplate[] {
  if (jurisdiction.level === 'city') return CITY_UNITS;
  if (jurisdiction.level === 'district') return DISTRICT_UNITS;
  return streetUnits(jurisdiction.name);
}

export interface DemoPerson {
  unitId: string;
  unitName: string;
  jurisdictionCode: string;
  cadreId: string;
  cadreName: string;
  position: string;
}

/**
 * The demo's units and cadres of one jurisdiction, whichever database holds them. Another level's
 * story (a session, an assessment) names them as they stand there: the generator is seeded by the
 * jurisdiction's code, so computing them again gives the very rows that level seeded.
 */
export function demoOrgOf(jurisdiction: Division): { units: DemoRecords['units']; people: DemoPerson[][] } {
  const { units, cadres } = demoRecords([jurisdiction], unitTemplatesFor);
  return {
    units,
    people: units.map((unit) =>
      cadres
        .filter((cadre) => cadre.unitId === unit.id)
        .map((cadre) => ({
          unitId: unit.id,
          unitName: unit.name,
          jurisdictionCode: unit.jurisdictionCode,
          cadreId: cadre.id,
          cadreName: cadre.name,
          position: cadre.position,
        })),
    ),
  };
}
