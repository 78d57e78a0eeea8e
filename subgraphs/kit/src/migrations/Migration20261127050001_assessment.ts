import { Migration } from '@mikro-orm/migrations';

/**
 * 年度主体责任考核 The annual assessment a level runs over the level below and its own units
 * (the city's and the districts' databases): plans, score sheets, the commendation notice,
 * interviews of bottom-ranked heads with their commitments, and follow-up visits.
 */
export class Migration20261127050001_assessment extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "assessment_plan" (
        "id" uuid primary key,
        "assessor_code" varchar(9) not null,
        "year" integer not null check ("year" between 2000 and 2100),
        "title" varchar(200) not null check (length(trim("title")) > 0),
        "indicators" jsonb not null check (jsonb_array_length("indicators") > 0),
        "grade_thresholds" jsonb not null,
        "total_weight" numeric(6, 2) not null check ("total_weight" > 0),
        "interview_bottom_count" integer not null default 0 check ("interview_bottom_count" >= 0),
        "status" varchar(20) not null default 'DRAFT' check ("status" in ('DRAFT', 'FINALIZED')),
        "created_by" varchar(255) not null,
        "created_at" timestamptz not null,
        "finalized_by" varchar(255) null,
        "finalized_at" timestamptz null,
        unique ("assessor_code", "year"),
        check (("status" = 'FINALIZED') = ("finalized_at" is not null))
      );

      create table "assessment_sheet" (
        "id" uuid primary key,
        "plan_id" uuid not null references "assessment_plan" ("id"),
        "assessor_code" varchar(9) not null,
        "year" integer not null,
        "jurisdiction_code" varchar(9) not null,
        "unit_id" uuid not null,
        "unit_name" varchar(200) not null check (length(trim("unit_name")) > 0),
        "cadre_id" uuid null,
        "cadre_name" varchar(100) null,
        "indicator_scores" jsonb not null default '{}',
        "democratic_score" numeric(6, 2) null,
        "task_completion_rate" numeric(5, 2) null check ("task_completion_rate" between 0 and 100),
        "task_completion_source" varchar(30) not null default 'ENTERED',
        "deduction" numeric(6, 2) not null default 0 check ("deduction" >= 0),
        "deduction_source" varchar(30) not null default 'ENTERED',
        "deduction_note" text not null default '',
        "total" numeric(6, 2) null,
        "rank" integer null check ("rank" >= 1),
        "grade" varchar(20) null check ("grade" in ('EXCELLENT', 'GOOD', 'AVERAGE', 'POOR')),
        "interview_required" boolean not null default false,
        "entered_by" varchar(255) not null,
        "updated_at" timestamptz not null,
        unique nulls not distinct ("plan_id", "unit_id", "cadre_id"),
        check (("total" is null) = ("rank" is null) and ("rank" is null) = ("grade" is null))
      );
      create index "assessment_sheet_assessor_year_rank_index" on "assessment_sheet" ("assessor_code", "year", "rank");

      create table "assessment_commendation" (
        "id" uuid primary key,
        "plan_id" uuid not null unique references "assessment_plan" ("id"),
        "assessor_code" varchar(9) not null,
        "year" integer not null,
        "title" varchar(200) not null check (length(trim("title")) > 0),
        "entries" jsonb not null check (jsonb_array_length("entries") > 0),
        "published_by" varchar(255) not null,
        "published_at" timestamptz not null
      );

      create table "assessment_interview" (
        "id" uuid primary key,
        "plan_id" uuid not null references "assessment_plan" ("id"),
        "sheet_id" uuid not null unique references "assessment_sheet" ("id"),
        "assessor_code" varchar(9) not null,
        "interviewee_name" varchar(100) not null check (length(trim("interviewee_name")) > 0),
        "interviewee_position" varchar(200) not null default '',
        "held_on" date not null,
        "interviewer" varchar(100) not null check (length(trim("interviewer")) > 0),
        "content" text not null check (length(trim("content")) > 0),
        "follow_up_status" varchar(30) not null default 'AWAITING_FOLLOW_UP'
          check ("follow_up_status" in ('AWAITING_FOLLOW_UP', 'COMMITMENTS_OPEN', 'CONFIRMED')),
        "recorded_by" varchar(255) not null,
        "created_at" timestamptz not null
      );
      create index "assessment_interview_plan_index" on "assessment_interview" ("plan_id", "follow_up_status");

      create table "assessment_follow_up" (
        "id" uuid primary key,
        "interview_id" uuid not null references "assessment_interview" ("id"),
        "visited_on" date not null,
        "visitor" varchar(100) not null check (length(trim("visitor")) > 0),
        "summary" text not null,
        "results" jsonb not null check (jsonb_array_length("results") > 0),
        "recorded_by" varchar(255) not null,
        "created_at" timestamptz not null
      );
      create index "assessment_follow_up_interview_index" on "assessment_follow_up" ("interview_id");

      create table "assessment_commitment" (
        "id" uuid primary key,
        "interview_id" uuid not null references "assessment_interview" ("id"),
        "position" integer not null,
        "content" text not null check (length(trim("content")) > 0),
        "status" varchar(20) not null default 'OPEN' check ("status" in ('OPEN', 'FULFILLED')),
        "confirmed_on" date null,
        "confirmed_by_follow_up_id" uuid null references "assessment_follow_up" ("id"),
        "last_check_note" text null,
        unique ("interview_id", "position"),
        check (("status" = 'FULFILLED') = ("confirmed_by_follow_up_id" is not null))
      );
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table if exists "assessment_commitment";
      drop table if exists "assessment_follow_up";
      drop table if exists "assessment_interview";
      drop table if exists "assessment_commendation";
      drop table if exists "assessment_sheet";
      drop table if exists "assessment_plan";
    `);
  }
}
