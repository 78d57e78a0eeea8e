import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127010000_supervision } from './Migration20261127010000_supervision';
import { Migration20261127020000_directives_issued } from './Migration20261127020000_directives_issued';
import { Migration20261127020001_directive_responses } from './Migration20261127020001_directive_responses';
import { Migration20261127030000_directive_cascades } from './Migration20261127030000_directive_cascades';
import { Migration20261127050000_duty_reports } from './Migration20261127050000_duty_reports';
import { Migration20261127050001_assessment } from './Migration20261127050001_assessment';
import { Migration20261127030000_supervision_checks } from './Migration20261127030000_supervision_checks';
import { Migration20261127030001_rectification_reports } from './Migration20261127030001_rectification_reports';
import { Migration20261127060000_assessment_platform_data } from './Migration20261127060000_assessment_platform_data';
import { Migration20261127060000_accountability } from './Migration20261127060000_accountability';
import { Migration20261201000000_task_figures } from './Migration20261201000000_task_figures';
import { Migration20261201000001_audit_chains } from './Migration20261201000001_audit_chains';
import { Migration20261201220000_cross_level_steps } from './Migration20261201220000_cross_level_steps';
import { Migration20261201220001_finding_withdrawn } from './Migration20261201220001_finding_withdrawn';
import { Migration20261201230000_idempotency_keys } from './Migration20261201230000_idempotency_keys';
import { Migration20261201230001_record_versions } from './Migration20261201230001_record_versions';
import { Migration20261202060300_cadre_versions } from './Migration20261202060300_cadre_versions';
import { Migration20261202071000_linked_levels } from './Migration20261202071000_linked_levels';
import { Migration20261202071500_basis_as_cited } from './Migration20261202071500_basis_as_cited';
import { Migration20261201235000_supervision_draw_record } from './Migration20261201235000_supervision_draw_record';
import { Migration20261202010000_commercial_cryptography } from './Migration20261202010000_commercial_cryptography';
import { Migration20261202020000_token_revocations } from './Migration20261202020000_token_revocations';
import { Migration20261202030000_read_trace } from './Migration20261202030000_read_trace';
import { Migration20261202040000_duty_record_figures } from './Migration20261202040000_duty_record_figures';
import { Migration20261202050000_retention } from './Migration20261202050000_retention';
import { Migration20261202060000_attachment_owner_code } from './Migration20261202060000_attachment_owner_code';
import { Migration20261202060100_row_level_security } from './Migration20261202060100_row_level_security';
import { Migration20261202060200_evidence_content } from './Migration20261202060200_evidence_content';
import { Migration20261202072000_supervision_contact_intervals } from './Migration20261202072000_supervision_contact_intervals';
import { Migration20261202073000_stationed_groups } from './Migration20261202073000_stationed_groups';

/**
 * Shared migrations, declared by the kit's features (see `migration-order.ts` for their order).
 * The names are what MikroORM records in `mikro_orm_migrations` for every applied migration, so
 * they never change once released — even where a name reads oddly (below).
 */

/**
 * The base record tables every level keeps: units, cadres, responsibility lists, tasks,
 * milestones, duty records, attachments and the audit trail. (Released under the name
 * `…_supervision`; the name stays so migrated databases do not apply it twice.)
 */
export const levelRecordsMigration: MigrationObject = {
  name: 'Migration20261127010000_supervision',
  class: Migration20261127010000_supervision,
};
export const directivesIssuedMigration: MigrationObject = {
  name: 'Migration20261127020000_directives_issued',
  class: Migration20261127020000_directives_issued,
};
export const directiveResponsesMigration: MigrationObject = {
  name: 'Migration20261127020001_directive_responses',
  class: Migration20261127020001_directive_responses,
};
export const directiveCascadesMigration: MigrationObject = {
  name: 'Migration20261127030000_directive_cascades',
  class: Migration20261127030000_directive_cascades,
};
/** Duty-report sessions and annual assessments: kept by the assessing levels (city, district). */
export const dutyReportsMigration: MigrationObject = {
  name: 'Migration20261127050000_duty_reports',
  class: Migration20261127050000_duty_reports,
};
export const assessmentMigration: MigrationObject = {
  name: 'Migration20261127050001_assessment',
  class: Migration20261127050001_assessment,
};
export const supervisionChecksMigration: MigrationObject = {
  name: 'Migration20261127030000_supervision_checks',
  class: Migration20261127030000_supervision_checks,
};
export const rectificationReportsMigration: MigrationObject = {
  name: 'Migration20261127030001_rectification_reports',
  class: Migration20261127030001_rectification_reports,
};
export const assessmentPlatformDataMigration: MigrationObject = {
  name: 'Migration20261127060000_assessment_platform_data',
  class: Migration20261127060000_assessment_platform_data,
};
/** Accountability cases: kept by the levels that decide them (city, district). */
export const accountabilityMigration: MigrationObject = {
  name: 'Migration20261127060000_accountability',
  class: Migration20261127060000_accountability,
};
/** Task figures kept cheap at scale (every level): counts kept by trigger, an index of open tasks by due date. */
export const taskFiguresMigration: MigrationObject = {
  name: 'Migration20261201000000_task_figures',
  class: Migration20261201000000_task_figures,
};
/** One audit chain per owning jurisdiction (every level), so unrelated jurisdictions write in parallel. */
export const auditChainsMigration: MigrationObject = {
  name: 'Migration20261201000001_audit_chains',
  class: Migration20261201000001_audit_chains,
};
/** Remote steps that may need undoing: every level (cross-level-step.entity.ts). */
export const crossLevelStepsMigration: MigrationObject = {
  name: 'Migration20261201220000_cross_level_steps',
  class: Migration20261201220000_cross_level_steps,
};
/** The WITHDRAWN finding event: supervising levels. */
export const findingWithdrawnMigration: MigrationObject = {
  name: 'Migration20261201220001_finding_withdrawn',
  class: Migration20261201220001_finding_withdrawn,
};
/** Results of mutations by Idempotency-Key: every level. */
export const idempotencyKeysMigration: MigrationObject = {
  name: 'Migration20261201230000_idempotency_keys',
  class: Migration20261201230000_idempotency_keys,
};
/** Versions of tasks and responsibility items: every level. */
export const recordVersionsMigration: MigrationObject = {
  name: 'Migration20261201230001_record_versions',
  class: Migration20261201230001_record_versions,
};
/** Versions of cadres: every level. */
export const cadreVersionsMigration: MigrationObject = {
  name: 'Migration20261202060300_cadre_versions',
  class: Migration20261202060300_cadre_versions,
};
/** Plans record their draw's inputs; check history indexes (supervising levels). */
export const supervisionDrawRecordMigration: MigrationObject = {
  name: 'Migration20261201235000_supervision_draw_record',
  class: Migration20261201235000_supervision_draw_record,
};
/** The hash algorithm of every audit entry; digest algorithm and data key id of every evidence file (every level). */
export const commercialCryptographyMigration: MigrationObject = {
  name: 'Migration20261202010000_commercial_cryptography',
  class: Migration20261202010000_commercial_cryptography,
};
/** The deny-list of tokens and sessions (the city's database). */
export const tokenRevocationsMigration: MigrationObject = {
  name: 'Migration20261202020000_token_revocations',
  class: Migration20261202020000_token_revocations,
};
/** Who read which protected records (every level). */
export const readTraceMigration: MigrationObject = {
  name: 'Migration20261202030000_read_trace',
  class: Migration20261202030000_read_trace,
};
/** Duty records kept counted per jurisdiction and day by trigger (every level): the quarter's figures without reading the records. */
export const dutyRecordFiguresMigration: MigrationObject = {
  name: 'Migration20261202040000_duty_record_figures',
  class: Migration20261202040000_duty_record_figures,
};
/** Duty records archived, never dropped; record rows the audit trail or a case's basis names cannot be deleted. */
export const retentionMigration: MigrationObject = {
  name: 'Migration20261202050000_retention',
  class: Migration20261202050000_retention,
};
/** Each attachment names its owning jurisdiction (row-level security judges it on its own row). */
export const attachmentOwnerCodeMigration: MigrationObject = {
  name: 'Migration20261202060000_attachment_owner_code',
  class: Migration20261202060000_attachment_owner_code,
};
/** Row-level security over whatever tables the level has: always the last of a level's list. */
export const rowLevelSecurityMigration: MigrationObject = {
  name: 'Migration20261202060100_row_level_security',
  class: Migration20261202060100_row_level_security,
};
/** Evidence stored once per content (after row-level security, whose helper functions it uses). */
export const evidenceContentMigration: MigrationObject = {
  name: 'Migration20261202060200_evidence_content',
  class: Migration20261202060200_evidence_content,
};
/** Items naming the item above they break down, tasks the directive they answer; lists open below (every level). */
export const linkedLevelsMigration: MigrationObject = {
  name: 'Migration20261202071000_linked_levels',
  class: Migration20261202071000_linked_levels,
};
/** What each cited record was when a case cited it (the deciding levels: city, district). */
export const basisAsCitedMigration: MigrationObject = {
  name: 'Migration20261202071500_basis_as_cited',
  class: Migration20261202071500_basis_as_cited,
};
/** Contacts of a supervision office as intervals of days; plans record their contact cutoff (supervising levels). */
export const supervisionContactIntervalsMigration: MigrationObject = {
  name: 'Migration20261202072000_supervision_contact_intervals',
  class: Migration20261202072000_supervision_contact_intervals,
};
/** Stationed discipline-inspection groups and their engagements (city, district; supervision/stationed/). */
export const stationedGroupsMigration: MigrationObject = {
  name: 'Migration20261202073000_stationed_groups',
  class: Migration20261202073000_stationed_groups,
};
