import { Migration } from '@mikro-orm/migrations';

/**
 * 考核数据接入 The annual assessment fed from the platform's own data: the points a plan takes off
 * per overdue or re-opened (查而不改) finding, and when each sheet value was last supplied, so a
 * sheet shows both who supplied its rate and deduction (the existing source columns) and when.
 */
export class Migration20261127060000_assessment_platform_data extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "assessment_plan"
        add column "overdue_finding_points" numeric(6, 2) not null default 2 check ("overdue_finding_points" >= 0),
        add column "reopened_finding_points" numeric(6, 2) not null default 3 check ("reopened_finding_points" >= 0);

      alter table "assessment_sheet"
        add column "task_completion_sourced_at" timestamptz null,
        add column "deduction_sourced_at" timestamptz null,
        add constraint "assessment_sheet_task_completion_source_check"
          check ("task_completion_source" in ('ENTERED', 'TASK_STATISTICS', 'FINDINGS')),
        add constraint "assessment_sheet_deduction_source_check"
          check ("deduction_source" in ('ENTERED', 'TASK_STATISTICS', 'FINDINGS'));
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table "assessment_sheet"
        drop constraint "assessment_sheet_deduction_source_check",
        drop constraint "assessment_sheet_task_completion_source_check",
        drop column "deduction_sourced_at",
        drop column "task_completion_sourced_at";
      alter table "assessment_plan" drop column "reopened_finding_points", drop column "overdue_finding_points";
    `);
  }
}
