import type { MigrationObject } from '@mikro-orm/core';
import {
  accountabilityMigration,
  assessmentMigration,
  assessmentPlatformDataMigration,
  directiveCascadesMigration,
  directiveResponsesMigration,
  directivesIssuedMigration,
  dutyReportsMigration,
  rectificationReportsMigration,
  supervisionChecksMigration,
  supervisionMigration,
  attachmentOwnerCodeMigration,
  rowLevelSecurityMigration,
  evidenceContentMigration,
} from '@supervision/kit';
import { Migration20261127000000_jurisdiction } from './Migration20261127000000_jurisdiction';

/** In order of application; a new migration is appended here. */
export const districtMigrations: MigrationObject[] = [
  { name: 'Migration20261127000000_jurisdiction', class: Migration20261127000000_jurisdiction },
  supervisionMigration,
  directivesIssuedMigration,
  directiveResponsesMigration,
  directiveCascadesMigration,
  dutyReportsMigration,
  assessmentMigration,
  supervisionChecksMigration,
  rectificationReportsMigration,
  assessmentPlatformDataMigration,
  accountabilityMigration,
  attachmentOwnerCodeMigration,
  rowLevelSecurityMigration,
  evidenceContentMigration,
];
