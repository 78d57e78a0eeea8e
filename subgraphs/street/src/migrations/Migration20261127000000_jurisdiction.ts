import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000000_jurisdiction extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "street" (
        "code" varchar(9) primary key check ("code" ~ '^[0-9]{9}$'),
        "name" varchar(100) not null,
        "district_code" varchar(6) not null check ("district_code" = left("code", 6)),
        "created_at" timestamptz not null default now()
      );
    `);
    this.addSql('create index "street_district_code_index" on "street" ("district_code");');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "street";');
  }
}
