import { Migration } from '@mikro-orm/migrations';
import { RESPONSIBILITY_LISTS_OPEN_BELOW_SQL } from '../db/rls/row-level-policies';

/**
 * 三级联通 Records that name the record of the level above they carry out: a responsibility item
 * the item it breaks down (分解), a task the directive it answers. The other record lives in
 * another level's database, so these are plain ids (no foreign key can cross databases), checked
 * with the owning level's subgraph at write time; the indexes serve the lists that run the other
 * way (`breakdownItems`, `answeringTasks`: rows by parent id). A responsibility list is read by the
 * jurisdictions below its owner, which break it down (row-level policy added beside the owner's).
 */
export class Migration20261202071000_linked_levels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "responsibility_item" add column "parent_item_id" uuid null;`);
    this.addSql(`create index "responsibility_item_parent_item_id_index" on "responsibility_item" ("parent_item_id");`);
    this.addSql(`alter table "task" add column "directive_id" uuid null;`);
    this.addSql(`create index "task_directive_id_index" on "task" ("directive_id");`);
    this.addSql(RESPONSIBILITY_LISTS_OPEN_BELOW_SQL);
  }

  override async down(): Promise<void> {
    this.addSql(`drop policy if exists "responsibility_item_read_below" on "responsibility_item";`);
    this.addSql(`drop function if exists app_reads_from_below(text);`);
    this.addSql(`drop index "task_directive_id_index";`);
    this.addSql(`alter table "task" drop column "directive_id";`);
    this.addSql(`drop index "responsibility_item_parent_item_id_index";`);
    this.addSql(`alter table "responsibility_item" drop column "parent_item_id";`);
  }
}
