import { defineFeature } from '../module/level-feature';
import type { ClassType } from '../pagination/connection';
import { createCitywideKeysModule } from './citywide-keys.module';
import { createCitywideModule } from './citywide.module';

/**
 * 全市列表的键 Every level below the merging one answers the city-wide lists with its best keys
 * (tasks, duty records, cadres, units, findings, checks, interviews), its share of the
 * per-district figures and its overdue directives. No tables of its own.
 */
export const citywideKeysFeature = defineFeature({
  name: 'citywideKeys',
  migrations: [],
  entities: [],
  build: (build) => [createCitywideKeysModule(build.level.level)],
});

/**
 * 全市列表 The merging level (the city): the city-wide lists, the per-district figures and the
 * overdue directives, plus its own keys. List it after every feature whose record types it
 * returns (tasks, duty records, cadres, units, findings, checks, interviews, directives).
 * `districtType` is the subgraph's District entity type, for the figures.
 */
export function citywideFeature(districtType: ClassType) {
  return defineFeature({
    name: 'citywide',
    migrations: [],
    entities: [],
    build(build) {
      const by = 'citywide';
      return createCitywideModule(build.level.level, {
        TaskType: build.need('TaskType', by),
        DutyRecordType: build.need('DutyRecordType', by),
        CadreType: build.need('CadreType', by),
        UnitType: build.need('UnitType', by),
        FindingType: build.need('FindingType', by),
        CheckType: build.need('CheckType', by),
        InterviewType: build.need('InterviewType', by),
        DirectiveType: build.need('DirectiveType', by),
        DistrictType: districtType,
      });
    },
  });
}
