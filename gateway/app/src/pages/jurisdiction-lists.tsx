import { useState } from 'react';
import { ExportButtons } from '../components/export-buttons';
import { Section } from '../components/section';
import { graphql } from '../gql';
import { DUTY_RECORD_KIND, TASK_STATUS } from '../labels';
import { href } from '../router';
import { levelOfCode } from '../session';
import { useQuery } from '../use-query';

/*
 * The lists of one jurisdiction, paged with the owner's cursor. The city-wide lists across
 * levels will be further `list` names of the same export endpoint and further queries here;
 * the table, pager and export buttons stay as they are.
 */

const JurisdictionTasksQuery = graphql(`
  query JurisdictionTasks($code: ID!, $city: Boolean!, $district: Boolean!, $street: Boolean!, $filter: TaskFilter, $after: String) {
    city(code: $code) @include(if: $city) {
      tasks(first: 20, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...TaskRow } } }
    }
    district(code: $code) @include(if: $district) {
      tasks(first: 20, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...TaskRow } } }
    }
    street(code: $code) @include(if: $street) {
      tasks(first: 20, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...TaskRow } } }
    }
  }
  fragment TaskRow on Task {
    id
    title
    dueDate
    status
    progress
    overdue
    responsibleCadre { name position }
  }
`);

const JurisdictionDutyRecordsQuery = graphql(`
  query JurisdictionDutyRecords($code: ID!, $city: Boolean!, $district: Boolean!, $street: Boolean!, $after: String) {
    city(code: $code) @include(if: $city) {
      dutyRecords(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...DutyRecordRow } } }
    }
    district(code: $code) @include(if: $district) {
      dutyRecords(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...DutyRecordRow } } }
    }
    street(code: $code) @include(if: $street) {
      dutyRecords(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...DutyRecordRow } } }
    }
  }
  fragment DutyRecordRow on DutyRecord {
    id
    occurredOn
    kind
    summary
    version
    cadre { name position }
    attachments { id }
  }
`);

function levelFlags(code: string) {
  const level = levelOfCode(code);
  return { level, city: level === 'city', district: level === 'district', street: level === 'street' };
}

/** A cursor stack, so that 上一页 returns to the page before. */
function usePager() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  return {
    after,
    page: cursors.length,
    next: (cursor: string | null | undefined) => cursor && setCursors([...cursors, cursor]),
    previous: () => cursors.length > 1 && setCursors(cursors.slice(0, -1)),
    reset: () => setCursors([null]),
  };
}

function Pager(props: { pager: ReturnType<typeof usePager>; total: number; hasNext: boolean; endCursor?: string | null }) {
  return (
    <p className="pager">
      共 {props.total} 条 · 第 {props.pager.page} 页{' '}
      <button type="button" disabled={props.pager.page === 1} onClick={props.pager.previous}>上一页</button>
      <button type="button" disabled={!props.hasNext} onClick={() => props.pager.next(props.endCursor)}>下一页</button>
    </p>
  );
}

export function TaskList(props: { code: string; initiallyOverdue?: boolean }) {
  const flags = levelFlags(props.code);
  const [overdueOnly, setOverdueOnly] = useState(props.initiallyOverdue ?? false);
  const pager = usePager();
  const state = useQuery(JurisdictionTasksQuery, {
    code: props.code,
    city: flags.city,
    district: flags.district,
    street: flags.street,
    filter: overdueOnly ? { overdue: true } : null,
    after: pager.after,
  });
  return (
    <Section
      title="任务清单"
      subtitle="Tasks"
      state={state}
      testId="tasks"
      actions={
        <>
          <label>
            <input
              type="checkbox"
              checked={overdueOnly}
              onChange={(event) => {
                setOverdueOnly(event.target.checked);
                pager.reset();
              }}
            />{' '}
            仅逾期 overdue only
          </label>
          <ExportButtons list="tasks" params={{ jurisdiction: props.code, overdue: overdueOnly ? 'true' : undefined }} />
        </>
      }
    >
      {(data) => {
        const page = (data.city ?? data.district ?? data.street)?.tasks;
        if (!page) return <p className="muted">无此辖区 / no such jurisdiction</p>;
        return (
          <>
            <table>
              <thead>
                <tr><th>任务</th><th>责任人</th><th>截止</th><th>状态</th><th>进度</th></tr>
              </thead>
              <tbody>
                {page.edges.map(({ node }) => (
                  <tr key={node.id} className={node.overdue ? 'warn' : ''}>
                    <td><a href={href({ page: 'task', level: flags.level, id: node.id })}>{node.title}</a></td>
                    <td>{node.responsibleCadre.name}（{node.responsibleCadre.position}）</td>
                    <td>{node.dueDate}{node.overdue && <span className="tag warn">逾期</span>}</td>
                    <td>{TASK_STATUS[node.status]}</td>
                    <td>{node.progress}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager pager={pager} total={page.totalCount} hasNext={page.pageInfo.hasNextPage} endCursor={page.pageInfo.endCursor} />
          </>
        );
      }}
    </Section>
  );
}

export function DutyRecordList(props: { code: string }) {
  const flags = levelFlags(props.code);
  const pager = usePager();
  const state = useQuery(JurisdictionDutyRecordsQuery, {
    code: props.code,
    city: flags.city,
    district: flags.district,
    street: flags.street,
    after: pager.after,
  });
  return (
    <Section
      title="履职纪实"
      subtitle="Duty records"
      state={state}
      testId="duty-records"
      actions={<ExportButtons list="duty-records" params={{ jurisdiction: props.code }} />}
    >
      {(data) => {
        const page = (data.city ?? data.district ?? data.street)?.dutyRecords;
        if (!page) return <p className="muted">无此辖区 / no such jurisdiction</p>;
        return (
          <>
            <table>
              <thead>
                <tr><th>日期</th><th>类型</th><th>责任人</th><th>摘要</th><th>版本</th><th>佐证</th></tr>
              </thead>
              <tbody>
                {page.edges.map(({ node }) => (
                  <tr key={node.id}>
                    <td>{node.occurredOn}</td>
                    <td>{DUTY_RECORD_KIND[node.kind]}</td>
                    <td>{node.cadre.name}</td>
                    <td><a href={href({ page: 'duty-record', level: flags.level, id: node.id })}>{node.summary}</a></td>
                    <td>v{node.version}</td>
                    <td>{node.attachments.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager pager={pager} total={page.totalCount} hasNext={page.pageInfo.hasNextPage} endCursor={page.pageInfo.endCursor} />
          </>
        );
      }}
    </Section>
  );
}
