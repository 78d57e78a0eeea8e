import { stationedGroupsMigration } from '../../migrations';
import { defineFeature } from '../../module/level-feature';
import { STATIONED_ENTITIES } from './stationed.entities';
import { createStationedModule } from './stationed.module';

/**
 * 派驻监督 Stationed discipline-inspection groups and their engagements (驻点 / 进驻式监督), at a
 * supervising level (city, district); listed after the supervision feature, whose check and
 * finding types an engagement's results feed.
 */
export const stationedSupervisionFeature = defineFeature({
  name: 'stationedSupervision',
  migrations: [stationedGroupsMigration],
  entities: STATIONED_ENTITIES,
  needsLoaders: ['unitById', 'taskById', 'supervisionFindingById', 'supervisionFindingsByCheck'],
  build(build) {
    const module = createStationedModule(build.level, {
      UnitType: build.need('UnitType', 'stationedSupervision'),
      TaskType: build.need('TaskType', 'stationedSupervision'),
      CheckType: build.need('CheckType', 'stationedSupervision'),
      FindingType: build.need('FindingType', 'stationedSupervision'),
    });
    build.audited.push({ type: module.GroupType, entityType: 'StationedGroup' });
    build.audited.push({ type: module.EngagementType, entityType: 'StationedEngagement' });
    return [module];
  },
});
