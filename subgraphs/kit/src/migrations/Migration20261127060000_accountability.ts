import { Migration } from '@mikro-orm/migrations';

/**
 * 问责 Accountability cases and the records they rest on (the city's and the districts'
 * databases: the levels that decide cases). A cited record lives in its owner's database, often
 * another level's, so a basis row holds its level, concept and id, never a foreign key.
 */
export class Migration20261127060000_accountability extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "accountability_case" (
        "id" uuid primary key,
        "jurisdiction_code" varchar(9) not null,
        "subject_jurisdiction_code" varchar(9) not null,
        "subject_unit_id" uuid null,
        "subject_cadre_id" uuid null,
        "responsibility_kind" varchar(20) not null check ("responsibility_kind" in ('PRIMARY', 'SUPERVISORY')),
        "title" varchar(200) not null check (length(trim("title")) > 0),
        "facts" text not null check (length(trim("facts")) > 0),
        "status" varchar(20) not null check ("status" in ('OPEN', 'DECIDED')),
        "decision_form" varchar(40) null check ("decision_form" in
          ('CHECK', 'NOTICE', 'REORGANIZATION', 'ADMONITION', 'ORGANIZATIONAL_ADJUSTMENT', 'PARTY_DISCIPLINE')),
        "deciding_body" varchar(200) null,
        "decided_on" date null,
        "decision_text" text null,
        "decided_by" varchar(255) null,
        "decided_at" timestamptz null,
        "opened_by" varchar(255) not null,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        check ("subject_unit_id" is not null or "subject_cadre_id" is not null),
        -- a decision is all there or not at all, and only on a decided case
        check (("status" = 'DECIDED') = ("decision_form" is not null)),
        check (("decision_form" is null) = ("deciding_body" is null)),
        check (("decision_form" is null) = ("decided_on" is null)),
        check (("decision_form" is null) = ("decided_at" is null))
      );
      create index "accountability_case_jurisdiction_created_index" on "accountability_case" ("jurisdiction_code", "created_at");
      create index "accountability_case_subject_jurisdiction_index" on "accountability_case" ("subject_jurisdiction_code");

      create table "accountability_basis" (
        "id" uuid primary key,
        "case_id" uuid not null references "accountability_case" ("id"),
        "owner_code" varchar(9) not null,
        "position" integer not null,
        "kind" varchar(30) not null check ("kind" in ('RESPONSIBILITY_ITEM', 'TASK', 'DUTY_RECORD', 'MISSING_DUTY_RECORD',
          'SUPERVISION_FINDING', 'RECTIFICATION_REPORT', 'ASSESSMENT_SCORE_SHEET')),
        "record_level" varchar(10) not null check ("record_level" in ('city', 'district', 'street')),
        "record_type" varchar(30) not null,
        "record_id" uuid not null,
        "record_owner_code" varchar(9) not null,
        "note" text null,
        "cited_by" varchar(255) not null,
        "cited_at" timestamptz not null,
        unique ("case_id", "kind", "record_id"),
        unique ("case_id", "position")
      );
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "accountability_basis"; drop table if exists "accountability_case";');
  }
}
