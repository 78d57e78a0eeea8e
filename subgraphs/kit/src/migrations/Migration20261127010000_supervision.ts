import { Migration } from '@mikro-orm/migrations';
import { MAX_ATTACHMENT_BYTES } from '../attachment/attachment.entity';

/**
 * The records every level keeps in its own database: units and cadres, responsibility lists,
 * tasks, duty records, evidence and the audit chain. The same tables exist at each level;
 * `jurisdiction_code` says which jurisdiction of that level owns a row.
 */
export class Migration20261127010000_supervision extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "unit" (
        "id" uuid primary key,
        "jurisdiction_code" varchar(9) not null,
        "name" varchar(200) not null check (length(trim("name")) > 0),
        "kind" varchar(40) not null,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        unique ("jurisdiction_code", "name")
      );
      create index "unit_jurisdiction_code_index" on "unit" ("jurisdiction_code");

      create table "cadre" (
        "id" uuid primary key,
        "unit_id" uuid not null references "unit" ("id"),
        "jurisdiction_code" varchar(9) not null,
        "name" varchar(100) not null check (length(trim("name")) > 0),
        "position" varchar(200) not null,
        "team_member" boolean not null default true,
        "principal" boolean not null default false,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null
      );
      create index "cadre_unit_id_index" on "cadre" ("unit_id");
      create index "cadre_jurisdiction_code_index" on "cadre" ("jurisdiction_code");
      -- one principal leader (一把手) per unit
      create unique index "cadre_one_principal_per_unit" on "cadre" ("unit_id") where "principal";

      create table "responsibility_category" (
        "code" varchar(40) primary key,
        "name" varchar(100) not null unique,
        "sort_order" integer not null default 0
      );
      insert into "responsibility_category" ("code", "name", "sort_order") values
        ('PARTY_CONDUCT', '党风廉政建设', 1),
        ('IDEOLOGY', '意识形态', 2),
        ('PERSONNEL', '选人用人', 3),
        ('WORK_STYLE', '作风建设', 4),
        ('RECTIFICATION', '整改落实', 5);

      create table "responsibility_item" (
        "id" uuid primary key,
        "jurisdiction_code" varchar(9) not null,
        "unit_id" uuid not null references "unit" ("id"),
        "cadre_id" uuid null references "cadre" ("id"),
        "category_code" varchar(40) not null references "responsibility_category" ("code"),
        "content" text not null check (length(trim("content")) > 0),
        "basis" text not null,
        "year" integer not null check ("year" between 2000 and 2100),
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null
      );
      create index "responsibility_item_jurisdiction_year_index" on "responsibility_item" ("jurisdiction_code", "year");
      create index "responsibility_item_unit_id_index" on "responsibility_item" ("unit_id");
      create index "responsibility_item_cadre_id_index" on "responsibility_item" ("cadre_id");

      create table "task" (
        "id" uuid primary key,
        "jurisdiction_code" varchar(9) not null,
        "responsibility_item_id" uuid not null references "responsibility_item" ("id"),
        "title" varchar(200) not null check (length(trim("title")) > 0),
        "description" text not null default '',
        "cadre_id" uuid not null references "cadre" ("id"),
        "due_date" date not null,
        "progress" smallint not null default 0 check ("progress" between 0 and 100),
        "status" varchar(20) not null default 'PLANNED'
          check ("status" in ('PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
        "cancel_reason" text null,
        "completed_at" timestamptz null,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        check ("status" <> 'CANCELLED' or "cancel_reason" is not null),
        check ("status" <> 'COMPLETED' or ("completed_at" is not null and "progress" = 100))
      );
      create index "task_jurisdiction_status_index" on "task" ("jurisdiction_code", "status");
      create index "task_responsibility_item_id_index" on "task" ("responsibility_item_id");
      create index "task_cadre_id_index" on "task" ("cadre_id");

      create table "task_milestone" (
        "id" uuid primary key,
        "task_id" uuid not null references "task" ("id"),
        "title" varchar(200) not null,
        "due_date" date not null,
        "done_at" timestamptz null,
        "position" integer not null default 0
      );
      create index "task_milestone_task_id_index" on "task_milestone" ("task_id");

      create table "duty_record" (
        "id" uuid primary key,
        "record_id" uuid not null,
        "version" integer not null check ("version" >= 1),
        "jurisdiction_code" varchar(9) not null,
        "kind" varchar(20) not null
          check ("kind" in ('MEETING', 'TALK', 'INSPECTION', 'REPORT', 'INSTRUCTION', 'OTHER')),
        "occurred_on" date not null,
        "cadre_id" uuid not null references "cadre" ("id"),
        "task_id" uuid null references "task" ("id"),
        "responsibility_item_id" uuid null references "responsibility_item" ("id"),
        "summary" text not null check (length(trim("summary")) > 0),
        "correction_reason" text null,
        "recorded_by" varchar(255) not null,
        "created_at" timestamptz not null,
        unique ("record_id", "version"),
        check ("task_id" is not null or "responsibility_item_id" is not null),
        check ("version" = 1 or "correction_reason" is not null)
      );
      create index "duty_record_jurisdiction_occurred_index" on "duty_record" ("jurisdiction_code", "occurred_on");
      create index "duty_record_cadre_id_index" on "duty_record" ("cadre_id");
      create index "duty_record_task_id_index" on "duty_record" ("task_id");
      create index "duty_record_responsibility_item_id_index" on "duty_record" ("responsibility_item_id");

      create table "attachment" (
        "id" uuid primary key,
        "owner_type" varchar(30) not null check ("owner_type" in ('DUTY_RECORD', 'DIRECTIVE_RESPONSE')),
        "owner_id" uuid not null,
        "name" varchar(255) not null check (length(trim("name")) > 0),
        "content_type" varchar(100) not null,
        "size" integer not null check ("size" between 0 and ${MAX_ATTACHMENT_BYTES}),
        "sha256" char(64) not null,
        "content" bytea not null,
        "created_at" timestamptz not null,
        check (octet_length("content") = "size")
      );
      create index "attachment_owner_index" on "attachment" ("owner_type", "owner_id");

      create table "audit_entry" (
        "seq" bigserial primary key,
        "at" timestamptz not null,
        "actor_subject" varchar(255) not null,
        "actor_code" varchar(9) not null,
        "owner_code" varchar(9) not null,
        "action" varchar(60) not null,
        "entity_type" varchar(60) not null,
        "entity_id" varchar(64) not null,
        "before" jsonb null,
        "after" jsonb null,
        "prev_hash" char(64) not null,
        "hash" char(64) not null unique
      );
      create index "audit_entry_entity_index" on "audit_entry" ("entity_type", "entity_id");

      -- The audit trail is append-only: refuse every UPDATE and DELETE, whoever sends it.
      create function "audit_entry_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_entry is append-only';
      end;
      $$;
      create trigger "audit_entry_no_update" before update or delete on "audit_entry"
        for each row execute function "audit_entry_append_only"();
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table if exists "audit_entry";
      drop function if exists "audit_entry_append_only";
      drop table if exists "attachment", "duty_record", "task_milestone", "task", "responsibility_item",
        "responsibility_category", "cadre", "unit";
    `);
  }
}
