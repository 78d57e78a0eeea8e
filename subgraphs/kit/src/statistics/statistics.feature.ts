import { defineFeature } from '../module/level-feature';
import type { ClassType } from '../pagination/connection';
import { createStatisticsModule } from './statistics.module';

/**
 * 逐级汇总 Roll-up statistics over the level's own tasks and duty records (tables of the level
 * records). `cityType` / `districtType`: the subgraph's stubs of the levels above that receive
 * figures from here (district: City; street: City and District).
 */
export function statisticsFeature(stubs: { cityType?: ClassType; districtType?: ClassType } = {}) {
  return defineFeature({
    name: 'statistics',
    migrations: [],
    entities: [],
    // Below the city, the rows of zeros come from the level's jurisdictions under a parent.
    needsLoaders: stubs.cityType ? ['jurisdictionsUnder'] : [],
    build: (build) => [createStatisticsModule({ ...build.level, ...stubs })],
  });
}
