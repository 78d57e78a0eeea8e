import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000000_jurisdiction extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "city" (
        "code" varchar(6) primary key check ("code" ~ '^[0-9]{2}0000$'),
        "name" varchar(100) not null,
        "created_at" timestamptz not null default now()
      );
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "city";');
  }
}
