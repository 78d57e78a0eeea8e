import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '../db/loaders';
import { LoaderFamily } from '../pagination/paged-loader';
import { MilestoneEntity } from './milestone.entity';
import { TaskEntity } from './task.entity';

const byDueDate = { orderBy: { dueDate: 'asc', id: 'asc' } } as const;

export function createTaskLoaders(em: EntityManager) {
  return {
    taskById: loaderOfOne((ids: readonly string[]) => em.find(TaskEntity, { id: { $in: [...ids] } }), (task) => task.id),
    tasksByCadre: loaderOfMany(
      (cadreIds: readonly string[]) => em.find(TaskEntity, { cadreId: { $in: [...cadreIds] } }, byDueDate),
      (task) => task.cadreId,
    ),
    tasksByResponsibilityItem: loaderOfMany(
      (itemIds: readonly string[]) => em.find(TaskEntity, { responsibilityItemId: { $in: [...itemIds] } }, byDueDate),
      (task) => task.responsibilityItemId,
    ),
    /** Tasks of this level that answer a directive (`CityDirective.answeringTasks`, `.issuerTasks`). */
    tasksByDirective: loaderOfMany(
      (directiveIds: readonly string[]) =>
        em.find(TaskEntity, { directiveId: { $in: [...directiveIds] } }, { orderBy: { jurisdictionCode: 'asc', dueDate: 'asc', id: 'asc' } }),
      (task) => task.directiveId!,
    ),
    milestonesByTask: loaderOfMany(
      (taskIds: readonly string[]) =>
        em.find(MilestoneEntity, { taskId: { $in: [...taskIds] } }, { orderBy: { position: 'asc', id: 'asc' } }),
      (milestone) => milestone.taskId,
    ),
    /** `District.tasks(...)` pages, one loader per argument set. */
    taskPages: new LoaderFamily(),
  };
}

export type TaskLoaders = ReturnType<typeof createTaskLoaders>;
