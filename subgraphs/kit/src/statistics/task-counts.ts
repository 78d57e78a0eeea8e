/**
 * The counts one GROUP BY statement yields for a set of tasks. Everything else (completion rate,
 * sums across levels, ranks) is derived from these numbers, never from task rows in Node.
 */
export interface TaskCounts {
  total: number;
  planned: number;
  inProgress: number;
  completed: number;
  cancelled: number;
  /** Still open (PLANNED or IN_PROGRESS) with a due date before today. */
  overdue: number;
}

export const TASK_COUNT_FIELDS = ['total', 'planned', 'inProgress', 'completed', 'cancelled', 'overdue'] as const;

export const NO_TASKS: TaskCounts = Object.freeze({ total: 0, planned: 0, inProgress: 0, completed: 0, cancelled: 0, overdue: 0 });

export function addTaskCounts(...parts: TaskCounts[]): TaskCounts {
  const sum = { ...NO_TASKS };
  for (const part of parts) for (const field of TASK_COUNT_FIELDS) sum[field] += part[field];
  return sum;
}

/**
 * 完成率 completed / (total − cancelled): a cancelled task was never meant to be done, so it
 * neither helps nor hurts. Nothing left to count gives 0, not NaN.
 */
export function completionRate(counts: TaskCounts): number {
  const counted = counts.total - counts.cancelled;
  return counted > 0 ? counts.completed / counted : 0;
}

/** The GraphQL `TaskStats` value of some counts. */
export function taskStatsOf(counts: TaskCounts): TaskCounts & { completionRate: number } {
  return { ...counts, completionRate: completionRate(counts) };
}
