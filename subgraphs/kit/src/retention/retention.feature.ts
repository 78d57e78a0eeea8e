import { defineFeature } from '../module/level-feature';
import { createRetentionModule } from './retention.module';

/**
 * 留存与保全 The archival step of duty records and the hold check the level below asks. Its
 * column and the database rule that no referenced record is deleted come with the level's records
 * (`retentionMigration` in levelRecordsFeature), so this feature has no migration of its own.
 */
export const retentionFeature = defineFeature({
  name: 'retention',
  migrations: [],
  entities: [],
  build: (build) => [createRetentionModule(build.level.level)],
});
