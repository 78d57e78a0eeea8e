import { Migration } from '@mikro-orm/migrations';

/**
 * A jurisdiction passes a directive from above on at most once: its answer links to ONE cascade
 * (`DistrictDirectiveResponse.cascade`). The index settles two concurrent cascades.
 */
export class Migration20261127030000_directive_cascades extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create unique index "directive_one_cascade_per_issuer" on "directive" ("parent_directive_id", "issuer_code")
        where "parent_directive_id" is not null;
    `);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "directive_one_cascade_per_issuer";');
  }
}
