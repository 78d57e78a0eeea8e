import { Migration } from '@mikro-orm/migrations';

/**
 * 商用密码 Every audit entry names the hash it was chained with (old rows: SHA-256, the only one
 * used before), so a chain may switch to SM3 and still verify from its first entry. Evidence
 * rows name the algorithm of their digest and, when sealed, the data key they were sealed under;
 * a sealed row is longer than the file, so the length check applies to unsealed rows only.
 */
export class Migration20261202010000_commercial_cryptography extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "audit_entry" add column "algorithm" varchar(10) not null default 'sha256'
        check ("algorithm" in ('sha256', 'sm3'));

      alter table "attachment" add column "digest_algorithm" varchar(10) not null default 'sha256'
        check ("digest_algorithm" in ('sha256', 'sm3'));
      alter table "attachment" add column "digest" char(64) null;
      update "attachment" set "digest" = "sha256";
      alter table "attachment" alter column "digest" set not null;
      alter table "attachment" add column "key_id" varchar(64) null;
      alter table "attachment" drop constraint "attachment_check";
      alter table "attachment" add constraint "attachment_content_length_check"
        check ("key_id" is not null or octet_length("content") = "size");
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table "attachment" drop constraint "attachment_content_length_check";
      alter table "attachment" drop column "key_id", drop column "digest", drop column "digest_algorithm";
      alter table "attachment" add constraint "attachment_check" check (octet_length("content") = "size");
      alter table "audit_entry" drop column "algorithm";
    `);
  }
}
