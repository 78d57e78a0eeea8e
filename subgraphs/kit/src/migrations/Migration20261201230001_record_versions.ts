import { Migration } from '@mikro-orm/migrations';

/** Versions of the records several people edit (tasks, responsibility items): see mutation/record-version.ts. */
export class Migration20261201230001_record_versions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "task" add column "version" int not null default 1;
      alter table "responsibility_item" add column "version" int not null default 1;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "task" drop column "version"; alter table "responsibility_item" drop column "version";`);
  }
}
