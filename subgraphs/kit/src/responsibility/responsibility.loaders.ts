import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '../db/loaders';
import { LoaderFamily } from '../pagination/paged-loader';
import { ResponsibilityCategoryEntity } from './category.entity';
import { ResponsibilityItemEntity } from './responsibility-item.entity';

const listOrder = { orderBy: { year: 'desc', createdAt: 'asc', id: 'asc' } } as const;

export function createResponsibilityLoaders(em: EntityManager) {
  return {
    responsibilityCategoryByCode: loaderOfOne(
      (codes: readonly string[]) => em.find(ResponsibilityCategoryEntity, { code: { $in: [...codes] } }),
      (category) => category.code,
    ),
    responsibilityItemById: loaderOfOne(
      (ids: readonly string[]) => em.find(ResponsibilityItemEntity, { id: { $in: [...ids] } }),
      (item) => item.id,
    ),
    responsibilityItemsByUnit: loaderOfMany(
      (unitIds: readonly string[]) => em.find(ResponsibilityItemEntity, { unitId: { $in: [...unitIds] } }, listOrder),
      (item) => item.unitId,
    ),
    /** The items of this level that break an item of the level above down (`CityResponsibilityItem.breakdownItems`). */
    responsibilityItemsByParent: loaderOfMany(
      (parentIds: readonly string[]) =>
        em.find(ResponsibilityItemEntity, { parentItemId: { $in: [...parentIds] } }, { orderBy: { jurisdictionCode: 'asc', createdAt: 'asc', id: 'asc' } }),
      (item) => item.parentItemId!,
    ),
    /** `District.responsibilityItems(...)` pages, one loader per argument set. */
    responsibilityItemPages: new LoaderFamily(),
  };
}

export type ResponsibilityLoaders = ReturnType<typeof createResponsibilityLoaders>;
