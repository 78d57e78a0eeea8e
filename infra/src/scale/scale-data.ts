import type { Division } from '@supervision/kit';
import { chance, pick, scaleUuid } from './scale-ids';
import type { ScaleSize } from './scale-size';

export type LevelName = 'city' | 'district' | 'street';
export const LEVEL_NAMES: LevelName[] = ['city', 'district', 'street'];

export type CopyValue = string | number | boolean | null;

/** One table's rows for COPY, produced lazily: a million tasks are never all in memory. */
export interface TableLoad {
  table: string;
  columns: string[];
  count: number;
  rows(): Iterable<CopyValue[]>;
}

interface Cadre {
  id: string;
  name: string;
  position: string;
  principal: boolean;
}

interface Unit {
  id: string;
  code: string;
  name: string;
  kind: string;
  cadres: Cadre[];
  itemIds: string[];
}

interface Jurisdiction {
  division: Division;
  units: Unit[];
}

const DAY_MS = 86_400_000;
const CATEGORIES = ['PARTY_CONDUCT', 'IDEOLOGY', 'PERSONNEL', 'WORK_STYLE', 'RECTIFICATION'];
const CATEGORY_NAMES = ['党风廉政建设', '意识形态', '选人用人', '作风建设', '整改落实'];
const DEPARTMENTS = [
  '组织部', '宣传部', '统战部', '政法委', '发展改革委', '教育局', '科技局', '工业和信息化局', '公安局', '民政局',
  '司法局', '财政局', '人力资源和社会保障局', '规划和自然资源局', '生态环境局', '住房和城乡建设局', '城市管理委',
  '交通运输局', '水务局', '农业农村委', '商务局', '文化和旅游局', '卫生健康委', '退役军人事务局', '应急管理局',
  '审计局', '市场监督管理局', '体育局', '统计局', '医疗保障局', '信访办', '国资委',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文';
const GIVEN = ['建国', '海涛', '丽娟', '志强', '秀英', '明辉', '春燕', '国华', '晓东', '玉兰', '振华', '桂芳', '文博', '静怡', '宏伟', '雪梅', '立新', '淑珍', '俊杰', '红梅'];
const TASK_TITLES = [
  '召开党风廉政建设专题会议', '开展廉政风险点排查', '落实“一岗双责”谈心谈话', '组织警示教育大会',
  '完成巡察反馈问题整改', '开展作风建设专项检查', '落实意识形态工作责任制', '规范选人用人工作程序',
  '建立整改台账并逐项销号', '开展节日期间纪律检查', '落实基层减负各项措施', '开展违规吃喝专项治理',
];
const DUTY_SUMMARIES = [
  '主持召开党委会议，专题研究党风廉政建设', '与班子成员开展廉政谈话', '带队检查整改落实情况',
  '向上级党组织报告履行主体责任情况', '批示督办群众反映问题', '参加警示教育活动并讲话',
];
const DUTY_KINDS = ['MEETING', 'TALK', 'INSPECTION', 'REPORT', 'INSTRUCTION', 'OTHER'];
const FINDING_TEXTS = [
  '“三重一大”事项集体决策记录不完整', '廉政风险防控台账更新不及时', '谈心谈话未覆盖全体班子成员',
  '巡察反馈问题整改未按期完成', '公务接待审批手续不全', '专题会议研究党风廉政建设次数不足',
];
const RATINGS = ['GOOD', 'FAIRLY_GOOD', 'AVERAGE', 'POOR'];
const INDICATORS = [
  { code: 'PARTY_CONDUCT', name: '落实全面从严治党主体责任', weight: 40, minScore: 0, maxScore: 100, source: 'ASSESSOR' },
  { code: 'RECTIFICATION', name: '问题整改落实', weight: 20, minScore: 0, maxScore: 100, source: 'ASSESSOR' },
  { code: 'DEMOCRATIC', name: '民主测评', weight: 20, minScore: 0, maxScore: 100, source: 'DEMOCRATIC_EVALUATION' },
  { code: 'TASKS', name: '任务完成率', weight: 20, minScore: 0, maxScore: 100, source: 'TASK_COMPLETION' },
];
const THRESHOLDS = [
  { grade: 'EXCELLENT', minTotal: 90 },
  { grade: 'GOOD', minTotal: 80 },
  { grade: 'AVERAGE', minTotal: 60 },
  { grade: 'POOR', minTotal: 0 },
];
const ACTOR = 'scale-seed';

/** Id spaces (12 bits of every UUID): level × table, so no two tables or databases share ids. */
const SPACE = { unit: 1, cadre: 2, item: 3, task: 4, duty: 5, dutyRecordId: 6, office: 7, check: 8, finding: 9, report: 10, session: 11, reporter: 12, question: 13, plan: 14, sheet: 15 };
const space = (level: LevelName, table: keyof typeof SPACE) => LEVEL_NAMES.indexOf(level) * 16 + SPACE[table];

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoTime = (ms: number) => new Date(ms).toISOString();

/**
 * The whole city-scale data set, per database: the real divisions, their units, cadres and
 * lists, and the records in proportion to the task count. Everything is a pure function of the
 * size, the divisions and `today`, so two runs load the same rows.
 */
export function scaleDataSet(size: ScaleSize, divisions: Division[], today: string): Record<LevelName, TableLoad[]> {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const orgAt = todayMs - 4 * 365 * DAY_MS;
  const year = Number(today.slice(0, 4));
  let cadreSerial = 0;

  const jurisdictions: Record<LevelName, Jurisdiction[]> = { city: [], district: [], street: [] };
  for (const level of LEVEL_NAMES) {
    let unitSerial = 0;
    let itemSerial = 0;
    for (const division of divisions.filter((d) => d.level === level)) {
      const units: Unit[] = [];
      for (let k = 0; k < size.unitsPerJurisdiction[level]; k++) {
        const unitId = scaleUuid(new Date(orgAt), space(level, 'unit'), unitSerial++);
        const [name, kind] = unitName(level, k);
        const cadres: Cadre[] = [];
        for (let c = 0; c < size.cadresPerUnit; c++) {
          const serial = cadreSerial++;
          cadres.push({
            id: scaleUuid(new Date(orgAt), space(level, 'cadre'), serial),
            name: `${SURNAMES[serial % SURNAMES.length]}${GIVEN[Math.floor(serial / SURNAMES.length) % GIVEN.length]}`,
            position: c === 0 ? '主要负责人' : c < 4 ? '班子成员' : '中层干部',
            principal: c === 0,
          });
        }
        const itemIds = CATEGORIES.map(() => scaleUuid(new Date(orgAt), space(level, 'item'), itemSerial++));
        units.push({ id: unitId, code: division.code, name, kind, cadres, itemIds });
      }
      jurisdictions[level].push({ division, units });
    }
  }

  const unitsOf = (level: LevelName) => jurisdictions[level].flatMap((j) => j.units);
  const allUnitCount = LEVEL_NAMES.reduce((sum, level) => sum + unitsOf(level).length, 0);
  const supervision = supervisionRecords(size, jurisdictions, todayMs);

  const result = {} as Record<LevelName, TableLoad[]>;
  let tasksLeft = size.tasks;
  for (const level of LEVEL_NAMES) {
    const units = unitsOf(level);
    // Tasks follow the units: the street level holds most of them, as in the city.
    const tasks = level === 'street' ? tasksLeft : Math.round((size.tasks * units.length) / allUnitCount);
    tasksLeft -= tasks;
    const taskAt = (i: number) => {
      const unit = units[i % units.length];
      const round = Math.floor(i / units.length);
      const dueMs = todayMs + (Math.floor(chance(i, 1) * 1275) - 1095) * DAY_MS;
      const createdMs = dueMs - (30 + Math.floor(chance(i, 2) * 90)) * DAY_MS + 9 * 3600_000;
      const r = chance(i, 3);
      const status = dueMs < todayMs
        ? r < 0.8 ? 'COMPLETED' : r < 0.88 ? 'IN_PROGRESS' : r < 0.92 ? 'PLANNED' : 'CANCELLED'
        : r < 0.45 ? 'PLANNED' : r < 0.9 ? 'IN_PROGRESS' : 'COMPLETED';
      return {
        id: scaleUuid(new Date(createdMs), space(level, 'task'), i),
        unit,
        cadre: unit.cadres[round % unit.cadres.length],
        itemId: unit.itemIds[round % unit.itemIds.length],
        dueMs,
        createdMs,
        status,
      };
    };
    const tables: TableLoad[] = [
      {
        table: 'unit',
        columns: ['id', 'jurisdiction_code', 'name', 'kind', 'created_at', 'updated_at'],
        count: units.length,
        *rows() {
          for (const u of units) yield [u.id, u.code, u.name, u.kind, isoTime(orgAt), isoTime(orgAt)];
        },
      },
      {
        table: 'cadre',
        columns: ['id', 'unit_id', 'jurisdiction_code', 'name', 'position', 'team_member', 'principal', 'created_at', 'updated_at'],
        count: units.length * size.cadresPerUnit,
        *rows() {
          for (const u of units) {
            for (const c of u.cadres) yield [c.id, u.id, u.code, c.name, c.position, c.position !== '中层干部', c.principal, isoTime(orgAt), isoTime(orgAt)];
          }
        },
      },
      {
        table: 'responsibility_item',
        columns: ['id', 'jurisdiction_code', 'unit_id', 'cadre_id', 'category_code', 'content', 'basis', 'year', 'created_at', 'updated_at'],
        count: units.length * CATEGORIES.length,
        *rows() {
          for (const u of units) {
            for (let k = 0; k < CATEGORIES.length; k++) {
              yield [u.itemIds[k], u.code, u.id, u.cadres[k % u.cadres.length].id, CATEGORIES[k],
                `${CATEGORY_NAMES[k]}主体责任`, '《党委(党组)落实全面从严治党主体责任规定》', year, isoTime(orgAt), isoTime(orgAt)];
            }
          }
        },
      },
      {
        table: 'task',
        columns: ['id', 'jurisdiction_code', 'responsibility_item_id', 'title', 'description', 'cadre_id', 'due_date', 'progress', 'status', 'cancel_reason', 'completed_at', 'created_at', 'updated_at'],
        count: tasks,
        *rows() {
          for (let i = 0; i < tasks; i++) {
            const t = taskAt(i);
            const progress = t.status === 'COMPLETED' ? 100 : t.status === 'IN_PROGRESS' ? 10 + Math.floor(chance(i, 4) * 80) : 0;
            const updatedMs = Math.min(t.dueMs, todayMs - DAY_MS) + 10 * 3600_000;
            yield [t.id, t.unit.code, t.itemId, pick(TASK_TITLES, i, 5), '', t.cadre.id, isoDate(t.dueMs), progress, t.status,
              t.status === 'CANCELLED' ? '任务调整' : null, t.status === 'COMPLETED' ? isoTime(updatedMs) : null,
              isoTime(t.createdMs), isoTime(Math.max(updatedMs, t.createdMs))];
          }
        },
      },
      {
        table: 'duty_record',
        columns: ['id', 'record_id', 'version', 'jurisdiction_code', 'kind', 'occurred_on', 'cadre_id', 'task_id', 'responsibility_item_id', 'summary', 'correction_reason', 'recorded_by', 'created_at'],
        count: tasks * size.dutyRecordsPerTask,
        *rows() {
          for (let i = 0; i < tasks; i++) {
            const t = taskAt(i);
            const lastMs = Math.max(t.createdMs, Math.min(t.dueMs, todayMs - DAY_MS));
            let firstRecordId = '';
            for (let j = 0; j < size.dutyRecordsPerTask; j++) {
              const serial = i * size.dutyRecordsPerTask + j;
              const occurredMs = t.createdMs + Math.floor(chance(serial, 6) * Math.max(1, (lastMs - t.createdMs) / DAY_MS)) * DAY_MS;
              const at = new Date(occurredMs + 9 * 3600_000);
              // One record in twenty is a correction of the task's first record (version 2).
              const correction = j > 0 && chance(serial, 7) < 0.05;
              const recordId = correction ? firstRecordId : scaleUuid(at, space(level, 'dutyRecordId'), serial);
              if (j === 0) firstRecordId = recordId;
              yield [scaleUuid(at, space(level, 'duty'), serial), recordId, correction ? 2 : 1, t.unit.code, pick(DUTY_KINDS, serial, 8),
                isoDate(occurredMs), t.cadre.id, t.id, t.itemId, pick(DUTY_SUMMARIES, serial, 9),
                correction ? '补充会议纪要' : null, ACTOR, isoTime(occurredMs + 9 * 3600_000)];
            }
          }
        },
      },
      ...supervision.tablesOf(level),
    ];
    if (level !== 'street') tables.push(...assessingRecords(level, jurisdictions, size, year, todayMs));
    result[level] = tables;
  }
  return result;
}

function unitName(level: LevelName, k: number): [string, string] {
  const committee = level === 'street' ? '党工委' : '党委';
  const government = level === 'street' ? '办事处' : '人民政府';
  if (k === 0) return [committee, 'PARTY_COMMITTEE'];
  if (k === 1) return [government, 'GOVERNMENT'];
  const department = DEPARTMENTS[(k - 2) % DEPARTMENTS.length];
  const round = Math.floor((k - 2) / DEPARTMENTS.length);
  return [round ? `${department}第${round + 1}分局` : department, k % 9 === 0 ? 'PUBLIC_INSTITUTION' : 'DEPARTMENT'];
}

const levelOfCode = (code: string): LevelName => (code.length === 9 ? 'street' : code.endsWith('0000') ? 'city' : 'district');

/**
 * Checks and findings (owned by the supervising level: the city over its own and the districts'
 * units, a district over its own and its streets'), and the rectification reports of reported
 * findings (owned by the rectifying unit's level). Some ten thousand checks at city scale, so
 * they are built in memory and split by database.
 */
function supervisionRecords(size: ScaleSize, jurisdictions: Record<LevelName, Jurisdiction[]>, todayMs: number) {
  const all = LEVEL_NAMES.flatMap((level) => jurisdictions[level].flatMap((j) => j.units));
  const checkCount = Math.max(1, Math.floor(size.tasks / size.tasksPerCheck));
  const offices = new Map<string, string>();
  const officeOf = (code: string) => {
    if (!offices.has(code)) offices.set(code, scaleUuid(new Date(todayMs - 4 * 365 * DAY_MS), space(levelOfCode(code), 'office'), offices.size));
    return offices.get(code)!;
  };
  for (const level of ['city', 'district'] as const) for (const j of jurisdictions[level]) officeOf(j.division.code);
  const checks: Record<LevelName, CopyValue[][]> = { city: [], district: [], street: [] };
  const findings: Record<LevelName, CopyValue[][]> = { city: [], district: [], street: [] };
  const reports: Record<LevelName, CopyValue[][]> = { city: [], district: [], street: [] };
  let reportSerial = 0;
  for (let c = 0; c < checkCount; c++) {
    const unit = all[Math.floor(chance(c, 11) * all.length)];
    const unitLevel = levelOfCode(unit.code);
    const supervisor = unitLevel === 'city' || (unitLevel === 'district' && chance(c, 12) < 0.5) ? '120000' : unit.code.slice(0, 6);
    const supervisorLevel = levelOfCode(supervisor);
    const checkedMs = todayMs - Math.floor(chance(c, 13) * 1000) * DAY_MS;
    const checkId = scaleUuid(new Date(checkedMs), space(supervisorLevel, 'check'), c);
    const followUp = chance(c, 14) < 0.1;
    checks[supervisorLevel].push([checkId, supervisor, officeOf(supervisor), null, unit.id, unit.code, followUp ? 'FOLLOW_UP' : 'ROUTINE',
      chance(c, 15) < 0.7 ? 'ON_SITE' : 'ONLINE', chance(c, 16) < 0.2, '["DOCUMENT_REVIEW","ONE_TO_ONE_TALK"]', '[]', isoDate(checkedMs),
      followUp ? '专项检查“回头看”' : '季度监督检查', ACTOR, isoTime(checkedMs + 15 * 3600_000)]);
    for (let f = 0; f < size.findingsPerCheck; f++) {
      const serial = c * size.findingsPerCheck + f;
      const deadlineMs = checkedMs + 60 * DAY_MS;
      const r = chance(serial, 17);
      const status = deadlineMs >= todayMs
        ? r < 0.6 ? 'OPEN' : r < 0.85 ? 'REPORTED' : 'SENT_BACK'
        : r < 0.35 ? 'ACCEPTED' : r < 0.7 ? 'CONFIRMED' : r < 0.8 ? 'REOPENED' : r < 0.92 ? 'OPEN' : r < 0.97 ? 'REPORTED' : 'SENT_BACK';
      const findingId = scaleUuid(new Date(checkedMs), space(supervisorLevel, 'finding'), serial);
      let reportId: string | null = null;
      if (status !== 'OPEN') {
        const reportMs = Math.min(todayMs - DAY_MS, checkedMs + 30 * DAY_MS) + 10 * 3600_000;
        reportId = scaleUuid(new Date(reportMs), space(unitLevel, 'report'), reportSerial++);
        reports[unitLevel].push([reportId, findingId, supervisor, unit.id, unit.code, '已完成整改并建立长效机制', ACTOR, isoTime(reportMs)]);
      }
      const closed = status === 'ACCEPTED' || status === 'CONFIRMED';
      const updatedMs = Math.min(todayMs - DAY_MS, deadlineMs);
      findings[supervisorLevel].push([findingId, supervisor, checkId, unit.id, unit.code, unit.cadres[0].id, unit.itemIds[f % unit.itemIds.length], null,
        pick(FINDING_TEXTS, serial, 18), isoDate(deadlineMs), status, reportId, status === 'REOPENED' ? 1 : 0,
        closed ? isoTime(updatedMs) : null, isoTime(checkedMs + 15 * 3600_000), isoTime(Math.max(updatedMs, checkedMs + 15 * 3600_000))]);
    }
  }
  const table = (name: string, columns: string[], rows: CopyValue[][]): TableLoad => ({ table: name, columns, count: rows.length, rows: () => rows });
  return {
    tablesOf(level: LevelName): TableLoad[] {
      const tables: TableLoad[] = [];
      if (level !== 'street') {
        const own = [...offices].filter(([code]) => levelOfCode(code) === level);
        tables.push(
          table('supervision_office', ['id', 'jurisdiction_code', 'name', 'created_at'],
            own.map(([code, id]) => [id, code, '第一监督检查室', isoTime(todayMs - 4 * 365 * DAY_MS)])),
          table('supervision_check', ['id', 'jurisdiction_code', 'office_id', 'plan_id', 'unit_id', 'unit_jurisdiction_code', 'kind', 'mode', 'stationed', 'methods', 'spot_checks', 'checked_on', 'summary', 'created_by', 'created_at'], checks[level]),
          table('supervision_finding', ['id', 'jurisdiction_code', 'check_id', 'unit_id', 'unit_jurisdiction_code', 'cadre_id', 'responsibility_item_id', 'task_id', 'description', 'deadline', 'status', 'last_report_id', 'reopen_count', 'closed_at', 'created_at', 'updated_at'], findings[level]),
        );
      }
      tables.push(table('rectification_report', ['id', 'finding_id', 'supervising_code', 'unit_id', 'jurisdiction_code', 'summary', 'submitted_by', 'submitted_at'], reports[level]));
      return tables;
    },
  };
}

/**
 * 述责述廉 sessions and annual assessments of the assessing levels (city, districts): one of
 * each per assessing jurisdiction and year, over the heads of the jurisdictions directly below
 * and of a few of its own units.
 */
function assessingRecords(level: 'city' | 'district', jurisdictions: Record<LevelName, Jurisdiction[]>, size: ScaleSize, year: number, todayMs: number): TableLoad[] {
  const below: LevelName = level === 'city' ? 'district' : 'street';
  const sessions: CopyValue[][] = [];
  const reporters: CopyValue[][] = [];
  const questions: CopyValue[][] = [];
  const plans: CopyValue[][] = [];
  const sheets: CopyValue[][] = [];
  let serial = 0;
  for (const assessor of jurisdictions[level]) {
    const code = assessor.division.code;
    const subjects = [
      ...jurisdictions[below].filter((j) => j.division.parentCode === code).map((j) => j.units[0]),
      ...assessor.units.slice(2, 6),
    ];
    for (let y = year - size.years; y < year; y++) {
      const heldMs = Date.parse(`${y}-12-20T00:00:00Z`);
      const sessionId = scaleUuid(new Date(heldMs), space(level, 'session'), serial);
      const planId = scaleUuid(new Date(heldMs), space(level, 'plan'), serial);
      serial++;
      sessions.push([sessionId, code, `${y}年度${assessor.division.name}述责述廉会议`, isoDate(heldMs), ACTOR, isoTime(heldMs)]);
      const totals = subjects.map((_, k) => {
        const s = (salt: number) => 60 + Math.floor(chance(serial * 1000 + k, salt) * 40);
        return { party: s(21), rect: s(22), democratic: s(23), tasks: s(24) };
      });
      const weighted = totals.map((t) => Math.round((0.4 * t.party + 0.2 * t.rect + 0.2 * t.democratic + 0.2 * t.tasks) * 100) / 100);
      subjects.forEach((unit, k) => {
        const cadre = unit.cadres[0];
        const reporterId = scaleUuid(new Date(heldMs), space(level, 'reporter'), reporters.length);
        reporters.push([reporterId, sessionId, code, k + 1, unit.code, unit.id, unit.name, cadre.id, cadre.name, cadre.position,
          pick(RATINGS, reporters.length, 25), weighted[k], null, ACTOR, isoTime(heldMs + 12 * 3600_000)]);
        questions.push([scaleUuid(new Date(heldMs), space(level, 'question'), questions.length), sessionId, reporterId, code, '纪委监委委员',
          '巡察反馈问题整改进展如何？', ACTOR, isoTime(heldMs + 10 * 3600_000), '已全部整改到位，并建立长效机制。', unit.code, ACTOR, isoTime(heldMs + 11 * 3600_000)]);
        const rank = 1 + weighted.filter((other) => other > weighted[k]).length;
        const grade = THRESHOLDS.find((threshold) => weighted[k] >= threshold.minTotal)!.grade;
        sheets.push([scaleUuid(new Date(heldMs), space(level, 'sheet'), sheets.length), planId, code, y, unit.code, unit.id, unit.name, cadre.id, cadre.name,
          JSON.stringify({ PARTY_CONDUCT: totals[k].party, RECTIFICATION: totals[k].rect }), totals[k].democratic, totals[k].tasks,
          'ENTERED', 0, 'ENTERED', '', weighted[k], rank, grade, false, ACTOR, isoTime(heldMs + 14 * 3600_000)]);
      });
      const finalizedAt = isoTime(Math.min(todayMs, heldMs + 20 * DAY_MS));
      plans.push([planId, code, y, `${y}年度${assessor.division.name}落实全面从严治党主体责任考核`, JSON.stringify(INDICATORS), JSON.stringify(THRESHOLDS),
        100, 0, 'FINALIZED', ACTOR, isoTime(heldMs - 30 * DAY_MS), ACTOR, finalizedAt]);
    }
  }
  const table = (name: string, columns: string[], rows: CopyValue[][]): TableLoad => ({ table: name, columns, count: rows.length, rows: () => rows });
  return [
    table('duty_report_session', ['id', 'owner_code', 'title', 'held_on', 'created_by', 'created_at'], sessions),
    table('duty_report_reporter', ['id', 'session_id', 'owner_code', 'position', 'jurisdiction_code', 'unit_id', 'unit_name', 'cadre_id', 'cadre_name', 'cadre_position', 'rating', 'score', 'remarks', 'evaluated_by', 'evaluated_at'], reporters),
    table('duty_report_question', ['id', 'session_id', 'reporter_id', 'owner_code', 'asker_name', 'question', 'asked_by', 'asked_at', 'answer', 'answerer_code', 'answered_by', 'answered_at'], questions),
    table('assessment_plan', ['id', 'assessor_code', 'year', 'title', 'indicators', 'grade_thresholds', 'total_weight', 'interview_bottom_count', 'status', 'created_by', 'created_at', 'finalized_by', 'finalized_at'], plans),
    table('assessment_sheet', ['id', 'plan_id', 'assessor_code', 'year', 'jurisdiction_code', 'unit_id', 'unit_name', 'cadre_id', 'cadre_name', 'indicator_scores', 'democratic_score', 'task_completion_rate', 'task_completion_source', 'deduction', 'deduction_source', 'deduction_note', 'total', 'rank', 'grade', 'interview_required', 'entered_by', 'updated_at'], sheets),
  ];
}
