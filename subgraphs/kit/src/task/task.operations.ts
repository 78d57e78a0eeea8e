import type { Level } from '../jurisdiction/admin-code';

/**
 * The task domain's root fields, literally, per level: `grep createDistrictTask` lands here, and
 * `task.module.ts` takes each name from this table. (Root fields cannot be shared between
 * subgraphs, so every level has its own names; the types implement the shared `Task` interface.)
 */
export const TASK_OPERATIONS = {
  city: {
    task: 'cityTask',
    createTask: 'createCityTask',
    updateTaskProgress: 'updateCityTaskProgress',
    startTask: 'startCityTask',
    completeTask: 'completeCityTask',
    cancelTask: 'cancelCityTask',
    addTaskMilestone: 'addCityTaskMilestone',
    completeTaskMilestone: 'completeCityTaskMilestone',
  },
  district: {
    task: 'districtTask',
    createTask: 'createDistrictTask',
    updateTaskProgress: 'updateDistrictTaskProgress',
    startTask: 'startDistrictTask',
    completeTask: 'completeDistrictTask',
    cancelTask: 'cancelDistrictTask',
    addTaskMilestone: 'addDistrictTaskMilestone',
    completeTaskMilestone: 'completeDistrictTaskMilestone',
  },
  street: {
    task: 'streetTask',
    createTask: 'createStreetTask',
    updateTaskProgress: 'updateStreetTaskProgress',
    startTask: 'startStreetTask',
    completeTask: 'completeStreetTask',
    cancelTask: 'cancelStreetTask',
    addTaskMilestone: 'addStreetTaskMilestone',
    completeTaskMilestone: 'completeStreetTaskMilestone',
  },
} as const satisfies Record<Level, Record<string, string>>;
