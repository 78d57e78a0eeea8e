import type { MigrationObject } from '@mikro-orm/core';
import {
  attachmentOwnerCodeMigration,
  evidenceContentMigration,
  rowLevelSecurityMigration,
  accountabilityMigration,
  assessmentMigration,
  auditChainsMigration,
  crossLevelStepsMigration,
  findingWithdrawnMigration,
  idempotencyKeysMigration,
  recordVersionsMigration,
  cadreVersionsMigration,
  linkedLevelsMigration,
  basisAsCitedMigration,
  commercialCryptographyMigration,
  assessmentPlatformDataMigration,
  directiveCascadesMigration,
  directiveResponsesMigration,
  directivesIssuedMigration,
  dutyReportsMigration,
  levelRecordsMigration,
  rectificationReportsMigration,
  readTraceMigration,
  supervisionChecksMigration,
  taskFiguresMigration,
  supervisionDrawRecordMigration,
  tokenRevocationsMigration,
  dutyRecordFiguresMigration,
  retentionMigration,
  supervisionContactIntervalsMigration,
  stationedGroupsMigration,
} from './index';

/**
 * The one order in which the shared migrations are applied, at every level (a level applies
 * the ones its features declare, in this order, after its own jurisdiction migration).
 *
 * MikroORM (umzug) applies a migration list in list order and records each applied migration by
 * NAME; the timestamp in a name is only a label. Two pairs were released with the same
 * timestamp (`030000`, `060000`) and their list order differs from their names' order; renaming
 * them would make every already-migrated database apply them a second time, so the names stay
 * and this list is the order. A new migration gets a timestamp later than every one here and
 * is appended (`migration-order.test.ts` checks both).
 */
export const SHARED_MIGRATION_ORDER: readonly MigrationObject[] = [
  levelRecordsMigration,
  directivesIssuedMigration,
  directiveResponsesMigration,
  directiveCascadesMigration,
  dutyReportsMigration,
  assessmentMigration,
  supervisionChecksMigration,
  rectificationReportsMigration,
  assessmentPlatformDataMigration,
  accountabilityMigration,
  taskFiguresMigration,
  auditChainsMigration,
  crossLevelStepsMigration,
  findingWithdrawnMigration,
  idempotencyKeysMigration,
  recordVersionsMigration,
  supervisionDrawRecordMigration,
  commercialCryptographyMigration,
  tokenRevocationsMigration,
  readTraceMigration,
  dutyRecordFiguresMigration,
  retentionMigration,
  attachmentOwnerCodeMigration,
  rowLevelSecurityMigration,
  evidenceContentMigration,
  cadreVersionsMigration,
  linkedLevelsMigration,
  basisAsCitedMigration,
  supervisionContactIntervalsMigration,
  stationedGroupsMigration,
];

/**
 * Released before the ordering rule, with a timestamp not later than an earlier migration's
 * (`030000` and `060000` are each used twice): the only ones allowed out of timestamp order.
 */
export const RELEASED_OUT_OF_ORDER: readonly string[] = [
  'Migration20261127030000_supervision_checks',
  'Migration20261127030001_rectification_reports',
  'Migration20261127060000_accountability',
];

/**
 * A level's migrations in application order: each migration where its feature is listed, except
 * that the shared ones among them follow `SHARED_MIGRATION_ORDER` (the slots they occupy are
 * refilled in that order). A level's jurisdiction feature, listed first, goes first; a feature
 * defined outside the kit and listed last is applied last.
 */
export function orderMigrations(migrations: readonly MigrationObject[]): MigrationObject[] {
  const position = new Map(SHARED_MIGRATION_ORDER.map((migration, index) => [migration.name, index]));
  const shared = migrations.filter((migration) => position.has(migration.name));
  shared.sort((a, b) => position.get(a.name)! - position.get(b.name)!);
  let next = 0;
  return migrations.map((migration) => (position.has(migration.name) ? shared[next++] : migration));
}
