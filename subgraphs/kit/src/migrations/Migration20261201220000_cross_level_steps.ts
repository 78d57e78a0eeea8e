import { Migration } from '@mikro-orm/migrations';

/** Remote steps taken for local records that may still need undoing (see cross-level-step.entity.ts). */
export class Migration20261201220000_cross_level_steps extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "cross_level_step" (
        "id" uuid primary key,
        "flow" varchar(40) not null,
        "target_level" varchar(10) not null check ("target_level" in ('city', 'district', 'street')),
        "payload" jsonb not null,
        "state" varchar(12) not null default 'PENDING' check ("state" in ('PENDING', 'COMPENSATE')),
        "attempts" int not null default 0,
        "last_error" text null,
        "created_at" timestamptz not null,
        "next_attempt_at" timestamptz null
      );
      create index "cross_level_step_state_created_at_index" on "cross_level_step" ("state", "created_at");
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cross_level_step";`);
  }
}
