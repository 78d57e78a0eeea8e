import { Migration } from '@mikro-orm/migrations';

/**
 * Contacts of a supervision office are kept as intervals of days (added on, removed on) instead
 * of being rows that exist or not, so the list as it stood at a draw's cutoff can be recomputed;
 * existing contacts count from the day they were recorded (Tianjin), and a row written without
 * the day gets today's (Tianjin), never an earlier one. A unit may be on an office's
 * list again after it was removed, so the office–unit pair is unique only among current rows.
 * Plans record the day their contact list was taken at.
 */
export class Migration20261202072000_supervision_contact_intervals extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "supervision_contact"
        add column "added_on" date null,
        add column "added_by" varchar(255) null,
        add column "removed_on" date null,
        add column "removed_by" varchar(255) null;
      update "supervision_contact" set "added_on" = ("created_at" at time zone 'Asia/Shanghai')::date;
      alter table "supervision_contact"
        alter column "added_on" set not null,
        alter column "added_on" set default ((now() at time zone 'Asia/Shanghai')::date),
        add constraint "supervision_contact_interval_check" check ("removed_on" is null or "removed_on" >= "added_on"),
        drop constraint "supervision_contact_office_id_unit_id_key";
      create unique index "supervision_contact_current_unique" on "supervision_contact" ("office_id", "unit_id") where "removed_on" is null;
      alter table "supervision_plan" add column "contacts_as_of" date null;
    `);
  }
}
