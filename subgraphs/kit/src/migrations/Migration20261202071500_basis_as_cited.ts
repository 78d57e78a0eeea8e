import { Migration } from '@mikro-orm/migrations';

/**
 * 问责依据引用时状态 What a cited record was when a case cited it: its version, the newest entry of
 * its owner's audit chain at that moment, the fields that matter to the case and their hash.
 * Citations made before this migration keep null in every new column: nothing is invented for
 * them (the trace says the snapshot was not kept).
 */
export class Migration20261202071500_basis_as_cited extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "accountability_basis"
        add column "record_version" integer null,
        add column "cited_entry_seq" bigint null,
        add column "cited_entry_hash" varchar(64) null,
        add column "snapshot" jsonb null,
        add column "snapshot_hash" varchar(64) null,
        add column "snapshot_algorithm" varchar(10) null,
        -- a snapshot is kept whole (with its hash and the hash's algorithm) or not at all
        add constraint "accountability_basis_snapshot_whole" check (
          ("snapshot" is null) = ("snapshot_hash" is null) and ("snapshot" is null) = ("snapshot_algorithm" is null)
        ),
        add constraint "accountability_basis_cited_entry_whole" check (("cited_entry_seq" is null) = ("cited_entry_hash" is null));
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table "accountability_basis"
        drop constraint "accountability_basis_cited_entry_whole",
        drop constraint "accountability_basis_snapshot_whole",
        drop column "snapshot_algorithm",
        drop column "snapshot_hash",
        drop column "snapshot",
        drop column "cited_entry_hash",
        drop column "cited_entry_seq",
        drop column "record_version";
    `);
  }
}
