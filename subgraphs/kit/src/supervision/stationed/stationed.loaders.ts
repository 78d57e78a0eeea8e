import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne } from '../../db/loaders';
import { SupervisionCheckEntity } from '../supervision.entities';
import { StationedEngagementEntity, StationedGroupEntity } from './stationed.entities';

export function createStationedLoaders(em: EntityManager) {
  return {
    stationedGroupById: loaderOfOne((ids: readonly string[]) => em.find(StationedGroupEntity, { id: { $in: [...ids] } }), (group) => group.id),
    /** A commission's groups, by name. */
    stationedGroupsByCommission: loaderOfMany(
      (codes: readonly string[]) => em.find(StationedGroupEntity, { jurisdictionCode: { $in: [...codes] } }, { orderBy: { name: 'asc', id: 'asc' } }),
      (group) => group.jurisdictionCode,
    ),
    stationedEngagementById: loaderOfOne((ids: readonly string[]) => em.find(StationedEngagementEntity, { id: { $in: [...ids] } }), (engagement) => engagement.id),
    /** A group's engagements, newest start first. */
    stationedEngagementsByGroup: loaderOfMany(
      (ids: readonly string[]) => em.find(StationedEngagementEntity, { groupId: { $in: [...ids] } }, { orderBy: { startedOn: 'desc', id: 'desc' } }),
      (engagement) => engagement.groupId,
    ),
    /** The engagements at a host unit, newest start first (`<L>Unit.stationedEngagements`). */
    stationedEngagementsByUnit: loaderOfMany(
      (ids: readonly string[]) => em.find(StationedEngagementEntity, { unitId: { $in: [...ids] } }, { orderBy: { startedOn: 'desc', id: 'desc' } }),
      (engagement) => engagement.unitId,
    ),
    /** The check an engagement closed with, by the engagement (a check points at its engagement). */
    stationedCheckByEngagement: loaderOfOne(
      (ids: readonly string[]) => em.find(SupervisionCheckEntity, { engagementId: { $in: [...ids] } }),
      (check) => check.engagementId!,
    ),
  };
}

export type StationedLoaders = ReturnType<typeof createStationedLoaders>;
