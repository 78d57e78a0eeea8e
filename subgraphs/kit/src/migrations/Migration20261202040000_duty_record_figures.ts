import { Migration } from '@mikro-orm/migrations';

/**
 * Duty-record figures that stay cheap as the records grow (every level's database).
 *
 * `duty_record_count`: latest versions of duty records per jurisdiction and day, kept current by a
 * trigger in the transaction of the change, as `task_count` keeps tasks. "Duty records of the
 * quarter" (the dashboard's district figures) then sums at most one row per jurisdiction and day
 * of the period, whatever the number of records, instead of reading every record of the quarter
 * and checking each for a newer version. Per day because a period may start and end on any day.
 *
 * A correction inserts a new version: it counts on its own day and the version it replaces stops
 * counting on its day. A deleted latest version hands the count back to the version before it.
 * Duty records are written once (a correction is a new row), so no UPDATE changes what is counted.
 * `duty_record_count_rebuild()` recounts from the rows (this backfill; bulk loads without triggers).
 */
export class Migration20261202040000_duty_record_figures extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "duty_record_count" (
        "jurisdiction_code" varchar(9) not null,
        "occurred_on" date not null,
        "count" bigint not null check ("count" >= 0),
        primary key ("jurisdiction_code", "occurred_on")
      );

      create function "duty_record_count_rebuild"() returns void language sql as $$
        delete from "duty_record_count";
        insert into "duty_record_count" ("jurisdiction_code", "occurred_on", "count")
          select "jurisdiction_code", "occurred_on", count(*) from "duty_record" as "d"
          where not exists (select 1 from "duty_record" as "newer" where "newer"."record_id" = "d"."record_id" and "newer"."version" > "d"."version")
          group by 1, 2;
      $$;

      -- Statement-level, with the statement's rows as a table: a statement that adds or removes
      -- several versions of one record (a bulk load, a deletion of a whole record) is counted by
      -- comparing each touched record's latest version before and after it, never row by row.
      create function "duty_record_count_apply"() returns trigger language plpgsql as $$
      declare
        sums jsonb;
        item jsonb;
      begin
        if tg_op = 'INSERT' then
          with "touched" as (select distinct "record_id" from "changed"),
          "now" as (select "id", "record_id", "version", "jurisdiction_code", "occurred_on" from "duty_record" where "record_id" in (select "record_id" from "touched")),
          "before" as (select distinct on ("record_id") * from "now" where "id" not in (select "id" from "changed") order by "record_id", "version" desc),
          "after" as (select distinct on ("record_id") * from "now" order by "record_id", "version" desc),
          "deltas" as (
            select "a"."jurisdiction_code", "a"."occurred_on", 1 as "delta" from "after" as "a" where "a"."id" in (select "id" from "changed")
            union all
            select "b"."jurisdiction_code", "b"."occurred_on", -1 from "before" as "b" join "after" as "a" using ("record_id")
              where "a"."id" in (select "id" from "changed"))
          select coalesce(jsonb_agg(jsonb_build_object('code', "code", 'day', "day", 'delta', "delta")), '[]'::jsonb) into sums
            from (select "jurisdiction_code" as "code", "occurred_on" as "day", sum("delta")::int as "delta" from "deltas" group by 1, 2) as "s";
        else
          with "touched" as (select distinct "record_id" from "changed"),
          "now" as (select "id", "record_id", "version", "jurisdiction_code", "occurred_on" from "duty_record" where "record_id" in (select "record_id" from "touched")),
          "before" as (select distinct on ("record_id") * from
              (select * from "now" union all select "id", "record_id", "version", "jurisdiction_code", "occurred_on" from "changed") as "all_versions"
              order by "record_id", "version" desc),
          "after" as (select distinct on ("record_id") * from "now" order by "record_id", "version" desc),
          "deltas" as (
            select "b"."jurisdiction_code", "b"."occurred_on", -1 as "delta" from "before" as "b" where "b"."id" in (select "id" from "changed")
            union all
            select "a"."jurisdiction_code", "a"."occurred_on", 1 from "after" as "a" join "before" as "b" using ("record_id")
              where "b"."id" in (select "id" from "changed"))
          select coalesce(jsonb_agg(jsonb_build_object('code', "code", 'day', "day", 'delta', "delta")), '[]'::jsonb) into sums
            from (select "jurisdiction_code" as "code", "occurred_on" as "day", sum("delta")::int as "delta" from "deltas" group by 1, 2) as "s";
        end if;
        -- A decrease updates the kept row (the CHECK would refuse a negative row proposed for an upsert).
        for item in select * from jsonb_array_elements(sums) loop
          update "duty_record_count" set "count" = "count" + (item->>'delta')::int
            where "jurisdiction_code" = item->>'code' and "occurred_on" = (item->>'day')::date;
          if not found and (item->>'delta')::int > 0 then
            insert into "duty_record_count" ("jurisdiction_code", "occurred_on", "count") values (item->>'code', (item->>'day')::date, (item->>'delta')::int)
              on conflict ("jurisdiction_code", "occurred_on") do update set "count" = "duty_record_count"."count" + excluded."count";
          end if;
        end loop;
        return null;
      end;
      $$;
      create trigger "duty_record_count_on_insert" after insert on "duty_record"
        referencing new table as "changed" for each statement execute function "duty_record_count_apply"();
      create trigger "duty_record_count_on_delete" after delete on "duty_record"
        referencing old table as "changed" for each statement execute function "duty_record_count_apply"();

      select "duty_record_count_rebuild"();
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger if exists "duty_record_count_on_insert" on "duty_record";
      drop trigger if exists "duty_record_count_on_delete" on "duty_record";
      drop function if exists "duty_record_count_apply";
      drop function if exists "duty_record_count_rebuild";
      drop table if exists "duty_record_count";
    `);
  }
}
