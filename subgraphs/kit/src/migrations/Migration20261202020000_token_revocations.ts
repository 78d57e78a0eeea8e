import { Migration } from '@mikro-orm/migrations';

/** 令牌撤销 The platform's deny-list of tokens and sessions (the city's database), append-only, announced on insert. */
export class Migration20261202020000_token_revocations extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "token_revocation" (
        "id" uuid primary key,
        "jti" varchar(200) null,
        "subject" varchar(255) null,
        "reason" text not null check (length(trim("reason")) > 0),
        "revoked_by" varchar(255) not null,
        "revoked_at" timestamptz not null,
        check (("jti" is null) <> ("subject" is null))
      );
      create index "token_revocation_revoked_at_index" on "token_revocation" ("revoked_at");
      create function "token_revocation_append_only"() returns trigger language plpgsql as $$
      begin
        raise exception 'token_revocation is append-only';
      end $$;
      create trigger "token_revocation_no_update" before update or delete on "token_revocation"
        for each row execute function "token_revocation_append_only"();
      -- Every replica of the city listens (revocation-notices.ts) instead of polling the table.
      create function "token_revocation_notify"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('token_revocation', new."id"::text);
        return null;
      end $$;
      create trigger "token_revocation_notice" after insert on "token_revocation"
        for each row execute function "token_revocation_notify"();
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "token_revocation"; drop function if exists "token_revocation_append_only"; drop function if exists "token_revocation_notify";');
  }
}
