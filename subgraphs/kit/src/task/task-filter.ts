import { notOverdueCondition, overdueCondition } from '../calendar/overdue-rule';
import { TASK_OVERDUE } from './overdue';
import type { Knex } from '@mikro-orm/postgresql';
import { containsPattern } from '../db/like-pattern';
import type { PageRequest } from '../pagination/paged-loader';
import { SortDirection } from '../pagination/sort-direction';
import type { TaskEntity } from './task.entity';
import { TaskSortField, type TaskFilter, type TaskSort } from './task.inputs';

/**
 * The task list's filters as SQL, applied before paging and counting. `overdue` uses the same
 * "today" as the `overdue` field (passed in, not the database's clock), so they always agree.
 */
export function applyTaskFilter(knex: Knex, query: Knex.QueryBuilder, filter: TaskFilter, today: string): void {
  if (filter.status?.length) query.whereIn('status', filter.status);
  if (filter.categoryCode) {
    query.whereIn('responsibility_item_id', knex('responsibility_item').select('id').where('category_code', filter.categoryCode));
  }
  if (filter.cadreId) query.where('cadre_id', filter.cadreId);
  if (filter.dueFrom) query.where('due_date', '>=', filter.dueFrom);
  if (filter.dueTo) query.where('due_date', '<=', filter.dueTo);
  if (filter.text) {
    const pattern = containsPattern(filter.text);
    query.where((text) => {
      text.whereRaw(`"title" ilike ? escape '\\'`, [pattern]).orWhereRaw(`"description" ilike ? escape '\\'`, [pattern]);
    });
  }
  if (filter.overdue === true) query.whereRaw('?', [overdueCondition(knex, TASK_OVERDUE, today)]);
  if (filter.overdue === false) query.whereRaw('?', [notOverdueCondition(knex, TASK_OVERDUE, today)]);
}

const SORT_COLUMNS: Record<TaskSortField, Omit<PageRequest<TaskEntity>['sort'], 'direction'>> = {
  [TaskSortField.DUE_DATE]: { column: 'due_date', property: 'dueDate' },
  [TaskSortField.CREATED_AT]: { column: 'created_at', property: 'createdAt' },
  [TaskSortField.PROGRESS]: { column: 'progress', property: 'progress' },
  [TaskSortField.TITLE]: { column: 'title', property: 'title' },
};

export function taskSortColumn(sort: TaskSort): PageRequest<TaskEntity>['sort'] {
  return { ...SORT_COLUMNS[sort.field], direction: sort.direction === SortDirection.DESC ? 'desc' : 'asc' };
}
