import { registerEnumType } from 'type-graphql';

/** Mirrors `TASK_STATUSES` in task.entity.ts (the column's check constraint lists the same four). */
export enum TaskStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: '任务状态 Where a task is in its workflow.',
  valuesConfig: {
    PLANNED: { description: '未开始 Planned, not started' },
    IN_PROGRESS: { description: '推进中 In progress' },
    COMPLETED: { description: '已完成 Completed' },
    CANCELLED: { description: '已撤销 Cancelled, with a reason' },
  },
});
