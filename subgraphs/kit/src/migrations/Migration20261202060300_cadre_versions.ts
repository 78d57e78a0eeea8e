import { Migration } from '@mikro-orm/migrations';

/** Cadres carry a version too: two administrators editing one cadre (see mutation/record-version.ts). */
export class Migration20261202060300_cadre_versions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "cadre" add column "version" int not null default 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cadre" drop column "version";`);
  }
}
