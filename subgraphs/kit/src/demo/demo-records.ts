import { fakerZH_CN as faker } from '@faker-js/faker';
import { DUTY_RECORD_KINDS, type DutyRecordKindCode } from '../duty-record/duty-record.entity';
import { parentCode } from '../jurisdiction/admin-code';
import type { Division } from '../jurisdiction/divisions';
import type { TaskStatusCode } from '../task/task.entity';
import type { UnitKindCode } from '../org/unit.entity';
import { CANCEL_REASONS, CATEGORY_WORK, COMMON_SURNAMES, DUTY_SUMMARIES, type UnitTemplate } from './demo-catalogue';
import { daysFromToday, timestampDaysAgo } from './demo-dates';
import { demoId } from './demo-ids';

export interface DemoRecords {
  units: { id: string; jurisdictionCode: string; name: string; kind: UnitKindCode }[];
  cadres: { id: string; unitId: string; jurisdictionCode: string; name: string; position: string; teamMember: boolean; principal: boolean }[];
  items: { id: string; jurisdictionCode: string; unitId: string; cadreId: string | null; parentItemId: string | null; categoryCode: string; content: string; basis: string; year: number }[];
  tasks: {
    id: string;
    jurisdictionCode: string;
    responsibilityItemId: string;
    title: string;
    description: string;
    cadreId: string;
    dueDate: string;
    progress: number;
    status: TaskStatusCode;
    cancelReason: string | null;
    completedAt: Date | null;
    createdAt: Date;
  }[];
  milestones: { id: string; taskId: string; title: string; dueDate: string; doneAt: Date | null; position: number }[];
  dutyRecords: {
    id: string;
    recordId: string;
    version: number;
    jurisdictionCode: string;
    kind: DutyRecordKindCode;
    occurredOn: string;
    cadreId: string;
    taskId: string | null;
    responsibilityItemId: string | null;
    summary: string;
    correctionReason: string | null;
    recordedBy: string;
    createdAt: Date;
  }[];
}

const CATEGORIES = Object.keys(CATEGORY_WORK);

/** The demo id of one item of a jurisdiction's list: the `itemIndex`-th item of its `unitIndex`-th unit. */
export function demoItemId(jurisdictionCode: string, unitIndex: number, itemIndex: number): string {
  return demoId(`item:${demoId(`unit:${jurisdictionCode}:${unitIndex}`)}:${itemIndex}`);
}

/** The demo id of the task that carries an item out (one task per demo item). */
export function demoTaskIdOf(itemId: string): string {
  return demoId(`task:${itemId}`);
}

/**
 * 分解 The leading unit's list (the party committee's, unit 0 at every level) breaks the leading
 * unit's list of the level above down, item by item: the same categories in the same order, so
 * the city's items reach every district's and, through them, every street's.
 */
function demoParentItemId(jurisdictionCode: string, unitIndex: number, itemIndex: number): string | null {
  const above = parentCode(jurisdictionCode);
  return above && unitIndex === 0 ? demoItemId(above, 0, itemIndex) : null;
}

/**
 * Statuses in the order tasks of one jurisdiction take them, so every status — and overdue
 * work — appears everywhere: [status, days until due, progress].
 */
const TASK_STATES: [TaskStatusCode, number, number][] = [
  ['COMPLETED', -20, 100],
  ['IN_PROGRESS', 25, 60],
  ['PLANNED', 45, 0],
  ['IN_PROGRESS', -6, 40],
  ['COMPLETED', -3, 100],
  ['CANCELLED', 30, 10],
  ['PLANNED', -2, 0],
  ['IN_PROGRESS', 12, 80],
];

/**
 * Units, cadres, responsibility lists, tasks and duty records for some jurisdictions of one
 * level. Names and figures are drawn from a generator seeded by each jurisdiction's code, so
 * the demo is the same on every machine and every start.
 */
export function demoRecords(
  jurisdictions: Division[],
  templatesFor: (jurisdiction: Division) => UnitTemplate[],
  today = new Date(),
): DemoRecords {
  const records: DemoRecords = { units: [], cadres: [], items: [], tasks: [], milestones: [], dutyRecords: [] };
  const year = today.getUTCFullYear();
  for (const jurisdiction of jurisdictions) {
    faker.seed(Number(jurisdiction.code));
    const code = jurisdiction.code;
    let taskIndex = Number(code.slice(-2));
    templatesFor(jurisdiction).forEach((template, unitIndex) => {
      const unitId = demoId(`unit:${code}:${unitIndex}`);
      records.units.push({ id: unitId, jurisdictionCode: code, name: template.name(jurisdiction.name), kind: template.kind });
      const cadreIds = template.positions.map((position, index) => {
        const id = demoId(`cadre:${unitId}:${index}`);
        const name = `${faker.helpers.arrayElement(COMMON_SURNAMES)}${faker.person.firstName()}`;
        records.cadres.push({ id, unitId, jurisdictionCode: code, name, position, teamMember: true, principal: index === 0 });
        return id;
      });
      const categories = [CATEGORIES[unitIndex % CATEGORIES.length], CATEGORIES[(unitIndex + 2) % CATEGORIES.length]];
      const itemOwners: [string, string | null][] = [
        [categories[0], null],
        [categories[1], null],
        ['PARTY_CONDUCT', cadreIds[0]],
      ];
      itemOwners.forEach(([categoryCode, cadreId], itemIndex) => {
        const work = CATEGORY_WORK[categoryCode];
        const itemId = demoItemId(code, unitIndex, itemIndex);
        records.items.push({
          id: itemId,
          jurisdictionCode: code,
          unitId,
          cadreId,
          parentItemId: demoParentItemId(code, unitIndex, itemIndex),
          categoryCode,
          content: cadreId ? `履行全面从严治党第一责任人职责：${work.item}` : work.item,
          basis: work.basis,
          year,
        });
        const [status, dueIn, progress] = TASK_STATES[taskIndex++ % TASK_STATES.length];
        const taskId = demoTaskIdOf(itemId);
        const responsible = cadreId ?? faker.helpers.arrayElement(cadreIds);
        const dueDate = daysFromToday(dueIn, today);
        // A completed task was completed the day before it fell due (or yesterday), with its last milestone.
        const completedAt = status === 'COMPLETED' ? timestampDaysAgo(Math.max(1, -dueIn + 1), today) : null;
        records.tasks.push({
          id: taskId,
          jurisdictionCode: code,
          responsibilityItemId: itemId,
          title: faker.helpers.arrayElement(work.tasks),
          description: `${work.item}。`,
          cadreId: responsible,
          dueDate,
          progress,
          status,
          cancelReason: status === 'CANCELLED' ? faker.helpers.arrayElement(CANCEL_REASONS) : null,
          completedAt,
          createdAt: timestampDaysAgo(60, today),
        });
        records.milestones.push(
          { id: demoId(`milestone:${taskId}:0`), taskId, title: '制定工作方案', dueDate: daysFromToday(dueIn - 20, today), doneAt: status === 'PLANNED' ? null : timestampDaysAgo(30, today), position: 0 },
          { id: demoId(`milestone:${taskId}:1`), taskId, title: '报送落实情况', dueDate, doneAt: completedAt, position: 1 },
        );
        if (status === 'PLANNED') return;
        const kind = DUTY_RECORD_KINDS[(taskIndex + unitIndex) % 5];
        const recordId = demoId(`duty:${taskId}`);
        const occurredDaysAgo = faker.number.int({ min: 3, max: 50 });
        const first = {
          id: demoId(`duty:${taskId}:1`),
          recordId,
          version: 1,
          jurisdictionCode: code,
          kind,
          occurredOn: daysFromToday(-occurredDaysAgo, today),
          cadreId: responsible,
          taskId,
          responsibilityItemId: itemId,
          summary: DUTY_SUMMARIES[kind],
          correctionReason: null,
          recordedBy: `demo-${code}`,
          // Recorded on the day or later (within ten days), never before it happened.
          createdAt: timestampDaysAgo(Math.min(10, occurredDaysAgo), today),
        };
        records.dutyRecords.push(first);
        if (taskIndex % 5 === 0) {
          records.dutyRecords.push({
            ...first,
            id: demoId(`duty:${taskId}:2`),
            version: 2,
            summary: `${first.summary}（补充：附会议纪要及签到表）`,
            correctionReason: '补充佐证材料说明',
            // Corrected after the first version was recorded.
            createdAt: timestampDaysAgo(Math.min(5, occurredDaysAgo - 1), today),
          });
        }
      });
    });
  }
  return records;
}
