import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { startGateway, type RunningGateway } from '@supervision/gateway';
import { graphql, startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * Lists exported as CSV and XLSX through the gateway's /export endpoint, read back with
 * csv-parse and exceljs and compared with the same list asked of the GraphQL endpoint.
 */
let platform: TestPlatform;
/** A second gateway on the same subgraphs that exports 5 rows per page, so lists span pages. */
let smallPages: RunningGateway;
let cityToken: string;

beforeAll(async () => {
  platform = await startTestPlatform({ seedDemo: true });
  const { city, district, street } = platform.subgraphs;
  smallPages = await startGateway({
    port: 0,
    gatewaySecret: platform.secrets.gatewaySecret,
    jwtPublicJwk: platform.secrets.publicJwk,
    subgraphUrls: { city: city.url, district: district.url, street: street.url },
    exportPageSize: 5,
    log: () => {},
  });
  cityToken = await platform.token({ level: 'city', code: '120000', roles: ['commission', 'analyst'] });
}, 120_000);

afterAll(async () => {
  await smallPages?.stop();
  await platform?.stop();
});

function exportUrl(gateway: RunningGateway, path: string): string {
  return gateway.url.replace(/\/graphql$/, `/export/${path}`);
}

async function download(gateway: RunningGateway, path: string, token?: string): Promise<Response> {
  return fetch(exportUrl(gateway, path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

interface TaskNode {
  title: string;
  dueDate: string;
  status: string;
  progress: number;
  overdue: boolean;
  responsibleCadre: { name: string };
}

/** Every task of a jurisdiction straight from GraphQL, page by page. */
async function allTasks(code: string, filter: Record<string, unknown>): Promise<TaskNode[]> {
  const nodes: TaskNode[] = [];
  let after: string | null = null;
  for (;;) {
    const response: { data?: { district: { tasks: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: TaskNode }[] } } } } = await graphql(
      platform.gateway.url,
      `query ($code: ID!, $after: String, $filter: TaskFilter) { district(code: $code) { tasks(first: 100, after: $after, filter: $filter) {
        pageInfo { hasNextPage endCursor } edges { node { title dueDate status progress overdue responsibleCadre { name } } } } } }`,
      { token: cityToken, variables: { code, after, filter } },
    );
    const page = response.data!.district.tasks;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const TASK_HEADERS = ['辖区代码', '任务', '责任人', '职务', '截止日期', '状态', '进度(%)', '是否逾期'];
const STATUS_NAMES: Record<string, string> = { PLANNED: '未开始', IN_PROGRESS: '进行中', COMPLETED: '已完成', CANCELLED: '已取消' };

describe('CSV export', () => {
  it('streams a district’s tasks over several pages with Chinese headers, row for row as GraphQL lists them', async () => {
    const expected = await allTasks('120116', {});
    expect(expected.length).toBeGreaterThan(5); // more than one export page of 5
    const response = await download(smallPages, 'tasks.csv?jurisdiction=120116', cityToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('任务清单-')}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads UTF-8
    const rows = parse(bytes, { bom: true }) as string[][];
    expect(rows[0]).toEqual(TASK_HEADERS);
    expect(rows.slice(1)).toEqual(
      expected.map((task) => [
        '120116',
        task.title,
        task.responsibleCadre.name,
        expect.any(String),
        task.dueDate,
        STATUS_NAMES[task.status],
        String(task.progress),
        task.overdue ? '是' : '否',
      ]),
    );
  });

  it('applies the filter: only overdue tasks', async () => {
    const expected = await allTasks('120116', { overdue: true });
    expect(expected.length).toBeGreaterThan(0);
    const response = await download(platform.gateway, 'tasks.csv?jurisdiction=120116&overdue=true', cityToken);
    const rows = parse(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row['任务'])).toEqual(expected.map((task) => task.title));
    expect(rows.every((row) => row['是否逾期'] === '是')).toBe(true);
  });
});

describe('XLSX export', () => {
  it('writes the district ranking as a sheet whose rows are the ranking', async () => {
    const ranking = await graphql<{ city: { districtRanking: { rank: number; district: { code: string; name: string }; stats: { total: number; overdue: number; completionRate: number } }[] } }>(
      platform.gateway.url,
      '{ city { districtRanking { rank district { code name } stats { total overdue completionRate } } } }',
      { token: cityToken },
    );
    const expected = ranking.data!.city.districtRanking;
    expect(expected).toHaveLength(16);

    const response = await download(platform.gateway, 'district-ranking.xlsx', cityToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('区排名')!;
    expect(sheet).toBeDefined();
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['名次', '区代码', '区', '任务总数', '已完成', '逾期', '完成率(%)', '区本级任务', '区本级逾期', '街道(乡镇)任务', '街道(乡镇)逾期']);
    expect(sheet.rowCount).toBe(17);
    expected.forEach((entry, index) => {
      const row = values(index + 2);
      expect(row.slice(0, 4)).toEqual([entry.rank, entry.district.code, entry.district.name, entry.stats.total]);
      expect(row[5]).toBe(entry.stats.overdue);
      expect(row[6]).toBeCloseTo(entry.stats.completionRate * 100, 2);
    });
  });

  it('pages through every district’s findings into one sheet, 查而不改 in its own column', async () => {
    const response = await graphql<{ city: { districts: { code: string; cityFindings: { edges: { node: { description: string; checkedButNotFixed: boolean } }[] } }[] } }>(
      platform.gateway.url,
      '{ city { districts { code cityFindings(first: 100) { edges { node { description checkedButNotFixed } } } } } }',
      { token: cityToken },
    );
    const expected = response.data!.city.districts.flatMap((d) => d.cityFindings.edges.map((e) => [d.code, e.node.description, e.node.checkedButNotFixed ? '是' : '否']));
    expect(expected.some((row) => row[2] === '是')).toBe(true);

    const file = await download(smallPages, 'findings.xlsx', cityToken);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('问题整改')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row, number) => number > 1 && rows.push((row.values as unknown[]).slice(1)));
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['区代码', '区', '问题', '整改期限', '状态', '整改逾期', '查而不改', '重新整改次数']);
    expect(rows.map((row) => [row[0], row[2], row[6]])).toEqual(expected);
  });
});

describe('export under the caller’s read rules', () => {
  it('refuses another district’s tasks to a district token, with the GraphQL error shape', async () => {
    const token = await platform.token({ level: 'district', code: '120117', roles: ['commission'] });
    const response = await download(platform.gateway, 'tasks.csv?jurisdiction=120116', token);
    expect(response.status).toBe(403);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('FORBIDDEN');
  });

  it('lets a district token export its own district', async () => {
    const token = await platform.token({ level: 'district', code: '120116', roles: ['commission'] });
    const response = await download(platform.gateway, 'tasks.csv?jurisdiction=120116', token);
    expect(response.status).toBe(200);
    const rows = parse(Buffer.from(await response.arrayBuffer()), { bom: true }) as string[][];
    expect(rows.length - 1).toBe((await allTasks('120116', {})).length);
  });

  it('asks for a token where the query needs one', async () => {
    const response = await download(platform.gateway, 'district-ranking.csv');
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('bad export requests', () => {
  it('names the bad parameter (BAD_USER_INPUT with extensions.field)', async () => {
    const response = await download(platform.gateway, 'tasks.csv?jurisdiction=abc', cityToken);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; field: string } }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'jurisdiction' });
  });

  it('refuses an unknown parameter, an unknown list and an unknown format', async () => {
    const unknownParam = await download(platform.gateway, 'tasks.csv?jurisdiction=120116&limit=5', cityToken);
    expect(unknownParam.status).toBe(400);
    expect(((await unknownParam.json()) as { errors: { extensions: { field: string } }[] }).errors[0]!.extensions.field).toBe('limit');
    expect((await download(platform.gateway, 'salaries.csv', cityToken)).status).toBe(404);
    expect((await download(platform.gateway, 'tasks.pdf?jurisdiction=120116', cityToken)).status).toBe(404);
  });

  it('takes the parameters as a JSON body on POST', async () => {
    const response = await fetch(exportUrl(platform.gateway, 'assessment.csv'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cityToken}` },
      body: JSON.stringify({ year: new Date().getFullYear() - 1 }),
    });
    expect(response.status).toBe(200);
    const rows = parse(Buffer.from(await response.arrayBuffer()), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!['名次']).toBe('1');
  });
});
