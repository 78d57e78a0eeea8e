import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '../db/loaders';
import { CadreEntity } from './cadre.entity';
import { UnitEntity } from './unit.entity';

export function createOrgLoaders(em: EntityManager) {
  return {
    unitById: loaderOfOne((ids: readonly string[]) => em.find(UnitEntity, { id: { $in: [...ids] } }), (unit) => unit.id),
    unitsByJurisdiction: loaderOfMany(
      (codes: readonly string[]) =>
        em.find(UnitEntity, { jurisdictionCode: { $in: [...codes] } }, { orderBy: { name: 'asc' } }),
      (unit) => unit.jurisdictionCode,
    ),
    cadreById: loaderOfOne((ids: readonly string[]) => em.find(CadreEntity, { id: { $in: [...ids] } }), (cadre) => cadre.id),
    cadresByUnit: loaderOfMany(
      (unitIds: readonly string[]) =>
        em.find(CadreEntity, { unitId: { $in: [...unitIds] } }, { orderBy: { principal: 'desc', name: 'asc' } }),
      (cadre) => cadre.unitId,
    ),
  };
}

export type OrgLoaders = ReturnType<typeof createOrgLoaders>;
