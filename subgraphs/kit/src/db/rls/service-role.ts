import { createHmac } from 'node:crypto';
import type { Orm } from '../database';

/** The login role a service's pool uses, read from its DATABASE_URL. */
export interface ServiceRole {
  name: string;
  password: string;
}

export function serviceRoleOf(databaseUrl: string): ServiceRole {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.username);
  // The name is written into DDL (roles cannot be bound parameters), so only plain identifiers pass.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`服务数据库角色名无效 / the service role in DATABASE_URL must be a plain lower-case identifier, got "${name}"`);
  }
  return { name, password: decodeURIComponent(url.password) };
}

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * Run as the database owner after the migrations: makes sure the service's login role exists,
 * may not bypass row-level security and owns nothing, and grants it exactly what requests need —
 * reading and changing rows (the policies decide which), appending to the audit trail but never
 * changing or deleting an entry, and nothing on the migrations' own bookkeeping.
 */
export async function provisionServiceRole(owner: Orm, role: ServiceRole): Promise<void> {
  const connection = owner.em.fork().getConnection();
  const [self] = await connection.execute<{ name: string }[]>('select current_user as name');
  if (self.name === role.name) {
    throw new Error(`服务角色不能是数据库所有者 / the service role "${role.name}" must not be the role that owns the database (DATABASE_ADMIN_URL)`);
  }
  // Several services (and test files) may start at once on one server: a concurrent creation is fine.
  await connection.execute(`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = ${literal(role.name)}) then
        create role "${role.name}" login password ${literal(role.password)} nosuperuser nocreatedb nocreaterole nobypassrls noinherit;
      end if;
    exception when duplicate_object or unique_violation then null;
    end $$`);
  const [found] = await connection.execute<{ rolsuper: boolean; rolbypassrls: boolean; owned: string }[]>(
    `select r.rolsuper, r.rolbypassrls,
       (select count(*) from pg_class c where c.relowner = r.oid and c.relnamespace = current_schema()::regnamespace)::text as owned
     from pg_roles r where r.rolname = ?`,
    [role.name],
  );
  if (found.rolsuper || found.rolbypassrls || found.owned !== '0') {
    throw new Error(
      `服务角色权限过大 / the service role "${role.name}" must be no superuser, must not bypass row-level security and must own no tables`,
    );
  }
  await connection.execute(`
    do $$ begin
      execute format('grant connect on database %I to "${role.name}"', current_database());
    end $$;
    grant usage on schema public to "${role.name}";
    grant select, insert, update, delete on all tables in schema public to "${role.name}";
    grant usage, select on all sequences in schema public to "${role.name}";
    revoke update, delete, truncate on "audit_entry" from "${role.name}";
    do $$ begin
      -- Append-only like the audit trail, where the level has them.
      if to_regclass('read_trace') is not null then execute 'revoke update, delete, truncate on "read_trace" from "${role.name}"'; end if;
      if to_regclass('token_revocation') is not null then execute 'revoke update, delete, truncate on "token_revocation" from "${role.name}"'; end if;
    end $$;
    revoke all on "mikro_orm_migrations" from "${role.name}";`);
}

/**
 * What is wrong with the role a service's requests run as, if anything: a superuser, a role that
 * may bypass row-level security, or one that owns tables (owners are exempt from their tables'
 * policies) would make every policy void. Null when the role is confined as it should be.
 */
export async function serviceRoleProblem(orm: Orm): Promise<string | null> {
  const [role] = await orm.em.fork().getConnection().execute<{ name: string; rolsuper: boolean; rolbypassrls: boolean; owned: string }[]>(
    `select r.rolname as name, r.rolsuper, r.rolbypassrls,
       (select count(*) from pg_class c where c.relowner = r.oid and c.relnamespace = current_schema()::regnamespace)::text as owned
     from pg_roles r where r.rolname = current_user`,
  );
  if (!role.rolsuper && !role.rolbypassrls && role.owned === '0') return null;
  return `请求使用的数据库角色 "${role.name}" 不受行级安全约束 / the role "${role.name}" that serves requests is ${
    role.rolsuper ? 'a superuser' : role.rolbypassrls ? 'allowed to bypass row-level security' : `the owner of ${role.owned} tables`
  }: set DATABASE_URL to the service role and DATABASE_ADMIN_URL (or the migration Job's DATABASE_URL) to the owner`;
}

/** The service role's name where the platform provisions it itself (launcher, tests). */
export const DEFAULT_SERVICE_ROLE = 'supervision_service';

/**
 * The service role's URL beside an owner's URL, for the local launcher and the tests: the same
 * server and database, the role `supervision_service`, and a password derived from the owner's
 * (so every process that knows the owner's URL arrives at the same one, and no one else can).
 * Deployments set DATABASE_URL and DATABASE_ADMIN_URL themselves.
 */
export function serviceDatabaseUrl(adminUrl: string, roleName = DEFAULT_SERVICE_ROLE): string {
  const url = new URL(adminUrl);
  const password = createHmac('sha256', decodeURIComponent(url.password)).update(`service-role:${roleName}`).digest('hex');
  url.username = roleName;
  url.password = password;
  return url.toString();
}
