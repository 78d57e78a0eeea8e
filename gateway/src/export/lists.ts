import { z } from 'zod';
import { defineExportList, jurisdictionCode, jurisdictionRoot, yesNo, type ExportList } from './export-list';
import { CITYWIDE_EXPORT_LISTS } from './citywide-lists';
import { allNodes, type Connection, type RunQuery } from './gateway-query';

/*
 * The lists the dashboard exports. Each runs the same kind of query a front end would, with the
 * caller's token; the city-wide lists across levels come from `citywide-lists.ts`.
 */

const TASK_STATUS: Record<string, string> = { PLANNED: '未开始', IN_PROGRESS: '进行中', COMPLETED: '已完成', CANCELLED: '已取消' };
const FINDING_STATUS: Record<string, string> = {
  OPEN: '待整改',
  REPORTED: '已报告',
  SENT_BACK: '退回重改',
  ACCEPTED: '已验收',
  CONFIRMED: '回头看确认',
  REOPENED: '重新整改',
};
const DUTY_RECORD_KIND: Record<string, string> = { MEETING: '会议', TALK: '谈话', INSPECTION: '检查', REPORT: '报告', INSTRUCTION: '批示', OTHER: '其他' };
const GRADE: Record<string, string> = { EXCELLENT: '优秀', GOOD: '良好', AVERAGE: '一般', POOR: '较差' };
const CASE_STATUS: Record<string, string> = { OPEN: '办理中', DECIDED: '已决定' };
const DECISION_FORM: Record<string, string> = {
  CHECK: '检查',
  NOTICE: '通报',
  REORGANIZATION: '改组',
  ADMONITION: '诫勉',
  ORGANIZATIONAL_ADJUSTMENT: '组织调整',
  PARTY_DISCIPLINE: '纪律处分',
};

const rate = (value: number): number => Math.round(value * 10000) / 100;

interface Stats {
  total: number;
  completed: number;
  overdue: number;
  completionRate: number;
}
interface RankingRow {
  rank: number;
  district: { code: string; name: string };
  stats: Stats;
  ownStats: Stats;
  streetStats: Stats;
}

const districtRanking = defineExportList<Record<string, never>, RankingRow>({
  name: 'district-ranking',
  title: '区排名',
  params: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  columns: [
    { header: '名次', value: (r) => r.rank, width: 6 },
    { header: '区代码', value: (r) => r.district.code, width: 10 },
    { header: '区', value: (r) => r.district.name, width: 12 },
    { header: '任务总数', value: (r) => r.stats.total },
    { header: '已完成', value: (r) => r.stats.completed },
    { header: '逾期', value: (r) => r.stats.overdue },
    { header: '完成率(%)', value: (r) => rate(r.stats.completionRate) },
    { header: '区本级任务', value: (r) => r.ownStats.total },
    { header: '区本级逾期', value: (r) => r.ownStats.overdue },
    { header: '街道(乡镇)任务', value: (r) => r.streetStats.total },
    { header: '街道(乡镇)逾期', value: (r) => r.streetStats.overdue },
  ],
  async *rows(_params, run) {
    const stats = 'total completed overdue completionRate';
    const data = await run<{ city: { districtRanking: RankingRow[] } | null }>(
      `query ExportDistrictRanking { city { districtRanking { rank district { code name } stats { ${stats} } ownStats { ${stats} } streetStats { ${stats} } } } }`,
    );
    yield* data.city?.districtRanking ?? [];
  },
});

interface TaskRow {
  jurisdictionCode: string;
  title: string;
  dueDate: string;
  status: string;
  progress: number;
  overdue: boolean;
  responsibleCadre: { name: string; position: string };
}

const taskStatus = z.enum(['PLANNED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED']);
const tasks = defineExportList({
  name: 'tasks',
  title: '任务清单',
  params: z
    .object({
      jurisdiction: jurisdictionCode,
      overdue: z.enum(['true', 'false']).optional(),
      status: z.union([taskStatus, z.array(taskStatus)]).optional(),
    })
    .strict(),
  columns: [
    { header: '辖区代码', value: (t: TaskRow) => t.jurisdictionCode, width: 11 },
    { header: '任务', value: (t) => t.title, width: 40 },
    { header: '责任人', value: (t) => t.responsibleCadre.name, width: 10 },
    { header: '职务', value: (t) => t.responsibleCadre.position, width: 20 },
    { header: '截止日期', value: (t) => t.dueDate, width: 12 },
    { header: '状态', value: (t) => TASK_STATUS[t.status] ?? t.status },
    { header: '进度(%)', value: (t) => t.progress },
    { header: '是否逾期', value: (t) => yesNo(t.overdue) },
  ],
  rows(params, run) {
    const root = jurisdictionRoot(params.jurisdiction);
    const filter = {
      ...(params.overdue ? { overdue: params.overdue === 'true' } : {}),
      ...(params.status ? { status: [params.status].flat() } : {}),
    };
    return allNodes(
      run,
      `query ExportTasks($code: ID!, $first: Int!, $after: String, $filter: TaskFilter) {
        ${root}(code: $code) { tasks(first: $first, after: $after, filter: $filter) {
          pageInfo { hasNextPage endCursor }
          edges { node { jurisdictionCode title dueDate status progress overdue responsibleCadre { name position } } }
        } }
      }`,
      { code: params.jurisdiction, filter },
      (data: Record<string, { tasks: Connection<TaskRow> } | null>) => data[root]?.tasks,
    );
  },
});

interface DutyRecordRow {
  jurisdictionCode: string;
  occurredOn: string;
  kind: string;
  summary: string;
  version: number;
  cadre: { name: string; position: string };
  attachments: { id: string }[];
}

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期 YYYY-MM-DD / must be a date YYYY-MM-DD');
const dutyRecords = defineExportList({
  name: 'duty-records',
  title: '履职纪实',
  params: z.object({ jurisdiction: jurisdictionCode, from: calendarDate.optional(), to: calendarDate.optional() }).strict(),
  columns: [
    { header: '辖区代码', value: (r: DutyRecordRow) => r.jurisdictionCode, width: 11 },
    { header: '日期', value: (r) => r.occurredOn, width: 12 },
    { header: '类型', value: (r) => DUTY_RECORD_KIND[r.kind] ?? r.kind },
    { header: '责任人', value: (r) => r.cadre.name, width: 10 },
    { header: '职务', value: (r) => r.cadre.position, width: 20 },
    { header: '摘要', value: (r) => r.summary, width: 50 },
    { header: '版本', value: (r) => r.version },
    { header: '佐证材料(份)', value: (r) => r.attachments.length },
  ],
  rows(params, run) {
    const root = jurisdictionRoot(params.jurisdiction);
    const filter = { ...(params.from ? { from: params.from } : {}), ...(params.to ? { to: params.to } : {}) };
    return allNodes(
      run,
      `query ExportDutyRecords($code: ID!, $first: Int!, $after: String, $filter: DutyRecordFilter) {
        ${root}(code: $code) { dutyRecords(first: $first, after: $after, filter: $filter) {
          pageInfo { hasNextPage endCursor }
          edges { node { jurisdictionCode occurredOn kind summary version cadre { name position } attachments { id } } }
        } }
      }`,
      { code: params.jurisdiction, filter },
      (data: Record<string, { dutyRecords: Connection<DutyRecordRow> } | null>) => data[root]?.dutyRecords,
    );
  },
});

interface FindingRow {
  district: { code: string; name: string };
  description: string;
  deadline: string;
  status: string;
  overdue: boolean;
  checkedButNotFixed: boolean;
  reopenCount: number;
}
type FindingNode = Omit<FindingRow, 'district'>;
type DistrictFindingPage = { code: string; name: string; cityFindings: Connection<FindingNode> };

const FINDING_FIELDS = 'description deadline status overdue checkedButNotFixed reopenCount';

/** 市纪委监委发现的问题: the city's findings against one district, or against every district. */
const findings = defineExportList({
  name: 'findings',
  title: '问题整改',
  params: z.object({ jurisdiction: z.union([z.literal('120000'), z.string().regex(/^1201\d\d$/, '应为市或区代码 / must be the city or a district code')]).default('120000') }).strict(),
  columns: [
    { header: '区代码', value: (f: FindingRow) => f.district.code, width: 10 },
    { header: '区', value: (f) => f.district.name, width: 12 },
    { header: '问题', value: (f) => f.description, width: 50 },
    { header: '整改期限', value: (f) => f.deadline, width: 12 },
    { header: '状态', value: (f) => FINDING_STATUS[f.status] ?? f.status, width: 12 },
    { header: '整改逾期', value: (f) => yesNo(f.overdue) },
    { header: '查而不改', value: (f) => yesNo(f.checkedButNotFixed) },
    { header: '重新整改次数', value: (f) => f.reopenCount },
  ],
  async *rows(params, run) {
    const districts =
      params.jurisdiction === '120000'
        ? ((await run<{ districts: { code: string }[] }>('query ExportFindingDistricts { districts { code } }')).districts.map((d) => d.code))
        : [params.jurisdiction];
    for (const code of districts) {
      let name = '';
      const nodes = allNodes(
        run,
        `query ExportCityFindings($code: ID!, $first: Int!, $after: String) {
          district(code: $code) { code name cityFindings(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${FINDING_FIELDS} } } } }
        }`,
        { code },
        (data: { district: DistrictFindingPage | null }) => {
          name = data.district?.name ?? '';
          return data.district?.cityFindings;
        },
      );
      for await (const node of nodes) yield { ...node, district: { code, name } };
    }
  },
});

interface DirectiveRow {
  title: string;
  deadline: string;
  progress: { targets: number; pending: number; acknowledged: number; inProgress: number; completed: number; averageProgress: number };
}

const directives = defineExportList({
  name: 'directives',
  title: '任务下达',
  params: z.object({}).strict(),
  columns: [
    { header: '任务', value: (d: DirectiveRow) => d.title, width: 40 },
    { header: '期限', value: (d) => d.deadline, width: 12 },
    { header: '下达单位数', value: (d) => d.progress.targets },
    { header: '未响应', value: (d) => d.progress.pending },
    { header: '已签收', value: (d) => d.progress.acknowledged },
    { header: '办理中', value: (d) => d.progress.inProgress },
    { header: '已完成', value: (d) => d.progress.completed },
    { header: '平均进度(%)', value: (d) => d.progress.averageProgress },
  ],
  async *rows(_params, run: RunQuery) {
    const data = await run<{ city: { issuedDirectives: DirectiveRow[] } | null }>(
      'query ExportDirectives { city { issuedDirectives { title deadline progress { targets pending acknowledged inProgress completed averageProgress } } } }',
    );
    yield* data.city?.issuedDirectives ?? [];
  },
});

interface SheetRow {
  rank: number | null;
  unitName: string;
  jurisdictionCode: string;
  total: number | null;
  grade: string | null;
  interviewRequired: boolean;
}

const assessment = defineExportList({
  name: 'assessment',
  title: '年度考核',
  params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict(),
  columns: [
    { header: '名次', value: (s: SheetRow) => s.rank },
    { header: '单位', value: (s) => s.unitName, width: 30 },
    { header: '辖区代码', value: (s) => s.jurisdictionCode, width: 11 },
    { header: '总分', value: (s) => s.total },
    { header: '等次', value: (s) => (s.grade ? (GRADE[s.grade] ?? s.grade) : null) },
    { header: '需约谈', value: (s) => yesNo(s.interviewRequired) },
  ],
  async *rows(params, run) {
    const data = await run<{ city: { assessmentRanking: SheetRow[] } | null }>(
      'query ExportAssessment($year: Int!) { city { assessmentRanking(year: $year) { rank unitName jurisdictionCode total grade interviewRequired } } }',
      { year: params.year },
    );
    yield* data.city?.assessmentRanking ?? [];
  },
});

interface CaseRow {
  title: string;
  facts: string | null;
  status: string;
  subjectJurisdictionCode: string;
  createdAt: string;
  subjectCadre: { name?: string; position?: string } | null;
  decision: { form: string; decidingBody: string; decidedOn: string } | null;
}

const accountabilityCases = defineExportList({
  name: 'accountability-cases',
  title: '问责',
  params: z.object({ jurisdiction: z.union([z.literal('120000'), z.string().regex(/^1201\d\d$/, '应为市或区代码 / must be the city or a district code')]).default('120000') }).strict(),
  columns: [
    { header: '案件', value: (c: CaseRow) => c.title, width: 40 },
    { header: '状态', value: (c) => CASE_STATUS[c.status] ?? c.status },
    { header: '对象辖区', value: (c) => c.subjectJurisdictionCode, width: 11 },
    // 机要 CONFIDENTIAL: only a commission caller's export carries the facts; anyone else's cell is empty.
    { header: '问题事实', value: (c) => c.facts, width: 40 },
    { header: '对象', value: (c) => (c.subjectCadre?.name ? `${c.subjectCadre.name}（${c.subjectCadre.position ?? ''}）` : null), width: 24 },
    { header: '处理方式', value: (c) => (c.decision ? (DECISION_FORM[c.decision.form] ?? c.decision.form) : null) },
    { header: '决定机关', value: (c) => c.decision?.decidingBody ?? null, width: 20 },
    { header: '决定日期', value: (c) => c.decision?.decidedOn ?? null, width: 12 },
    { header: '立案时间', value: (c) => c.createdAt, width: 24 },
  ],
  rows(params, run) {
    const root = jurisdictionRoot(params.jurisdiction);
    return allNodes(
      run,
      `query ExportAccountabilityCases($code: ID!, $first: Int!, $after: String) {
        ${root}(code: $code) { accountabilityCases(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { node { title facts status subjectJurisdictionCode createdAt subjectCadre { ... on Cadre { name position } } decision { form decidingBody decidedOn } } }
        } }
      }`,
      { code: params.jurisdiction },
      (data: Record<string, { accountabilityCases: Connection<CaseRow> } | null>) => data[root]?.accountabilityCases,
    );
  },
});

/** Every exportable list by the name in its URL (`/export/<name>.csv`). */
export const EXPORT_LISTS: ReadonlyMap<string, ExportList> = new Map(
  [districtRanking, tasks, dutyRecords, findings, directives, assessment, accountabilityCases, ...CITYWIDE_EXPORT_LISTS].map((list) => [list.name, list]),
);
