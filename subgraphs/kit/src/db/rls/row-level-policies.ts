/**
 * The database's own statement of who may see and change which rows, mirroring the application's
 * rules (`canRead`, `canWrite` in auth/principal.ts) so that a resolver that forgets its guard or
 * its filter still cannot reach another jurisdiction's rows. The request's scope arrives in the
 * session settings `app.level`, `app.code`, `app.roles` and `app.peer` (see request-scope.ts).
 */

/** A table whose rows carry the code of the jurisdiction that owns them. */
export interface OwnedTable {
  table: string;
  /** The owner's code: may write; it and every level above may read. */
  owner: string;
  /** Codes of jurisdictions a row is addressed to (a finding against a district's unit …): they may read it. */
  addressed?: string[];
  /** A column naming the jurisdiction that a verified peer call may update the row for (reports of rectification). */
  peerWritableFor?: string;
  /** A related row whose jurisdiction may read this row and update it (a question: the reporter's side answers). */
  answeredVia?: { table: string; key: string; column: string };
  /** The cross-level relay (no request) sees and clears every row inside its own transaction. */
  relayed?: boolean;
  /** A verified peer call acting for no person (the relay of the level named by this column's code) reads the row. */
  peerReadableFor?: string;
}

/** A table whose rows belong to a row of another table: visible and writable with their parent. */
export interface ChildTable {
  table: string;
  parents: { table: string; key: string; when?: string }[];
}

export const OWNED_TABLES: OwnedTable[] = [
  { table: 'unit', owner: 'jurisdiction_code' },
  { table: 'cadre', owner: 'jurisdiction_code' },
  { table: 'responsibility_item', owner: 'jurisdiction_code' },
  { table: 'task', owner: 'jurisdiction_code' },
  { table: 'duty_record', owner: 'jurisdiction_code' },
  // Judged on its own row: its owner record may be inserted after it in the same flush.
  { table: 'attachment', owner: 'owner_code' },
  { table: 'directive', owner: 'issuer_code', addressed: ['target_codes'] },
  { table: 'directive_response', owner: 'responder_code' },
  { table: 'supervision_office', owner: 'jurisdiction_code' },
  { table: 'supervision_plan', owner: 'jurisdiction_code' },
  { table: 'supervision_check', owner: 'jurisdiction_code', addressed: ['unit_jurisdiction_code'] },
  // 派驻纪检监察组: host units are the commission's own units, so the owner's rule is the whole rule.
  { table: 'stationed_group', owner: 'jurisdiction_code' },
  { table: 'stationed_engagement', owner: 'jurisdiction_code' },
  {
    table: 'supervision_finding',
    owner: 'jurisdiction_code',
    addressed: ['unit_jurisdiction_code'],
    peerWritableFor: 'unit_jurisdiction_code',
    peerReadableFor: 'unit_jurisdiction_code',
  },
  { table: 'rectification_report', owner: 'jurisdiction_code', addressed: ['supervising_code'] },
  { table: 'duty_report_session', owner: 'owner_code' },
  { table: 'duty_report_reporter', owner: 'owner_code', addressed: ['jurisdiction_code'] },
  {
    table: 'duty_report_question',
    owner: 'owner_code',
    addressed: ['answerer_code'],
    answeredVia: { table: 'duty_report_reporter', key: 'reporter_id', column: 'jurisdiction_code' },
  },
  { table: 'assessment_plan', owner: 'assessor_code' },
  { table: 'assessment_sheet', owner: 'assessor_code', addressed: ['jurisdiction_code'] },
  { table: 'assessment_commendation', owner: 'assessor_code' },
  { table: 'assessment_interview', owner: 'assessor_code' },
  { table: 'accountability_case', owner: 'jurisdiction_code', addressed: ['subject_jurisdiction_code'] },
  { table: 'accountability_basis', owner: 'owner_code', addressed: ['record_owner_code'] },
  // Kept by a trigger on `task` that runs as the writer of the task, so its rows follow the task's rules.
  { table: 'task_count', owner: 'jurisdiction_code' },
  { table: 'duty_record_count', owner: 'jurisdiction_code' },
  // The step a request writes down before a remote call: the request's jurisdiction (the column's
  // default, added by the migration) sees and clears its own; the relay works as the owner.
  { table: 'cross_level_step', owner: 'owner_code', relayed: true },
];

/** Tables whose rows belong to one principal (by its token's subject), not to a jurisdiction. */
export const SUBJECT_TABLES = ['idempotency_key'];

export const CHILD_TABLES: ChildTable[] = [
  { table: 'task_milestone', parents: [{ table: 'task', key: 'task_id' }] },
  { table: 'supervision_contact', parents: [{ table: 'supervision_office', key: 'office_id' }] },
  { table: 'supervision_finding_event', parents: [{ table: 'supervision_finding', key: 'finding_id' }] },
  { table: 'assessment_follow_up', parents: [{ table: 'assessment_interview', key: 'interview_id' }] },
  { table: 'assessment_commitment', parents: [{ table: 'assessment_interview', key: 'interview_id' }] },
];

/** The jurisdiction backbone: public to read, written only by seeds and migrations (as the owner). */
export const PUBLIC_TABLES = ['city', 'district', 'street'];

/** Shared catalogues: every principal reads them; the commission of this database's level adds to them. */
export const CATALOGUE_TABLES = ['responsibility_category'];

/** Helper functions every policy uses; `stable`, so PostgreSQL evaluates the settings once per statement. */
export const SCOPE_FUNCTIONS_SQL = `
  create or replace function app_scope_code() returns text language sql stable as $$
    select coalesce(current_setting('app.code', true), '')
  $$;
  -- Own jurisdiction and everything below it: the city every code of the municipality (12…),
  -- a district its own code and its streets (1201xx…), a street only itself. No scope, nothing.
  create or replace function app_can_read(code text) returns boolean language sql stable as $$
    select case coalesce(current_setting('app.level', true), '')
      when 'city' then left(code, 2) = left(app_scope_code(), 2)
      when 'district' then left(code, 6) = app_scope_code()
      when 'street' then code = app_scope_code()
      else false
    end
  $$;
  create or replace function app_can_read_any(codes jsonb) returns boolean language sql stable as $$
    select exists (select 1 from jsonb_array_elements_text(codes) as target(code) where app_can_read(target.code))
  $$;
  -- Writes: only the records one's own jurisdiction owns.
  create or replace function app_can_write(code text) returns boolean language sql stable as $$
    select app_scope_code() <> '' and code = app_scope_code()
  $$;
  create or replace function app_has_role(role text) returns boolean language sql stable as $$
    select role = any (string_to_array(coalesce(current_setting('app.roles', true), ''), ','))
  $$;
  create or replace function app_scope_subject() returns text language sql stable as $$
    select coalesce(current_setting('app.subject', true), '')
  $$;
  create or replace function app_is_peer_call() returns boolean language sql stable as $$
    select coalesce(current_setting('app.peer', true), '') <> ''
  $$;
  -- A verified peer subgraph calling for no person (its relay undoing a step): it may look at the
  -- rows that name a jurisdiction of its own level, and nothing else; what it may change is decided
  -- by the peer-only operation, which then takes that jurisdiction's scope.
  create or replace function app_peer_reads(code text) returns boolean language sql stable as $$
    select app_scope_code() = '' and app_is_peer_call() and coalesce(current_setting('app.peer', true), '') =
      case length(code) when 9 then 'street' else case when code = '120000' then 'city' else 'district' end end
  $$;
  -- The cross-level relay's own transaction (set_config(…, true) in cross-level-relay.ts).
  create or replace function app_is_relay() returns boolean language sql stable as $$
    select coalesce(current_setting('app.relay', true), '') = 'on'
  $$;
`;

/**
 * 清单向下公开 A responsibility list is read by every jurisdiction below its owner as well: a
 * district breaks the city's items down (分解), a street its district's, so each must see the
 * items it names as parents. A second permissive policy beside the owner's read policy (added by
 * the linked-levels migration, after row-level security was released); writes stay the owner's.
 */
export const RESPONSIBILITY_LISTS_OPEN_BELOW_SQL = `
  -- Is the caller's jurisdiction strictly below this code? The city's (xx0000) has every district
  -- and street below it; a district's (6 digits) its streets (9 digits starting with it).
  create or replace function app_reads_from_below(code text) returns boolean language sql stable as $$
    select app_scope_code() <> '' and app_scope_code() <> code and case
      when length(code) = 6 and right(code, 4) = '0000' then left(app_scope_code(), 2) = left(code, 2)
      when length(code) = 6 then length(app_scope_code()) = 9 and left(app_scope_code(), 6) = code
      else false
    end
  $$;
  create policy "responsibility_item_read_below" on "responsibility_item" for select using (app_reads_from_below("jurisdiction_code"));
`;

function readable(column: string, table: string): string {
  return table === 'directive' && column === 'target_codes' ? `app_can_read_any("${column}")` : `app_can_read("${column}")`;
}

function ownedTablePolicies(spec: OwnedTable): string {
  const via = spec.answeredVia;
  const viaRule = (rule: string) =>
    via ? ` or exists (select 1 from "${via.table}" v where v."id" = "${spec.table}"."${via.key}" and ${rule}(v."${via.column}"))` : '';
  const relay = spec.relayed ? ' or app_is_relay()' : '';
  const peerRead = spec.peerReadableFor ? ` or app_peer_reads("${spec.peerReadableFor}")` : '';
  const read = [spec.owner, ...(spec.addressed ?? [])].map((column) => readable(column, spec.table)).join(' or ') + viaRule('app_can_read') + peerRead + relay;
  const write = spec.peerWritableFor
    ? `app_can_write("${spec.owner}") or (app_is_peer_call() and app_can_write("${spec.peerWritableFor}"))`
    : `app_can_write("${spec.owner}")`;
  const update = write + viaRule('app_can_write') + relay;
  return `
    create policy "${spec.table}_read" on "${spec.table}" for select using (${read});
    create policy "${spec.table}_insert" on "${spec.table}" for insert with check (${write});
    create policy "${spec.table}_update" on "${spec.table}" for update using (${update}) with check (${update});
    create policy "${spec.table}_delete" on "${spec.table}" for delete using (${write}${relay});`;
}

function childTablePolicies(spec: ChildTable, owned: Map<string, OwnedTable>, existing: Set<string>): string {
  const parents = spec.parents.filter((parent) => existing.has(parent.table));
  // The parent's own read policy applies inside the sub-select, so "parent visible" is the read rule.
  const visible = parents
    .map((parent) => `(${parent.when ? `${parent.when} and ` : ''}exists (select 1 from "${parent.table}" p where p."id" = "${spec.table}"."${parent.key}"))`)
    .join(' or ');
  const writable = parents
    .map((parent) => {
      const owner = owned.get(parent.table)!;
      const rule = owner.peerWritableFor
        ? `(app_can_write(p."${owner.owner}") or (app_is_peer_call() and app_can_write(p."${owner.peerWritableFor}")))`
        : `app_can_write(p."${owner.owner}")`;
      return `(${parent.when ? `${parent.when} and ` : ''}exists (select 1 from "${parent.table}" p where p."id" = "${spec.table}"."${parent.key}" and ${rule}))`;
    })
    .join(' or ');
  return `
    create policy "${spec.table}_read" on "${spec.table}" for select using (${visible || 'false'});
    create policy "${spec.table}_insert" on "${spec.table}" for insert with check (${writable || 'false'});
    create policy "${spec.table}_update" on "${spec.table}" for update using (${writable || 'false'}) with check (${writable || 'false'});
    create policy "${spec.table}_delete" on "${spec.table}" for delete using (${writable || 'false'});`;
}

/**
 * The audit trail: each entry readable by the jurisdictions of its owner and its actor, and by the
 * commission of this database's level or above (verifying the chain reads every entry); inserted
 * only as oneself; never updated or deleted (no policy, and no grant either).
 */
function auditPolicies(databaseLevel: 'city' | 'district' | 'street'): string {
  const verifierLevels = { city: ['city'], district: ['city', 'district'], street: ['city', 'district', 'street'] }[databaseLevel];
  const levels = verifierLevels.map((level) => `'${level}'`).join(', ');
  return `
    create policy "audit_entry_read" on "audit_entry" for select using (
      app_can_read("owner_code") or app_can_read("actor_code")
      or (app_has_role('commission') and coalesce(current_setting('app.level', true), '') in (${levels}))
    );
    create policy "audit_entry_insert" on "audit_entry" for insert with check (app_can_write("actor_code"));
    -- Appending needs the hash of the newest entry of the owner's chain, whoever wrote it; this
    -- function (run with its owner's rights) gives exactly that and nothing else.
    create or replace function audit_chain_tail(chain_code text) returns text language sql stable security definer
      set search_path = public as $$
        select "hash" from "audit_entry" where "chain" = chain_code order by "seq" desc limit 1
      $$;`;
}

/**
 * The read trace (who read which protected record): appended as oneself, read by the commission
 * of this database's level or above (as the application allows) and by each reader for its own
 * entries, never changed; one chain for
 * the whole table, whose tail comes from a function with the owner's rights.
 */
function readTracePolicies(databaseLevel: 'city' | 'district' | 'street'): string {
  const levels = { city: ['city'], district: ['city', 'district'], street: ['city', 'district', 'street'] }[databaseLevel]
    .map((level) => `'${level}'`)
    .join(', ');
  return `
    create policy "read_trace_read" on "read_trace" for select using (
      app_has_role('commission') and coalesce(current_setting('app.level', true), '') in (${levels})
      -- One's own entries: the insert returns its position, which needs the row to be readable.
      or (app_scope_subject() <> '' and "actor_subject" = app_scope_subject())
    );
    create policy "read_trace_insert" on "read_trace" for insert with check (app_can_write("actor_code"));
    create or replace function read_trace_tail() returns text language sql stable security definer
      set search_path = public as $$ select "hash" from "read_trace" order by "seq" desc limit 1 $$;`;
}

/**
 * The token deny-list (the city's database): every service must read all of it to refuse revoked
 * tokens, so reads are open; only the city commission's staff append, nobody changes an entry.
 */
const TOKEN_REVOCATION_POLICIES = `
    create policy "token_revocation_read" on "token_revocation" for select using (true);
    create policy "token_revocation_insert" on "token_revocation" for insert with check (
      app_has_role('commission') and coalesce(current_setting('app.level', true), '') = 'city'
    );`;

/** Every statement that turns row-level security on for the tables this database has. */
export function rowLevelSecuritySql(existing: Set<string>, databaseLevel: 'city' | 'district' | 'street'): string {
  const owned = new Map(OWNED_TABLES.map((spec) => [spec.table, spec]));
  const parts = [SCOPE_FUNCTIONS_SQL];
  // The retention guard (no delete of a record the audit trail or a case cites) must see every
  // citing row, not only those the deleting caller may read.
  parts.push(`do $$ begin
    if to_regprocedure('keep_referenced_records()') is not null then
      alter function "keep_referenced_records"() security definer set search_path = public;
    end if;
  end $$;`);
  if (existing.has('cross_level_step')) {
    parts.push(`alter table "cross_level_step" add column "owner_code" varchar(9) not null default app_scope_code();`);
  }
  const enable = (table: string) => `alter table "${table}" enable row level security;`;
  for (const table of PUBLIC_TABLES.filter((name) => existing.has(name))) {
    parts.push(enable(table), `create policy "${table}_read" on "${table}" for select using (true);`);
  }
  for (const table of CATALOGUE_TABLES.filter((name) => existing.has(name))) {
    const keeper = `app_has_role('commission') and coalesce(current_setting('app.level', true), '') = '${databaseLevel}'`;
    parts.push(
      enable(table),
      `create policy "${table}_read" on "${table}" for select using (true);
       create policy "${table}_insert" on "${table}" for insert with check (${keeper});
       create policy "${table}_update" on "${table}" for update using (${keeper}) with check (${keeper});`,
    );
  }
  for (const spec of OWNED_TABLES.filter((candidate) => existing.has(candidate.table))) {
    parts.push(enable(spec.table), ownedTablePolicies(spec));
  }
  for (const table of SUBJECT_TABLES.filter((name) => existing.has(name))) {
    const own = `app_scope_subject() <> '' and "subject" = app_scope_subject()`;
    parts.push(enable(table), `create policy "${table}_own" on "${table}" for all using (${own}) with check (${own});`);
  }
  for (const spec of CHILD_TABLES.filter((candidate) => existing.has(candidate.table))) {
    parts.push(enable(spec.table), childTablePolicies(spec, owned, existing));
  }
  if (existing.has('audit_entry')) parts.push(enable('audit_entry'), auditPolicies(databaseLevel));
  if (existing.has('read_trace')) parts.push(enable('read_trace'), readTracePolicies(databaseLevel));
  if (existing.has('token_revocation')) parts.push(enable('token_revocation'), TOKEN_REVOCATION_POLICIES);
  return parts.join('\n');
}

/**
 * Row-level security for tables a later migration creates (the one that turned it on ran before
 * them): the same policies `rowLevelSecuritySql` gives a table of `OWNED_TABLES` or `CHILD_TABLES`.
 */
export function rowLevelSecurityFor(tables: readonly string[]): string {
  const owned = new Map(OWNED_TABLES.map((spec) => [spec.table, spec]));
  const parts: string[] = [];
  for (const table of tables) {
    parts.push(`alter table "${table}" enable row level security;`);
    const ownedSpec = owned.get(table);
    const childSpec = CHILD_TABLES.find((spec) => spec.table === table);
    if (ownedSpec) parts.push(ownedTablePolicies(ownedSpec));
    else if (childSpec) parts.push(childTablePolicies(childSpec, owned, new Set(childSpec.parents.map((parent) => parent.table))));
    else throw new Error(`${table} is in neither OWNED_TABLES nor CHILD_TABLES`);
  }
  return parts.join('\n');
}
