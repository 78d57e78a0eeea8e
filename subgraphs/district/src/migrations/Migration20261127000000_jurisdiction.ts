import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000000_jurisdiction extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "district" (
        "code" varchar(6) primary key check ("code" ~ '^[0-9]{6}$'),
        "name" varchar(100) not null,
        "city_code" varchar(6) not null check ("city_code" ~ '^[0-9]{2}0000$'),
        "created_at" timestamptz not null default now()
      );
    `);
    this.addSql('create index "district_city_code_index" on "district" ("city_code");');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "district";');
  }
}
