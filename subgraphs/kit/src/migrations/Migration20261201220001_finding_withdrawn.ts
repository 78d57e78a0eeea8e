import { Migration } from '@mikro-orm/migrations';

/** A finding's REPORTED step can be withdrawn when the report was never stored (see docs/consistency.md). */
export class Migration20261201220001_finding_withdrawn extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "supervision_finding_event" drop constraint "supervision_finding_event_event_check";
      alter table "supervision_finding_event" add constraint "supervision_finding_event_event_check"
        check ("event" in ('REPORTED', 'ACCEPTED', 'SENT_BACK', 'CONFIRMED', 'REOPENED', 'WITHDRAWN'));
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table "supervision_finding_event" drop constraint "supervision_finding_event_event_check";
      alter table "supervision_finding_event" add constraint "supervision_finding_event_event_check"
        check ("event" in ('REPORTED', 'ACCEPTED', 'SENT_BACK', 'CONFIRMED', 'REOPENED'));
    `);
  }
}
