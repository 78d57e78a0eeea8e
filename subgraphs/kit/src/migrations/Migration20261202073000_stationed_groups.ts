import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecurityFor } from '../db/rls/row-level-policies';

/**
 * 派驻纪检监察组 Stationed discipline-inspection groups of a commission (city, district), the host
 * units they supervise and their members, and their embedded-supervision engagements
 * (驻点监督 / 进驻式监督) with what each method produced. Closing an engagement records an
 * ordinary supervision check (`stationed = true`, `engagement_id`) whose findings enter the
 * rectification loop unchanged. Row-level security and the retention trigger like every record table.
 */
export class Migration20261202073000_stationed_groups extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "stationed_group" (
        "id" uuid primary key,
        "jurisdiction_code" varchar(9) not null,
        "name" varchar(200) not null,
        "host_unit_ids" jsonb not null,
        "members" jsonb not null,
        "version" int not null default 1,
        "created_by" varchar(255) not null,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null
      );
      create index "stationed_group_jurisdiction_code_index" on "stationed_group" ("jurisdiction_code");
      alter table "stationed_group" add constraint "stationed_group_jurisdiction_code_name_unique" unique ("jurisdiction_code", "name");

      create table "stationed_engagement" (
        "id" uuid primary key,
        "jurisdiction_code" varchar(9) not null,
        "group_id" uuid not null references "stationed_group" ("id"),
        "unit_id" uuid not null,
        "mode" varchar(20) not null,
        "reason_source" varchar(30) not null,
        "reason" text not null,
        "reason_finding_id" uuid null,
        "reason_task_id" uuid null,
        "started_on" date not null,
        "ended_on" date null,
        "methods" jsonb not null,
        "talks" jsonb not null default '[]',
        "reports_heard" jsonb not null default '[]',
        "documents_reviewed" jsonb null,
        "questionnaire" jsonb null,
        "democratic_evaluation" jsonb null,
        "summary" text null,
        "check_id" uuid null,
        "version" int not null default 1,
        "created_by" varchar(255) not null,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        check ("ended_on" is null or "ended_on" >= "started_on")
      );
      create index "stationed_engagement_group_id_index" on "stationed_engagement" ("group_id");
      create index "stationed_engagement_unit_id_index" on "stationed_engagement" ("unit_id");

      alter table "supervision_check" add column "engagement_id" uuid null references "stationed_engagement" ("id");
      create index "supervision_check_engagement_id_index" on "supervision_check" ("engagement_id") where "engagement_id" is not null;

      create trigger "keep_referenced_records" before delete on "stationed_group" for each row execute function "keep_referenced_records"();
      create trigger "keep_referenced_records" before delete on "stationed_engagement" for each row execute function "keep_referenced_records"();
    `);
    this.addSql(rowLevelSecurityFor(['stationed_group', 'stationed_engagement']));
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table "supervision_check" drop column "engagement_id";
      drop table "stationed_engagement";
      drop table "stationed_group";
    `);
  }
}
