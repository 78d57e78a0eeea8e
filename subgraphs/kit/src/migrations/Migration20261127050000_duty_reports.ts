import { Migration } from '@mikro-orm/migrations';

/**
 * 述责述廉 Duty-and-integrity report sessions of a level's commission plenary (the city's and
 * the districts' databases). Reporters and questions live with their session: the session is
 * the record the plenary reviews as a whole. `jurisdiction_code` of a reporter is the level
 * itself or one directly below (plain codes and ids: the unit may live in another database).
 */
export class Migration20261127050000_duty_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "duty_report_session" (
        "id" uuid primary key,
        "owner_code" varchar(9) not null,
        "title" varchar(200) not null check (length(trim("title")) > 0),
        "held_on" date not null,
        "created_by" varchar(255) not null,
        "created_at" timestamptz not null
      );
      create index "duty_report_session_owner_held_index" on "duty_report_session" ("owner_code", "held_on");

      create table "duty_report_reporter" (
        "id" uuid primary key,
        "session_id" uuid not null references "duty_report_session" ("id"),
        "owner_code" varchar(9) not null,
        "position" integer not null,
        "jurisdiction_code" varchar(9) not null,
        "unit_id" uuid not null,
        "unit_name" varchar(200) not null check (length(trim("unit_name")) > 0),
        "cadre_id" uuid not null,
        "cadre_name" varchar(100) not null check (length(trim("cadre_name")) > 0),
        "cadre_position" varchar(200) not null,
        "rating" varchar(20) null check ("rating" in ('GOOD', 'FAIRLY_GOOD', 'AVERAGE', 'POOR')),
        "score" numeric(5, 2) null check ("score" between 0 and 100),
        "remarks" text null,
        "evaluated_by" varchar(255) null,
        "evaluated_at" timestamptz null,
        unique ("session_id", "cadre_id"),
        unique ("session_id", "position"),
        check (("rating" is null) = ("evaluated_at" is null))
      );

      create table "duty_report_question" (
        "id" uuid primary key,
        "session_id" uuid not null references "duty_report_session" ("id"),
        "reporter_id" uuid not null references "duty_report_reporter" ("id"),
        "owner_code" varchar(9) not null,
        "asker_name" varchar(100) not null check (length(trim("asker_name")) > 0),
        "question" text not null check (length(trim("question")) > 0),
        "asked_by" varchar(255) not null,
        "asked_at" timestamptz not null,
        "answer" text null check (length(trim("answer")) > 0),
        "answerer_code" varchar(9) null,
        "answered_by" varchar(255) null,
        "answered_at" timestamptz null,
        check (("answer" is null) = ("answered_at" is null))
      );
      create index "duty_report_question_reporter_index" on "duty_report_question" ("reporter_id");
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "duty_report_question"; drop table if exists "duty_report_reporter"; drop table if exists "duty_report_session";');
  }
}
