import { createHash } from 'node:crypto';
import { today } from '@supervision/kit';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { gatewayCaller } from '../support/gateway-client';

/**
 * One district's work from list to evidence, as a district system would drive it through the
 * gateway: build the leadership team, put an item on the responsibility list, plan a task,
 * record what was done (with the meeting minutes), finish the task — then read it all back
 * in one query, see it in the roll-up and in a verified audit chain.
 */
let platform: TestPlatform;
let admin: string;
let commission: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  admin = await platform.token({ level: 'district', code: '120104', roles: ['admin'] });
  commission = await platform.token({ level: 'city', code: '120000', roles: ['commission'] });
});
afterAll(() => platform?.stop());

const { callOk } = gatewayCaller(() => platform);
/** The story's calls succeed; the admin makes them unless another token is given. */
const call = <T>(query: string, variables: Record<string, unknown> = {}, token = admin): Promise<T> => callOk<T>(token, query, variables);

function inDays(days: number): string {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('a district creates and completes a task with duty records', () => {
  it('runs from the responsibility list to evidence, roll-up and audit', async () => {
    const { createDistrictUnit: unit } = await call<{ createDistrictUnit: { id: string } }>(
      `mutation { createDistrictUnit(input: { jurisdictionCode: "120104", name: "中共天津市南开区委员会", kind: PARTY_COMMITTEE }) { id } }`,
    );
    const { addDistrictCadre: secretary } = await call<{ addDistrictCadre: { id: string } }>(
      `mutation($unitId: ID!) { addDistrictCadre(input: { unitId: $unitId, name: "孙立新", position: "区委书记", principal: true }) { id } }`,
      { unitId: unit.id },
    );
    const { createDistrictResponsibilityItem: item } = await call<{ createDistrictResponsibilityItem: { id: string } }>(
      `mutation($unitId: ID!, $cadreId: ID!, $year: Int!) {
         createDistrictResponsibilityItem(input: { unitId: $unitId, cadreId: $cadreId, categoryCode: "PARTY_CONDUCT", year: $year,
           content: "履行党风廉政建设第一责任人职责", basis: "《党委(党组)落实全面从严治党主体责任规定》" }) { id }
       }`,
      { unitId: unit.id, cadreId: secretary.id, year: Number(today().slice(0, 4)) },
    );
    const { createDistrictTask: task } = await call<{ createDistrictTask: { id: string; status: string; milestones: { id: string }[] } }>(
      `mutation($itemId: ID!, $cadreId: ID!, $due: String!, $milestoneDue: String!) {
         createDistrictTask(input: { responsibilityItemId: $itemId, cadreId: $cadreId, title: "召开党风廉政建设专题会议",
           dueDate: $due, milestones: [{ title: "印发会议纪要", dueDate: $milestoneDue }] }) { id status milestones { id } }
       }`,
      { itemId: item.id, cadreId: secretary.id, due: inDays(30), milestoneDue: inDays(10) },
    );
    expect(task.status).toBe('PLANNED');

    await call(`mutation($id: ID!) { startDistrictTask(id: $id) { status } }`, { id: task.id });
    const minutes = Buffer.from('南开区委党风廉政建设专题会议纪要：一、传达学习上级精神；二、部署年度任务。', 'utf8');
    const { recordDistrictDuty: record } = await call<{ recordDistrictDuty: { id: string; attachments: { sha256: string; size: number }[] } }>(
      `mutation($input: RecordDutyInput!) { recordDistrictDuty(input: $input) { id attachments { sha256 size } } }`,
      {
        input: {
          cadreId: secretary.id,
          kind: 'MEETING',
          occurredOn: today(),
          taskId: task.id,
          summary: '主持召开区委常委会会议，专题研究部署党风廉政建设工作',
          attachments: [{ name: '会议纪要.txt', contentType: 'text/plain', contentBase64: minutes.toString('base64') }],
        },
      },
    );
    expect(record.attachments).toEqual([{ sha256: createHash('sha256').update(minutes).digest('hex'), size: minutes.length }]);
    await call(`mutation($id: ID!) { completeDistrictTaskMilestone(id: $id) { id } }`, { id: task.milestones[0].id });
    await call(`mutation($id: ID!) { updateDistrictTaskProgress(id: $id, progress: 70) { progress } }`, { id: task.id });
    await call(`mutation($id: ID!) { completeDistrictTask(id: $id) { status } }`, { id: task.id });

    // The city commission reads the whole story of the district in one query.
    const story = await call<{
      district: {
        tasks: { edges: { node: { title: string; status: string; progress: number; overdue: boolean; completedAt: string | null; responsibleCadre: { name: string }; milestones: { done: boolean }[]; dutyRecords: { kind: string; task: { id: string }; attachments: { name: string }[] }[]; responsibilityItem: { category: { name: string }; dutyRecords: unknown[] } } }[] };
        taskStats: { total: number; completed: number; completionRate: number };
      };
    }>(
      `{ district(code: "120104") {
           tasks(first: 10) { edges { node { title status progress overdue completedAt responsibleCadre { name }
             milestones { done } dutyRecords { kind task { id } attachments { name } }
             responsibilityItem { category { name } dutyRecords { id } } } } }
           taskStats { total completed completionRate }
         } }`,
      {},
      commission,
    );
    const [node] = story.district.tasks.edges.map((edge) => edge.node);
    expect(node).toMatchObject({
      title: '召开党风廉政建设专题会议',
      status: 'COMPLETED',
      progress: 100,
      overdue: false,
      responsibleCadre: { name: '孙立新' },
      milestones: [{ done: true }],
      dutyRecords: [{ kind: 'MEETING', task: { id: task.id }, attachments: [{ name: '会议纪要.txt' }] }],
      responsibilityItem: { category: { name: '党风廉政建设' }, dutyRecords: [] },
    });
    expect(node.completedAt).not.toBeNull();
    expect(story.district.taskStats).toEqual({ total: 1, completed: 1, completionRate: 1 });

    const trail = await call<{ districtAuditTrail: { action: string }[] }>(
      `query($id: ID!) { districtAuditTrail(entityType: TASK, entityId: $id) { action } }`,
      { id: task.id },
      commission,
    );
    // created, started, progress reported, completed; the milestone has its own entry
    expect(trail.districtAuditTrail.map((entry) => entry.action)).toEqual(['create', 'transition', 'update', 'transition']);
    const chain = await call<{ verifyDistrictAuditChain: { valid: boolean; entriesChecked: number } }>(
      `{ verifyDistrictAuditChain { valid entriesChecked } }`,
      {},
      commission,
    );
    // unit, cadre, item, task, start, duty record, milestone, progress, completion
    expect(chain.verifyDistrictAuditChain).toEqual({ valid: true, entriesChecked: 9 });
  });
});
