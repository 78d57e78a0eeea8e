import { Migration } from '@mikro-orm/migrations';

/**
 * Rectification reports (every level: the supervised unit's level owns them) and their evidence,
 * which needs a new attachment owner type.
 */
export class Migration20261127030001_rectification_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "rectification_report" (
        "id" uuid primary key,
        "finding_id" uuid not null,
        "supervising_code" varchar(9) not null,
        "unit_id" uuid not null,
        "jurisdiction_code" varchar(9) not null,
        "summary" text not null check (length(trim("summary")) > 0),
        "submitted_by" varchar(255) not null,
        "submitted_at" timestamptz not null
      );
      create index "rectification_report_finding_id_index" on "rectification_report" ("finding_id");
      create index "rectification_report_jurisdiction_code_index" on "rectification_report" ("jurisdiction_code");

      alter table "attachment" drop constraint "attachment_owner_type_check";
      alter table "attachment" add constraint "attachment_owner_type_check"
        check ("owner_type" in ('DUTY_RECORD', 'DIRECTIVE_RESPONSE', 'RECTIFICATION_REPORT'));
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table if exists "rectification_report";
      alter table "attachment" drop constraint "attachment_owner_type_check";
      alter table "attachment" add constraint "attachment_owner_type_check"
        check ("owner_type" in ('DUTY_RECORD', 'DIRECTIVE_RESPONSE'));
    `);
  }
}
