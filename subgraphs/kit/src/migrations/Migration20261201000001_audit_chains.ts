import { Migration } from '@mikro-orm/migrations';

/**
 * One audit chain per owning jurisdiction instead of one per database: writers of unrelated
 * jurisdictions (the districts in the district database) no longer queue for one lock and one
 * "last hash". Entries written before this migration keep `chain` null and stay one chain,
 * verified as they always were; every later entry links to the previous entry of its own chain
 * (`chain` = its owner's code), the first one of a chain to the genesis hash.
 */
export class Migration20261201000001_audit_chains extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "audit_entry" add column "chain" varchar(9) null;
      create index "audit_entry_chain_seq_index" on "audit_entry" ("chain", "seq");
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index if exists "audit_entry_chain_seq_index";
      alter table "audit_entry" drop column "chain";
    `);
  }
}
