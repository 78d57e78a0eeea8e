import { Migration } from '@mikro-orm/migrations';

/** Responses a level gives to directives from above (the districts' and streets' databases). */
export class Migration20261127020001_directive_responses extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "directive_response" (
        "id" uuid primary key,
        "directive_id" uuid not null,
        "responder_code" varchar(9) not null,
        "status" varchar(20) not null check ("status" in ('ACKNOWLEDGED', 'IN_PROGRESS', 'COMPLETED')),
        "progress" smallint not null default 0 check ("progress" between 0 and 100),
        "report" text not null default '',
        "acknowledged_at" timestamptz not null,
        "completed_at" timestamptz null,
        "updated_at" timestamptz not null,
        unique ("directive_id", "responder_code"),
        check ("status" <> 'COMPLETED' or ("completed_at" is not null and "progress" = 100))
      );
      create index "directive_response_responder_code_index" on "directive_response" ("responder_code");
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "directive_response";');
  }
}
