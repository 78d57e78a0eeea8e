import { Migration } from '@mikro-orm/migrations';

/**
 * A plan records every input of its draw (the seed's source text, the contact units and the units
 * drawn earlier that year), so the picks can be recomputed from the plan alone; plans drawn
 * before this keep nulls there. Check history is listed per office, per checked unit and per
 * supervising jurisdiction, newest check day first.
 */
export class Migration20261201235000_supervision_draw_record extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "supervision_plan"
        add column "seed_source" text null,
        add column "contact_unit_ids" jsonb null,
        add column "drawn_earlier_unit_ids" jsonb null;
      create index "supervision_check_office_checked_on_index" on "supervision_check" ("office_id", "checked_on" desc, "id");
      create index "supervision_check_unit_checked_on_index" on "supervision_check" ("unit_id", "checked_on" desc, "id");
      create index "supervision_check_jurisdiction_checked_on_index" on "supervision_check" ("jurisdiction_code", "checked_on" desc, "id");
    `);
  }
}
