import type { MigrationObject } from '@mikro-orm/core';
import { supervisionMigration, directiveResponsesMigration, rectificationReportsMigration, attachmentOwnerCodeMigration, rowLevelSecurityMigration, evidenceContentMigration } from '@supervision/kit';
import { Migration20261127000000_jurisdiction } from './Migration20261127000000_jurisdiction';

/** In order of application; a new migration is appended here. */
export const streetMigrations: MigrationObject[] = [
  { name: 'Migration20261127000000_jurisdiction', class: Migration20261127000000_jurisdiction },
  supervisionMigration,
  directiveResponsesMigration,
  rectificationReportsMigration,
  attachmentOwnerCodeMigration,
  rowLevelSecurityMigration,
  evidenceContentMigration,
];
