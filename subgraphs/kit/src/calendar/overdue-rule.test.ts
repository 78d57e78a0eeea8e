import { knex } from '@mikro-orm/postgresql';
import { isOverdueUnder, notOverdueCondition, overdueCondition } from './overdue-rule';
import { FINDING_OVERDUE } from '../supervision/finding-status';
import { isOverdue, TASK_OVERDUE } from '../task/overdue';

const sql = knex({ client: 'pg' });

describe('one overdue rule for TypeScript and SQL', () => {
  it('flags open records past their due day, on the day it is given', () => {
    expect(isOverdueUnder(FINDING_OVERDUE, 'SENT_BACK', '2026-03-01', '2026-03-02')).toBe(true);
    expect(isOverdueUnder(FINDING_OVERDUE, 'REOPENED', '2026-03-01', '2026-03-02')).toBe(true);
    expect(isOverdueUnder(FINDING_OVERDUE, 'OPEN', '2026-03-02', '2026-03-02')).toBe(false);
    expect(isOverdueUnder(FINDING_OVERDUE, 'REPORTED', '2026-03-01', '2026-03-02')).toBe(false);
    expect(isOverdue({ status: 'PLANNED', dueDate: '2026-03-01' }, '2026-03-02')).toBe(true);
  });

  it('builds the SQL condition from the same statuses and the same day, never current_date', () => {
    const condition = overdueCondition(sql, TASK_OVERDUE, '2026-03-02', 't').toSQL();
    expect(condition.sql).toBe('"t"."status" in (?, ?) and "t"."due_date" < ?::date');
    expect(condition.bindings).toEqual(['PLANNED', 'IN_PROGRESS', '2026-03-02']);
    const findings = notOverdueCondition(sql, FINDING_OVERDUE, '2026-03-02').toString();
    expect(findings).toBe(`not ("status" in ('OPEN', 'SENT_BACK', 'REOPENED') and "deadline" < '2026-03-02'::date)`);
  });
});
