import { Migration } from '@mikro-orm/migrations';

/** Results of mutations by Idempotency-Key, per principal (mutation/idempotency.ts). */
export class Migration20261201230000_idempotency_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "idempotency_key" (
        "subject" varchar(255) not null,
        "key" varchar(100) not null,
        "ordinal" int not null,
        "fingerprint" char(64) not null,
        "result_type" varchar(100) null,
        "result_id" varchar(100) null,
        "result_json" jsonb null,
        "created_at" timestamptz not null,
        primary key ("subject", "key", "ordinal")
      );
      create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key";`);
  }
}
