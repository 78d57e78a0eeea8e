import { Migration } from '@mikro-orm/migrations';

/**
 * Task figures that stay cheap as the records grow (every level's database).
 *
 * - `task_count`: tasks per jurisdiction and status, kept current by a trigger in the
 *   transaction of the change itself, so totals, per-status counts and completion rates read a
 *   few rows per jurisdiction instead of counting the task table. A trigger, not application
 *   code, because every path that writes `task` (mutations, demo seeds, bulk loads, a hand-run
 *   fix) must keep it right; writers of one jurisdiction and status take turns on its row, those
 *   of different jurisdictions never meet.
 * - Overdue depends on today, so it cannot be kept as a count: `task_open_due_index` holds only
 *   open tasks by (jurisdiction, due date), and "overdue in a jurisdiction" is a range of it,
 *   read index-only. The same index serves "the most overdue tasks" pages (a few index rows per
 *   jurisdiction) and their totals.
 * - `task_count_rebuild()` recounts from the rows: for this migration's backfill and for bulk
 *   loads that bypass triggers (the scale seeder's COPY).
 */
export class Migration20261201000000_task_figures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "task_count" (
        "jurisdiction_code" varchar(9) not null,
        "status" varchar(20) not null,
        "count" bigint not null check ("count" >= 0),
        primary key ("jurisdiction_code", "status")
      );

      create function "task_count_rebuild"() returns void language sql as $$
        delete from "task_count";
        insert into "task_count" ("jurisdiction_code", "status", "count")
          select "jurisdiction_code", "status", count(*) from "task" group by 1, 2;
      $$;

      create function "task_count_apply"() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          update "task_count" set "count" = "count" - 1
           where "jurisdiction_code" = old."jurisdiction_code" and "status" = old."status";
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          insert into "task_count" ("jurisdiction_code", "status", "count")
            values (new."jurisdiction_code", new."status", 1)
            on conflict ("jurisdiction_code", "status") do update set "count" = "task_count"."count" + 1;
        end if;
        return null;
      end;
      $$;
      create trigger "task_count_on_insert_or_delete" after insert or delete on "task"
        for each row execute function "task_count_apply"();
      create trigger "task_count_on_update" after update of "status", "jurisdiction_code" on "task"
        for each row when (old."status" is distinct from new."status" or old."jurisdiction_code" is distinct from new."jurisdiction_code")
        execute function "task_count_apply"();

      select "task_count_rebuild"();

      create index "task_open_due_index" on "task" ("jurisdiction_code", "due_date", "id")
        where "status" in ('PLANNED', 'IN_PROGRESS');
      -- The most overdue open tasks of a whole level, first ten without reading the rest.
      create index "task_open_by_due_date_index" on "task" ("due_date", "id")
        where "status" in ('PLANNED', 'IN_PROGRESS');
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index if exists "task_open_by_due_date_index";
      drop index if exists "task_open_due_index";
      drop trigger if exists "task_count_on_update" on "task";
      drop trigger if exists "task_count_on_insert_or_delete" on "task";
      drop function if exists "task_count_apply";
      drop function if exists "task_count_rebuild";
      drop table if exists "task_count";
    `);
  }
}
