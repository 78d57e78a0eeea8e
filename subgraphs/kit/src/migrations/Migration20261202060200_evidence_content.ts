import { Migration } from '@mikro-orm/migrations';

/**
 * 佐证材料按内容存储 Evidence stored once per content: the bytes move from each attachment row to
 * `evidence_content`, keyed by SHA-256, so the copies a duty-record correction makes of the
 * previous version's files cost a row of metadata each; a level with evidence keys stores the one
 * copy sealed (SM4), keyed by the SHA-256 of the file itself. Row-level security: content is visible
 * through a visible attachment only; any principal may store content (its key is its digest, checked
 * by the database, so nothing can be overwritten), nobody changes or deletes it.
 */
export class Migration20261202060200_evidence_content extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "evidence_content" (
        "sha256" char(64) primary key,
        "size" integer not null,
        "content" bytea not null,
        "key_id" varchar(64) null,
        "created_at" timestamptz not null default now(),
        -- Sealed content (SM4, crypto/evidence-store.ts) is longer than the file and hides its digest.
        check ("key_id" is not null or (octet_length("content") = "size" and "sha256" = encode(sha256("content"), 'hex')))
      );
      insert into "evidence_content" ("sha256", "size", "content", "key_id", "created_at")
        select distinct on ("sha256") "sha256", "size", "content", "key_id", "created_at" from "attachment" order by "sha256", "created_at";
      alter table "attachment" drop constraint if exists "attachment_content_length_check";
      alter table "attachment" drop column "content", drop column "key_id";
      alter table "attachment" add constraint "attachment_sha256_foreign" foreign key ("sha256") references "evidence_content" ("sha256");
      create index "attachment_sha256_index" on "attachment" ("sha256");
      alter table "evidence_content" enable row level security;
      create policy "evidence_content_read" on "evidence_content" for select
        using (exists (select 1 from "attachment" a where a."sha256" = "evidence_content"."sha256"));
      create policy "evidence_content_insert" on "evidence_content" for insert with check (app_scope_code() <> '');
      -- Storing a content someone else already stored must be a no-op, but an INSERT … ON CONFLICT
      -- needs the new row to pass the read policy, which it cannot before its attachment exists:
      -- this function (with its owner's rights) does just that insert, for callers with a scope.
      create function store_evidence_content(digest text, bytes integer, body bytea, key text) returns void
        language sql security definer set search_path = public as $$
          insert into "evidence_content" ("sha256", "size", "content", "key_id")
            select digest, bytes, body, key where app_scope_code() <> ''
            on conflict ("sha256") do nothing
        $$;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table "attachment" add column "content" bytea null, add column "key_id" varchar(64) null;
      update "attachment" set "content" = c."content", "key_id" = c."key_id" from "evidence_content" c where c."sha256" = "attachment"."sha256";
      alter table "attachment" drop constraint "attachment_sha256_foreign";
      alter table "attachment" alter column "content" set not null;
      alter table "attachment" add constraint "attachment_content_length_check" check ("key_id" is not null or octet_length("content") = "size");
      drop function store_evidence_content(text, integer, bytea, text);
      drop table "evidence_content";
    `);
  }
}
