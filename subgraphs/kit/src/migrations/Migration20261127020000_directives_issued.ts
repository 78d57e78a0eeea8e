import { Migration } from '@mikro-orm/migrations';

/** Directives a level issues downwards (the city's and the districts' databases). */
export class Migration20261127020000_directives_issued extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "directive" (
        "id" uuid primary key,
        "issuer_code" varchar(9) not null,
        "parent_directive_id" uuid null,
        "title" varchar(200) not null check (length(trim("title")) > 0),
        "requirements" text not null,
        "deadline" date not null,
        "target_codes" jsonb not null check (jsonb_array_length("target_codes") > 0),
        "issued_by" varchar(255) not null,
        "issued_at" timestamptz not null
      );
      create index "directive_issuer_code_index" on "directive" ("issuer_code");
      create index "directive_parent_directive_id_index" on "directive" ("parent_directive_id");
      create index "directive_target_codes_index" on "directive" using gin ("target_codes");
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "directive";');
  }
}
