import { Migration } from '@mikro-orm/migrations';

/**
 * 访问留痕 Who read which protected records: one row per request (every record the request
 * touched in this level), append-only and hash-chained like the audit trail. The GIN index serves
 * "who has looked at this record"; the subject index "what has this principal looked at".
 */
export class Migration20261202030000_read_trace extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "read_trace" (
        "seq" bigserial primary key,
        "at" timestamptz not null,
        "actor_subject" varchar(255) not null,
        "actor_level" varchar(10) not null,
        "actor_code" varchar(9) not null,
        "actor_roles" jsonb not null,
        "operation" varchar(200) null,
        "request_id" varchar(200) null,
        "records" jsonb not null,
        "algorithm" varchar(10) not null check ("algorithm" in ('sha256', 'sm3')),
        "prev_hash" char(64) not null,
        "hash" char(64) not null
      );
      create index "read_trace_records_index" on "read_trace" using gin ("records" jsonb_path_ops);
      create index "read_trace_actor_index" on "read_trace" ("actor_subject", "seq");
      create function "read_trace_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'read_trace is append-only';
      end $$;
      create trigger "read_trace_no_update" before update or delete on "read_trace"
        for each row execute function "read_trace_append_only"();
      create trigger "read_trace_no_truncate" before truncate on "read_trace"
        for each statement execute function "read_trace_append_only"();
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "read_trace"; drop function if exists "read_trace_append_only";');
  }
}
