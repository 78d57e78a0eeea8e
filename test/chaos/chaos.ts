import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureLocalSecrets, signToken, today } from '@supervision/kit';
import { Client } from 'pg';
import { serviceHealth, startLauncher } from '../support/launcher';

/**
 * 负载与故障 The load-and-fault run: the real launcher (`infra/dist/start.js`) with its child
 * processes; concurrent clients write through the gateway (each logical write with its own
 * Idempotency-Key, retried on errors) and read, while the district subgraph is killed (and
 * restarted by the launcher), the street subgraph is stopped past its deadline (SIGSTOP /
 * SIGCONT) and the levels' PostgreSQL connections are ended (`pg_terminate_backend`).
 * Afterwards it checks that every acknowledged write is stored exactly once, the audit chains
 * verify, no request outlived its deadline by more than the margin, and both sides of every
 * rectification report agree. Traffic goes only to 127.0.0.1.
 */
export interface ChaosOptions {
  /** The test PostgreSQL server (postgres://…@127.0.0.1:port), without a database. */
  serverUrl: string;
  clients: number;
  /** How long the traffic and the faults last. */
  durationMs: number;
  findings: number;
  deadlineMs?: number;
  marginMs?: number;
  log?: (line: string) => void;
}

export interface ChaosReport {
  requests: number;
  acknowledgedWrites: number;
  unacknowledgedWrites: number;
  errorsByCode: Record<string, number>;
  restarts: number;
  stalls: number;
  droppedConnections: number;
  slowestMs: number;
  /** Problems found afterwards; empty when the run passed. */
  violations: string[];
}

interface Answer {
  data?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const deadlineMs = options.deadlineMs ?? 1_500;
  const marginMs = options.marginMs ?? 2_000;
  const id = randomUUID().replace(/-/g, '').slice(0, 10);
  const databases = { city: `${options.serverUrl}/c_${id}_city`, district: `${options.serverUrl}/c_${id}_district`, street: `${options.serverUrl}/c_${id}_street` };
  const launched = await startLauncher({
    databases,
    deadlineMs,
    restartBackoffMs: 200,
    secretsPrefix: 'chaos-secrets-',
    env: {
      PEER_DEADLINE_MS: String(Math.floor(deadlineMs * 0.6)),
      CROSS_LEVEL_RELAY_MS: '300',
      CROSS_LEVEL_GRACE_MS: '4000',
      RATE_LIMIT_PER_ADDRESS: '0',
      RATE_LIMIT_PER_PRINCIPAL: '0',
    },
  });
  const { ports, gatewayUrl } = launched;
  const report: ChaosReport = {
    requests: 0, acknowledgedWrites: 0, unacknowledgedWrites: 0, errorsByCode: {}, restarts: 0, stalls: 0, droppedConnections: 0, slowestMs: 0, violations: [],
  };

  async function send(token: string, query: string, variables: Record<string, unknown>, key?: string): Promise<Answer> {
    const started = Date.now();
    report.requests += 1;
    try {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const answer = (await response.json()) as Answer;
      for (const error of answer.errors ?? []) count(error.extensions?.code ?? `HTTP_${response.status}`);
      return answer;
    } catch (error) {
      count('NETWORK');
      return { errors: [{ message: String(error) }] };
    } finally {
      const elapsed = Date.now() - started;
      report.slowestMs = Math.max(report.slowestMs, elapsed);
      if (elapsed > deadlineMs + marginMs) report.violations.push(`a request took ${elapsed} ms (deadline ${deadlineMs} ms + margin ${marginMs} ms)`);
    }
  }
  const count = (code: string) => (report.errorsByCode[code] = (report.errorsByCode[code] ?? 0) + 1);
  const pidOf = async (port: number) => (await serviceHealth(port))!.pid;

  try {
    await launched.running();
    const secrets = await ensureLocalSecrets(launched.secretsDir);
    const token = (level: 'city' | 'district', code: string, roles: ('admin' | 'commission')[]) =>
      signToken({ subject: `chaos-${level}-${code}-${roles.join('+')}`, level, code, roles }, secrets.privateJwk);
    const admin = await token('district', '120101', ['admin']);
    const cityCommission = await token('city', '120000', ['commission']);
    const districtCommission = await token('district', '120101', ['commission']);
    const must = async (query: string, variables: Record<string, unknown>, as = admin) => {
      const answer = await send(as, query, variables);
      if (answer.errors) throw new Error(`setup failed: ${JSON.stringify(answer.errors)}`);
      return answer.data!;
    };
    // Setup, before any fault: a unit, a cadre, a responsibility item; the city's findings on the unit.
    const unitId = (await must(`mutation($i: CreateUnitInput!) { createDistrictUnit(input: $i) { id } }`, { i: { jurisdictionCode: '120101', name: '压测单位', kind: 'DEPARTMENT' } })).createDistrictUnit.id as string;
    const cadreId = (await must(`mutation($i: AddCadreInput!) { addDistrictCadre(input: $i) { id } }`, { i: { unitId, name: '压测干部', position: '局长' } })).addDistrictCadre.id as string;
    const itemId = (await must(`mutation($i: CreateResponsibilityItemInput!) { createDistrictResponsibilityItem(input: $i) { id } }`, {
      i: { unitId, cadreId, categoryCode: 'PARTY_CONDUCT', year: 2026, content: '压测责任', basis: '压测依据' },
    })).createDistrictResponsibilityItem.id as string;
    const officeId = (await must(`mutation($i: CreateSupervisionOfficeInput!) { createCitySupervisionOffice(input: $i) { id } }`, { i: { jurisdictionCode: '120000', name: '压测室' } }, cityCommission)).createCitySupervisionOffice.id as string;
    await must(`mutation($i: AddSupervisionContactInput!) { addCitySupervisionContact(input: $i) { id } }`, { i: { officeId, unitId, unitJurisdictionCode: '120101' } }, cityCommission);
    // An unplanned online check of today: a quarter is drawn only before it starts, and no check is dated in the future.
    const findingIds = ((await must(`mutation($i: CreateSupervisionCheckInput!) { createCitySupervisionCheck(input: $i) { findings { id } } }`, {
      i: { officeId, unitId, unitJurisdictionCode: '120101', mode: 'ONLINE', checkedOn: today(), summary: '压测检查', findings: Array.from({ length: options.findings }, (_, n) => ({ description: `压测问题${n}`, deadline: '2099-06-30' })) },
    }, cityCommission)).createCitySupervisionCheck.findings as { id: string }[]).map((finding) => finding.id);

    // Traffic: each logical write has its own key and title and is retried until acknowledged or out of time.
    const acknowledged = new Map<string, string>();
    const attempted = new Set<string>();
    const stopAt = Date.now() + options.durationMs;
    const pendingFindings = [...findingIds];
    async function write(title: string, query: string, variables: Record<string, unknown>, field: string): Promise<void> {
      // Header values are ASCII: the key is the title's bytes in hex.
      const key = `chaos-${Buffer.from(title).toString('hex').slice(0, 90)}`;
      attempted.add(title);
      for (let attempt = 0; attempt < 30 && Date.now() < stopAt + 10_000; attempt += 1) {
        const answer = await send(admin, query, variables, key);
        const id = answer.data?.[field]?.id as string | undefined;
        if (id && !answer.errors) {
          acknowledged.set(title, id);
          return;
        }
        await sleep(100 + Math.random() * 200);
      }
    }
    async function client(n: number): Promise<void> {
      for (let op = 0; Date.now() < stopAt; op += 1) {
        const pick = op % 4;
        if (pick === 0 || pick === 1) {
          const title = `任务-${n}-${op}`;
          await write(title, `mutation($i: CreateTaskInput!) { createDistrictTask(input: $i) { id } }`, { i: { responsibilityItemId: itemId, cadreId, title, description: '', dueDate: '2099-12-31' } }, 'createDistrictTask');
        } else if (pick === 2 && pendingFindings.length > 0) {
          const findingId = pendingFindings.pop()!;
          await write(`报告-${findingId}`, `mutation($i: SubmitRectificationReportInput!) { submitDistrictRectificationReport(input: $i) { id } }`, { i: { findingId, summary: `整改${findingId}` } }, 'submitDistrictRectificationReport');
        } else {
          await send(cityCommission, `{ city { districts { code streets { code } } } }`, {});
        }
      }
    }
    async function faults(): Promise<void> {
      const step = options.durationMs / 4;
      await sleep(step * 0.5);
      const district = await pidOf(ports.district);
      process.kill(district, 'SIGKILL');
      report.restarts += 1;
      log(`killed the district subgraph (pid ${district})`);
      await sleep(step);
      const street = await pidOf(ports.street);
      process.kill(street, 'SIGSTOP');
      report.stalls += 1;
      log(`stopped the street subgraph (pid ${street}) for ${deadlineMs * 2} ms`);
      await sleep(deadlineMs * 2);
      process.kill(street, 'SIGCONT');
      const pg = new Client({ connectionString: databases.district.replace(/\/c_[^/]+$/, '/postgres') });
      await pg.connect();
      try {
        while (Date.now() < stopAt) {
          const ended = await pg.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname like $1 and pid <> pg_backend_pid()`, [`c_${id}_%`]);
          report.droppedConnections += ended.rowCount ?? 0;
          await sleep(500);
        }
      } finally {
        await pg.end();
      }
    }
    await Promise.all([...Array.from({ length: options.clients }, (_, n) => client(n)), faults()]);
    report.acknowledgedWrites = acknowledged.size;
    report.unacknowledgedWrites = attempted.size - acknowledged.size;

    // Let the relay finish undoing what the faults left (it runs every 300 ms, with backoff).
    const districtDb = new Client({ connectionString: databases.district });
    const cityDb = new Client({ connectionString: databases.city });
    await Promise.all([districtDb.connect(), cityDb.connect()]);
    try {
      for (let waited = 0; waited < 20_000; waited += 300) {
        const { rows } = await districtDb.query(`select count(*)::int as n from cross_level_step`);
        if (rows[0].n === 0) break;
        await sleep(300);
      }
      const titles = await districtDb.query(`select title, array_agg(id::text) as ids from task where title like '任务-%' group by title`);
      const stored = new Map(titles.rows.map((row: { title: string; ids: string[] }) => [row.title, row.ids]));
      for (const [title, taskId] of acknowledged) {
        if (title.startsWith('报告-')) continue;
        const ids = stored.get(title) ?? [];
        if (ids.length !== 1 || ids[0] !== taskId) report.violations.push(`acknowledged task ${title} is stored ${ids.length} times (${ids.join(', ')})`);
      }
      for (const [title, ids] of stored) if (ids.length > 1) report.violations.push(`task ${title} is stored ${ids.length} times`);
      const reports = await districtDb.query(`select id::text, finding_id::text from rectification_report`);
      const reportIds = new Set(reports.rows.map((row: { id: string }) => row.id));
      for (const [title, reportId] of acknowledged) if (title.startsWith('报告-') && !reportIds.has(reportId)) report.violations.push(`acknowledged report ${reportId} is missing`);
      const findings = await cityDb.query(`select id::text, status, last_report_id::text from supervision_finding`);
      for (const finding of findings.rows as { id: string; status: string; last_report_id: string | null }[]) {
        if (finding.status === 'REPORTED' && !reportIds.has(finding.last_report_id ?? '')) report.violations.push(`finding ${finding.id} is REPORTED with a report the district does not hold`);
      }
      const byFinding = new Map(findings.rows.map((row: { id: string; status: string; last_report_id: string | null }) => [row.id, row]));
      for (const row of reports.rows as { id: string; finding_id: string }[]) {
        const finding = byFinding.get(row.finding_id);
        if (!finding || finding.last_report_id !== row.id) report.violations.push(`report ${row.id} is not the last report of its finding`);
      }
      const leftover = await districtDb.query(`select count(*)::int as n from cross_level_step`);
      if (leftover.rows[0].n > 0) report.violations.push(`${leftover.rows[0].n} cross-level steps still waiting`);
    } finally {
      await Promise.all([districtDb.end(), cityDb.end()]);
    }
    for (const [level, as] of [['City', cityCommission], ['District', districtCommission]] as const) {
      const answer = await send(as, `{ verify${level}AuditChain { valid entriesChecked reason } }`, {});
      const chain = answer.data?.[`verify${level}AuditChain`] as { valid: boolean; reason: string | null } | undefined;
      if (!chain?.valid) report.violations.push(`the ${level} audit chain does not verify: ${JSON.stringify(answer.errors ?? chain)}`);
    }
    const restartsLogged = (launched.output().match(/subgraph is back \(restart/g) ?? []).length;
    if (restartsLogged < report.restarts) report.violations.push(`the launcher logged ${restartsLogged} restarts, expected ${report.restarts}`);
    return report;
  } finally {
    await launched.stop();
  }
}

export function printChaosReport(report: ChaosReport, print: (line: string) => void = console.log): void {
  print(`负载与故障 chaos: requests ${report.requests}, acknowledged writes ${report.acknowledgedWrites} (unacknowledged ${report.unacknowledgedWrites}), restarts ${report.restarts}, stalls ${report.stalls}, dropped connections ${report.droppedConnections}, slowest ${report.slowestMs} ms`);
  print(`errors by code: ${JSON.stringify(report.errorsByCode)}`);
  print(report.violations.length === 0 ? 'all checks passed' : `VIOLATIONS:\n  ${report.violations.join('\n  ')}`);
}
