import { levelRecordAuditedTypes } from '../accountability/record-audit-trail.module';
import {
  attachmentOwnerCodeMigration,
  auditChainsMigration,
  cadreVersionsMigration,
  commercialCryptographyMigration,
  dutyRecordFiguresMigration,
  evidenceContentMigration,
  idempotencyKeysMigration,
  levelRecordsMigration,
  linkedLevelsMigration,
  recordVersionsMigration,
  retentionMigration,
  rowLevelSecurityMigration,
  taskFiguresMigration,
} from '../migrations';
import { defineFeature } from './level-feature';
import { LEVEL_RECORD_ENTITIES } from './level-record-entities';
import { createLevelRecordModules } from './level-record-modules';

/**
 * 本级记录 What every level keeps for itself: audit chain, units and cadres, responsibility
 * lists, tasks and duty records (one migration creates their tables). Provides the level's
 * Unit, Cadre, ResponsibilityItem, Task, DutyRecord and AuditEntry types to later features.
 */
export const levelRecordsFeature = defineFeature({
  name: 'levelRecords',
  // Later changes to the same tables: counts kept for the task figures, one audit chain per
  // jurisdiction; idempotency keys serve every mutation (mutation/idempotency.ts); record versions;
  // the hash algorithm of every audit entry and evidence digests / data key ids; duty records
  // counted per jurisdiction and day; retention (archived duty records, and no delete of a
  // referenced record on any table). Row-level security and evidence storage concern every level:
  // they come with the base records and run after every other shared migration
  // (SHARED_MIGRATION_ORDER), over the tables the level has; cadre versions (a column, after them);
  // items and tasks naming the record above they carry out (linked levels).
  migrations: [
    levelRecordsMigration,
    taskFiguresMigration,
    auditChainsMigration,
    idempotencyKeysMigration,
    recordVersionsMigration,
    commercialCryptographyMigration,
    dutyRecordFiguresMigration,
    retentionMigration,
    attachmentOwnerCodeMigration,
    rowLevelSecurityMigration,
    evidenceContentMigration,
    cadreVersionsMigration,
    linkedLevelsMigration,
  ],
  entities: LEVEL_RECORD_ENTITIES,
  needsLoaders: ['jurisdictionByCode'],
  build(build) {
    const records = createLevelRecordModules(build.level);
    build.provide(records.types);
    build.audited.push(...levelRecordAuditedTypes(records.types));
    return records.modules;
  },
});
