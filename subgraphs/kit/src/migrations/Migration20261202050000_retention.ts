import { Migration } from '@mikro-orm/migrations';

/**
 * 留存与保全 Records are archived, never dropped (docs/retention.md):
 * - `duty_record.archived_at` / `archived_by`: set by `archive<Level>DutyRecords` once a record is
 *   past its retention period; archived rows leave the default lists and stay readable.
 * - `keep_referenced_records`: a trigger on every record table (every table with an `id` but the
 *   bookkeeping ones) that refuses a DELETE of a row the audit trail names (`audit_entry.entity_id`),
 *   a case's basis cites (`accountability_basis.record_id`), that is archived, or whose owner
 *   (`owner_id`, an evidence file's record; `case_id`, a basis row's case) is one of those; a duty record version counts as its
 *   record (`record_id`), which is what the audit trail names. In the database and not only in the
 *   application, so no path — a future mutation, the ORM, a console — can drop them. SQLSTATE
 *   55000 (object not in prerequisite state); the kit maps it to FAILED_PRECONDITION.
 */
export class Migration20261202050000_retention extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "duty_record" add column "archived_at" timestamptz null, add column "archived_by" varchar(255) null;
      create index "duty_record_archived_index" on "duty_record" ("jurisdiction_code", "occurred_on") where "archived_at" is null;

      create function "keep_referenced_records"() returns trigger language plpgsql as $$
      declare
        row_json jsonb := to_jsonb(old);
        ids text[] := array_remove(array[row_json->>'id', row_json->>'owner_id', row_json->>'case_id'], null);
        reason text;
        cited boolean;
      begin
        -- A duty record's audit entries name the record (record_id), not its versions; an evidence file's owner is a version.
        if to_regclass('duty_record') is not null then
          ids := ids || coalesce((select array_agg("record_id"::text) from "duty_record" where "id"::text = any(ids)), '{}');
        end if;
        if row_json->>'archived_at' is not null then
          reason := '已归档，只归档不删除 / it is archived, and archived records are never dropped';
        elsif exists (select 1 from "audit_entry" where "entity_id" = any(ids)) then
          reason := '审计记录引用了它 / the audit trail refers to it';
        elsif to_regclass('accountability_basis') is not null then
          -- Dynamic: a level without accountability (the street) has no such table to plan against.
          execute 'select exists (select 1 from "accountability_basis" where "record_id"::text = any($1))' into cited using ids;
          if cited then
            reason := '问责依据引用了它 / an accountability case cites it as basis';
          end if;
        end if;
        if reason is not null then
          raise exception using errcode = '55000',
            message = format('不能删除 %s %s：%s / cannot delete %s %s: %s', tg_table_name, row_json->>'id', split_part(reason, ' / ', 1), tg_table_name, row_json->>'id', split_part(reason, ' / ', 2));
        end if;
        return old;
      end;
      $$;

      do $$
      declare t text;
      begin
        for t in
          select "table_name" from information_schema.columns
          where "table_schema" = current_schema() and "column_name" = 'id'
            -- Bookkeeping, and the trails that refuse every delete themselves (append-only).
            and "table_name" not in ('audit_entry', 'read_trace', 'token_revocation', 'cross_level_step', 'idempotency_key', 'task_count', 'mikro_orm_migrations')
        loop
          execute format('create trigger "keep_referenced_records" before delete on %I for each row execute function "keep_referenced_records"()', t);
        end loop;
      end;
      $$;
    `);
  }
}
