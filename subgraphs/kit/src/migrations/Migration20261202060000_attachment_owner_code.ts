import { Migration } from '@mikro-orm/migrations';

/**
 * 佐证材料归属 Each attachment names the jurisdiction that owns it, as every other record does, so
 * row-level security can judge it on its own row: its owner record may be written later in the
 * same flush (the ORM orders the two inserts freely, nothing relates them), so a policy that
 * looked the owner up would refuse a legitimate insert.
 */
export class Migration20261202060000_attachment_owner_code extends Migration {
  override async up(): Promise<void> {
    const tables = await this.execute(`select table_name as name from information_schema.tables where table_schema = current_schema()`);
    const has = new Set(tables.map((row) => String(row.name)));
    const owners = [
      ['DUTY_RECORD', 'duty_record', 'jurisdiction_code'],
      ['DIRECTIVE_RESPONSE', 'directive_response', 'responder_code'],
      ['RECTIFICATION_REPORT', 'rectification_report', 'jurisdiction_code'],
    ].filter(([, table]) => has.has(table));
    this.addSql(`alter table "attachment" add column "owner_code" varchar(9) null;`);
    for (const [type, table, column] of owners) {
      this.addSql(
        `update "attachment" set "owner_code" = o."${column}" from "${table}" o where "attachment"."owner_type" = '${type}' and o."id" = "attachment"."owner_id";`,
      );
    }
    this.addSql(`
      alter table "attachment" alter column "owner_code" set not null;
      create index "attachment_owner_code_index" on "attachment" ("owner_code");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "attachment" drop column "owner_code";`);
  }
}
