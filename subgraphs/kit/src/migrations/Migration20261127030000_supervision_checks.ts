import { Migration } from '@mikro-orm/migrations';

/** Supervision offices, quarterly plans, checks and findings (the supervising levels: city and districts). */
export class Migration20261127030000_supervision_checks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "supervision_office" (
        "id" uuid primary key,
        "jurisdiction_code" varchar(9) not null,
        "name" varchar(200) not null check (length(trim("name")) > 0),
        "created_at" timestamptz not null,
        unique ("jurisdiction_code", "name")
      );
      create index "supervision_office_jurisdiction_code_index" on "supervision_office" ("jurisdiction_code");

      create table "supervision_contact" (
        "id" uuid primary key,
        "office_id" uuid not null references "supervision_office" ("id"),
        "unit_id" uuid not null,
        "unit_jurisdiction_code" varchar(9) not null,
        "created_at" timestamptz not null,
        unique ("office_id", "unit_id")
      );
      create index "supervision_contact_office_id_index" on "supervision_contact" ("office_id");

      create table "supervision_plan" (
        "id" uuid primary key,
        "office_id" uuid not null references "supervision_office" ("id"),
        "jurisdiction_code" varchar(9) not null,
        "year" integer not null check ("year" between 2000 and 2100),
        "quarter" smallint not null check ("quarter" between 1 and 4),
        "seed" integer not null check ("seed" between 1 and 2147483646),
        "unit_ids" jsonb not null,
        "drawn_by" varchar(255) not null,
        "drawn_at" timestamptz not null,
        unique ("office_id", "year", "quarter")
      );

      create table "supervision_check" (
        "id" uuid primary key,
        "jurisdiction_code" varchar(9) not null,
        "office_id" uuid null references "supervision_office" ("id"),
        "plan_id" uuid null references "supervision_plan" ("id"),
        "unit_id" uuid not null,
        "unit_jurisdiction_code" varchar(9) not null,
        "kind" varchar(20) not null check ("kind" in ('ROUTINE', 'FOLLOW_UP')),
        "mode" varchar(20) not null check ("mode" in ('ON_SITE', 'ONLINE')),
        "stationed" boolean not null default false,
        "methods" jsonb not null,
        "spot_checks" jsonb not null,
        "checked_on" date not null,
        "summary" text not null check (length(trim("summary")) > 0),
        "created_by" varchar(255) not null,
        "created_at" timestamptz not null
      );
      create index "supervision_check_jurisdiction_code_index" on "supervision_check" ("jurisdiction_code");
      create index "supervision_check_unit_jurisdiction_code_index" on "supervision_check" ("unit_jurisdiction_code");
      create index "supervision_check_plan_id_index" on "supervision_check" ("plan_id");

      create table "supervision_finding" (
        "id" uuid primary key,
        "jurisdiction_code" varchar(9) not null,
        "check_id" uuid not null references "supervision_check" ("id"),
        "unit_id" uuid not null,
        "unit_jurisdiction_code" varchar(9) not null,
        "cadre_id" uuid null,
        "responsibility_item_id" uuid null,
        "task_id" uuid null,
        "description" text not null check (length(trim("description")) > 0),
        "deadline" date not null,
        "status" varchar(20) not null default 'OPEN'
          check ("status" in ('OPEN', 'REPORTED', 'SENT_BACK', 'ACCEPTED', 'CONFIRMED', 'REOPENED')),
        "last_report_id" uuid null,
        "reopen_count" integer not null default 0 check ("reopen_count" >= 0),
        "closed_at" timestamptz null,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        check ("status" <> 'REPORTED' or "last_report_id" is not null),
        check ("status" not in ('ACCEPTED', 'CONFIRMED') or "closed_at" is not null)
      );
      create index "supervision_finding_jurisdiction_code_index" on "supervision_finding" ("jurisdiction_code");
      create index "supervision_finding_check_id_index" on "supervision_finding" ("check_id");
      create index "supervision_finding_unit_id_index" on "supervision_finding" ("unit_id");
      create index "supervision_finding_unit_jurisdiction_status_index" on "supervision_finding" ("unit_jurisdiction_code", "status");

      create table "supervision_finding_event" (
        "id" uuid primary key,
        "finding_id" uuid not null references "supervision_finding" ("id"),
        "event" varchar(20) not null check ("event" in ('REPORTED', 'ACCEPTED', 'SENT_BACK', 'CONFIRMED', 'REOPENED')),
        "report_id" uuid null,
        "check_id" uuid null references "supervision_check" ("id"),
        "comment" text null,
        "actor" varchar(255) not null,
        "at" timestamptz not null
      );
      create index "supervision_finding_event_finding_id_index" on "supervision_finding_event" ("finding_id");
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "supervision_finding_event", "supervision_finding", "supervision_check",
      "supervision_plan", "supervision_contact", "supervision_office";`);
  }
}
