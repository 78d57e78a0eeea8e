import { z } from 'zod';
import { defineExportList, yesNo } from './export-list';
import type { RunQuery } from './gateway-query';

/*
 * 全市列表的导出 The city-wide lists across the levels as exports: the same queries the dashboard
 * and analysts run (`citywideTasks`, `citywideCadres`, …), read a page at a time with the
 * caller's token, with the scope as repeatable `scope` parameters (default: the caller's own).
 */

const scope = z
  .union([z.string(), z.array(z.string())])
  // Repeated (`scope=120101&scope=120103`) or comma-separated, as the dashboard's buttons send it.
  .transform((value) => [value].flat().flatMap((codes) => codes.split(',')))
  .pipe(z.array(z.string().regex(/^12(\d{4}|\d{7})$/, '应为天津市行政区划代码 / must be a Tianjin administrative code (6 or 9 digits)')).max(320))
  .optional();
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期 YYYY-MM-DD / must be a date YYYY-MM-DD');
/** 前 N 条 Only the first N rows (the top N in the list's order). */
const limit = z.coerce.number().int().min(1).max(100_000).optional();

const LEVEL: Record<string, string> = { city: '市级', district: '区级', street: '街道(乡镇)级' };
const TASK_STATUS: Record<string, string> = { PLANNED: '未开始', IN_PROGRESS: '进行中', COMPLETED: '已完成', CANCELLED: '已取消' };
const FINDING_STATUS: Record<string, string> = { OPEN: '待整改', REPORTED: '已报告', SENT_BACK: '退回重改', ACCEPTED: '已验收', CONFIRMED: '回头看确认', REOPENED: '重新整改' };
const DUTY_RECORD_KIND: Record<string, string> = { MEETING: '会议', TALK: '谈话', INSPECTION: '检查', REPORT: '报告', INSTRUCTION: '批示', OTHER: '其他' };

interface Edge<Node> {
  level: string;
  jurisdictionCode: string;
  daysOverdue?: number;
  node: Node;
}
type CitywidePage<Node> = { edges: Edge<Node>[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

/** Every edge of a city-wide list, a page at a time, stopping after `limit` rows. */
async function* allEdges<Node>(run: RunQuery, field: string, query: string, variables: Record<string, unknown>, max?: number): AsyncGenerator<Edge<Node>> {
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const first = Math.min(run.pageSize, max === undefined ? run.pageSize : max - count);
    const data: Record<string, CitywidePage<Node>> = await run(query, { ...variables, first, after });
    const page = data[field];
    for (const edge of page.edges) {
      yield edge;
      count += 1;
      if (max !== undefined && count >= max) return;
    }
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}

interface TaskNode {
  title: string;
  dueDate: string;
  status: string;
  progress: number;
  responsibleCadre: { name: string; position: string } | null;
}

const citywideTasks = defineExportList({
  name: 'citywide-tasks',
  title: '全市任务',
  params: z.object({ scope, overdue: z.enum(['true', 'false']).optional(), limit }).strict(),
  columns: [
    { header: '层级', value: (e: Edge<TaskNode>) => LEVEL[e.level] ?? e.level },
    { header: '辖区代码', value: (e) => e.jurisdictionCode, width: 11 },
    { header: '任务', value: (e) => e.node.title, width: 40 },
    { header: '责任人', value: (e) => e.node.responsibleCadre?.name ?? null, width: 10 },
    { header: '职务', value: (e) => e.node.responsibleCadre?.position ?? null, width: 20 },
    { header: '截止日期', value: (e) => e.node.dueDate, width: 12 },
    { header: '状态', value: (e) => TASK_STATUS[e.node.status] ?? e.node.status },
    { header: '进度(%)', value: (e) => e.node.progress },
    { header: '逾期天数', value: (e) => e.daysOverdue ?? 0 },
  ],
  rows(params, run) {
    const filter = params.overdue ? { overdue: params.overdue === 'true' } : {};
    return allEdges<TaskNode>(
      run,
      'citywideTasks',
      `query ExportCitywideTasks($scope: [String!], $filter: CitywideTaskFilter, $first: Int!, $after: String) {
        citywideTasks(scope: $scope, filter: $filter, first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { level jurisdictionCode daysOverdue node { ... on Task { title dueDate status progress responsibleCadre { name position } } } }
        }
      }`,
      { scope: params.scope, filter },
      params.limit,
    );
  },
});

interface CadreNode {
  name: string;
  position: string;
  principal: boolean;
}

const citywideCadres = defineExportList({
  name: 'citywide-cadres',
  title: '全市干部',
  params: z.object({ scope, noDutyRecordFrom: calendarDate.optional(), noDutyRecordTo: calendarDate.optional(), limit }).strict(),
  columns: [
    { header: '层级', value: (e: Edge<CadreNode>) => LEVEL[e.level] ?? e.level },
    { header: '辖区代码', value: (e) => e.jurisdictionCode, width: 11 },
    { header: '姓名', value: (e) => e.node.name, width: 10 },
    { header: '职务', value: (e) => e.node.position, width: 24 },
    { header: '主要负责人', value: (e) => yesNo(e.node.principal) },
  ],
  rows(params, run) {
    const filter = {
      ...(params.noDutyRecordFrom ? { noDutyRecordFrom: params.noDutyRecordFrom } : {}),
      ...(params.noDutyRecordTo ? { noDutyRecordTo: params.noDutyRecordTo } : {}),
    };
    return allEdges<CadreNode>(
      run,
      'citywideCadres',
      `query ExportCitywideCadres($scope: [String!], $filter: CitywideCadreFilter, $first: Int!, $after: String) {
        citywideCadres(scope: $scope, filter: $filter, first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { level jurisdictionCode node { ... on Cadre { name position principal } } }
        }
      }`,
      { scope: params.scope, filter },
      params.limit,
    );
  },
});

interface UnitNode {
  name: string;
  kind: string;
}

const citywideUnits = defineExportList({
  name: 'citywide-units',
  title: '全市单位',
  params: z.object({ scope, noResponsibilityListYear: z.coerce.number().int().min(2000).max(2100).optional(), limit }).strict(),
  columns: [
    { header: '层级', value: (e: Edge<UnitNode>) => LEVEL[e.level] ?? e.level },
    { header: '辖区代码', value: (e) => e.jurisdictionCode, width: 11 },
    { header: '单位', value: (e) => e.node.name, width: 36 },
  ],
  rows(params, run) {
    const filter = params.noResponsibilityListYear ? { noResponsibilityListYear: params.noResponsibilityListYear } : {};
    return allEdges<UnitNode>(
      run,
      'citywideUnits',
      `query ExportCitywideUnits($scope: [String!], $filter: CitywideUnitFilter, $first: Int!, $after: String) {
        citywideUnits(scope: $scope, filter: $filter, first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { level jurisdictionCode node { ... on Unit { name } } }
        }
      }`,
      { scope: params.scope, filter },
      params.limit,
    );
  },
});

interface FindingNode {
  description: string;
  deadline: string;
  status: string;
  reopenCount: number;
}

const citywideFindings = defineExportList({
  name: 'citywide-findings',
  title: '全市问题',
  params: z.object({ scope, notRectified: z.enum(['true']).optional(), limit }).strict(),
  columns: [
    { header: '发现层级', value: (e: Edge<FindingNode>) => LEVEL[e.level] ?? e.level },
    { header: '被检查单位辖区', value: (e) => e.jurisdictionCode, width: 13 },
    { header: '问题', value: (e) => e.node.description, width: 50 },
    { header: '整改期限', value: (e) => e.node.deadline, width: 12 },
    { header: '状态', value: (e) => FINDING_STATUS[e.node.status] ?? e.node.status, width: 12 },
    { header: '整改逾期天数', value: (e) => e.daysOverdue ?? 0 },
    { header: '查而不改', value: (e) => yesNo(e.node.reopenCount > 0) },
  ],
  rows(params, run) {
    return allEdges<FindingNode>(
      run,
      'citywideFindings',
      `query ExportCitywideFindings($scope: [String!], $filter: CitywideFindingFilter, $first: Int!, $after: String) {
        citywideFindings(scope: $scope, filter: $filter, first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { level jurisdictionCode daysOverdue node { ... on SupervisionFinding { description deadline status reopenCount } } }
        }
      }`,
      { scope: params.scope, filter: params.notRectified ? { notRectified: true } : {} },
      params.limit,
    );
  },
});

interface DutyRecordNode {
  occurredOn: string;
  kind: string;
  summary: string;
  cadre: { name: string } | null;
}

const citywideDutyRecords = defineExportList({
  name: 'citywide-duty-records',
  title: '全市履职纪实',
  params: z.object({ scope, from: calendarDate.optional(), to: calendarDate.optional(), limit }).strict(),
  columns: [
    { header: '层级', value: (e: Edge<DutyRecordNode>) => LEVEL[e.level] ?? e.level },
    { header: '辖区代码', value: (e) => e.jurisdictionCode, width: 11 },
    { header: '日期', value: (e) => e.node.occurredOn, width: 12 },
    { header: '类型', value: (e) => DUTY_RECORD_KIND[e.node.kind] ?? e.node.kind },
    { header: '责任人', value: (e) => e.node.cadre?.name ?? null, width: 10 },
    { header: '摘要', value: (e) => e.node.summary, width: 50 },
  ],
  rows(params, run) {
    const filter = { ...(params.from ? { from: params.from } : {}), ...(params.to ? { to: params.to } : {}) };
    return allEdges<DutyRecordNode>(
      run,
      'citywideDutyRecords',
      `query ExportCitywideDutyRecords($scope: [String!], $filter: CitywideDutyRecordFilter, $first: Int!, $after: String) {
        citywideDutyRecords(scope: $scope, filter: $filter, first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { level jurisdictionCode node { ... on DutyRecord { occurredOn kind summary cadre { name } } } }
        }
      }`,
      { scope: params.scope, filter },
      params.limit,
    );
  },
});

interface Count {
  district: number;
  streets: number;
  total: number;
}
interface FigureRow {
  code: string;
  name: string;
  overdueTasks: Count;
  findingsNotRectified: Count;
  dutyRecords: Count;
}

const districtFigures = defineExportList({
  name: 'district-figures',
  title: '区合计',
  params: z.object({ scope, from: calendarDate.optional(), to: calendarDate.optional() }).strict(),
  columns: [
    { header: '区代码', value: (r: FigureRow) => r.code, width: 10 },
    { header: '区', value: (r) => r.name, width: 12 },
    { header: '逾期任务(区本级)', value: (r) => r.overdueTasks.district },
    { header: '逾期任务(街道)', value: (r) => r.overdueTasks.streets },
    { header: '逾期任务合计', value: (r) => r.overdueTasks.total },
    { header: '未整改问题(区本级)', value: (r) => r.findingsNotRectified.district },
    { header: '未整改问题(街道)', value: (r) => r.findingsNotRectified.streets },
    { header: '未整改问题合计', value: (r) => r.findingsNotRectified.total },
    { header: '履职纪实(区本级)', value: (r) => r.dutyRecords.district },
    { header: '履职纪实(街道)', value: (r) => r.dutyRecords.streets },
    { header: '履职纪实合计', value: (r) => r.dutyRecords.total },
  ],
  async *rows(params, run) {
    const count = 'district streets total';
    const data = await run<{ districtFigures: FigureRow[] }>(
      `query ExportDistrictFigures($scope: [String!], $from: String, $to: String) {
        districtFigures(scope: $scope, from: $from, to: $to) {
          code name overdueTasks { ${count} } findingsNotRectified { ${count} } dutyRecords { ${count} }
        }
      }`,
      { scope: params.scope, from: params.from, to: params.to },
    );
    yield* data.districtFigures;
  },
});

interface OverdueDirectiveRow {
  issuerCode: string;
  deadline: string;
  daysOverdue: number;
  directive: { title?: string };
  pendingAddressees: { code: string; name: string }[];
}

const overdueDirectives = defineExportList({
  name: 'overdue-directives',
  title: '逾期未完成指令',
  params: z.object({ scope }).strict(),
  columns: [
    { header: '下达单位', value: (d: OverdueDirectiveRow) => d.issuerCode, width: 10 },
    { header: '任务', value: (d) => d.directive.title ?? null, width: 40 },
    { header: '期限', value: (d) => d.deadline, width: 12 },
    { header: '逾期天数', value: (d) => d.daysOverdue },
    { header: '未完成单位', value: (d) => d.pendingAddressees.map((a) => a.name).join('、'), width: 40 },
  ],
  async *rows(params, run) {
    let after: string | null = null;
    for (;;) {
      const data: { citywideOverdueDirectives: { nodes: OverdueDirectiveRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await run(
        `query ExportOverdueDirectives($scope: [String!], $first: Int!, $after: String) {
          citywideOverdueDirectives(scope: $scope, first: $first, after: $after) {
            pageInfo { hasNextPage endCursor }
            nodes { issuerCode deadline daysOverdue pendingAddressees { code name } directive { ... on Directive { title } } }
          }
        }`,
        { scope: params.scope, first: run.pageSize, after },
      );
      yield* data.citywideOverdueDirectives.nodes;
      if (!data.citywideOverdueDirectives.pageInfo.hasNextPage || !data.citywideOverdueDirectives.pageInfo.endCursor) return;
      after = data.citywideOverdueDirectives.pageInfo.endCursor;
    }
  },
});

/** The city-wide lists, registered beside the per-level ones in `lists.ts`. */
export const CITYWIDE_EXPORT_LISTS = [citywideTasks, citywideCadres, citywideUnits, citywideFindings, citywideDutyRecords, districtFigures, overdueDirectives];
