import { Migration } from '@mikro-orm/migrations';
import { rowLevelSecuritySql } from '../db/rls/row-level-policies';

/**
 * 行级安全 Row-level security under the application's guards: the services connect as a role that
 * owns nothing, and each of its statements sees and changes only the rows the request's principal
 * may (see docs/security.md). Runs last in every level's list, over the tables that level has.
 */
export class Migration20261202060100_row_level_security extends Migration {
  override async up(): Promise<void> {
    const rows = await this.execute(`select table_name as name from information_schema.tables where table_schema = current_schema()`);
    const existing = new Set(rows.map((row) => String(row.name)));
    const level = existing.has('city') ? 'city' : existing.has('district') ? 'district' : 'street';
    this.addSql(rowLevelSecuritySql(existing, level));
  }

  override async down(): Promise<void> {
    const rows = await this.execute(
      `select tablename as table, policyname as policy from pg_policies where schemaname = current_schema()`,
    );
    for (const row of rows) this.addSql(`drop policy "${String(row.policy)}" on "${String(row.table)}";`);
    const tables = await this.execute(`select relname as name from pg_class where relrowsecurity and relnamespace = current_schema()::regnamespace`);
    for (const row of tables) this.addSql(`alter table "${String(row.name)}" disable row level security;`);
    this.addSql('drop function if exists audit_chain_tail(text), app_is_peer_call(), app_has_role(text), app_can_write(text), app_can_read_any(jsonb), app_can_read(text), app_scope_code();');
  }
}
