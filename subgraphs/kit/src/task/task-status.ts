import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

/** Mirrors `TASK_STATUSES` in task.entity.ts (the column's check constraint lists the same four). */
export const TaskStatus = bilingualEnum('TaskStatus', '任务状态 Where a task is in its workflow.', {
  PLANNED: '未开始 Planned, not started',
  IN_PROGRESS: '推进中 In progress',
  COMPLETED: '已完成 Completed',
  CANCELLED: '已撤销 Cancelled, with a reason',
});
export type TaskStatus = EnumValue<typeof TaskStatus>;

