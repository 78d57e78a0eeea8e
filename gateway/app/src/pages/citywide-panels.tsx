import { useState } from 'react';
import { ExportButtons } from '../components/export-buttons';
import { Section } from '../components/section';
import { graphql } from '../gql';
import { href } from '../router';
import { useQuery } from '../use-query';

/*
 * 全市列表 Panels on the city-wide lists across the levels: one query each, whatever the number of
 * levels, districts or streets in the scope (the city: ["120000"]; a district: its own code).
 */

const MostOverdueTasksQuery = graphql(`
  query MostOverdueTasks($scope: [String!]) {
    citywideTasks(scope: $scope, filter: { overdue: true }, first: 10) {
      edges {
        level
        jurisdictionCode
        daysOverdue
        node { ... on Task { id title dueDate responsibleCadre { name position } } }
      }
    }
  }
`);

const CadresWithoutDutyRecordsQuery = graphql(`
  query CadresWithoutDutyRecordsOfScope($scope: [String!], $from: String!, $to: String!, $after: String) {
    citywideCadres(scope: $scope, filter: { noDutyRecordFrom: $from, noDutyRecordTo: $to }, first: 20, after: $after) {
      edges { level jurisdictionCode node { ... on Cadre { id name position } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const DistrictFiguresQuery = graphql(`
  query DistrictFiguresOfScope($scope: [String!]) {
    districtFigures(scope: $scope) {
      code
      name
      overdueTasks { district streets total }
      findingsNotRectified { district streets total }
      dutyRecords { district streets total }
    }
  }
`);

const OverdueDirectivesQuery = graphql(`
  query OverdueDirectivesOfScope($scope: [String!]) {
    citywideOverdueDirectives(scope: $scope, first: 20) {
      nodes {
        issuerCode
        deadline
        daysOverdue
        pendingAddressees { code name }
        directive { ... on Directive { id title } }
      }
    }
  }
`);

const LEVEL: Record<string, string> = { city: '市级', district: '区级', street: '街道(乡镇)' };

/** This quarter in Tianjin, as the figures count it: first day to today. */
export function thisQuarter(): { from: string; to: string } {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const month = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
  return { from: `${today.slice(0, 4)}-${String(month).padStart(2, '0')}-01`, to: today };
}

/** 逾期最久的 10 项任务 The ten most overdue tasks of the scope, across every level. */
export function MostOverdueTasksPanel(props: { scope: string[] }) {
  const state = useQuery(MostOverdueTasksQuery, { scope: props.scope });
  return (
    <Section
      title="逾期最久的任务"
      subtitle="The 10 most overdue tasks, every level"
      state={state}
      testId="most-overdue-tasks"
      actions={<ExportButtons list="citywide-tasks" params={{ scope: props.scope.join(','), overdue: 'true', limit: '10' }} />}
    >
      {(data) => (
        <table>
          <thead>
            <tr><th>逾期天数</th><th>任务</th><th>层级</th><th>辖区</th><th>责任人</th><th>截止日期</th></tr>
          </thead>
          <tbody>
            {data.citywideTasks.edges.map((edge) =>
              '__typename' in edge.node || 'id' in edge.node ? (
                <tr key={'id' in edge.node ? edge.node.id : edge.jurisdictionCode}>
                  <td className="warn">{edge.daysOverdue}</td>
                  <td>{'id' in edge.node ? <a href={href({ page: 'task', level: edge.level, id: edge.node.id })}>{edge.node.title}</a> : null}</td>
                  <td>{LEVEL[edge.level] ?? edge.level}</td>
                  <td>{edge.jurisdictionCode}</td>
                  <td>{'id' in edge.node ? edge.node.responsibleCadre?.name : null}</td>
                  <td>{'id' in edge.node ? edge.node.dueDate : null}</td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** 本季度无履职纪实的干部 Cadres with no duty record this quarter, paged. */
export function CadresWithoutDutyRecordsPanel(props: { scope: string[] }) {
  const [after, setAfter] = useState<string | null>(null);
  const period = thisQuarter();
  const state = useQuery(CadresWithoutDutyRecordsQuery, { scope: props.scope, ...period, after });
  return (
    <Section
      title="本季度无履职纪实的干部"
      subtitle={`Cadres with no duty record ${period.from} – ${period.to}`}
      state={state}
      testId="cadres-without-duty-records"
      actions={<ExportButtons list="citywide-cadres" params={{ scope: props.scope.join(','), noDutyRecordFrom: period.from, noDutyRecordTo: period.to }} />}
    >
      {(data) => (
        <>
          <table>
            <thead>
              <tr><th>姓名</th><th>职务</th><th>层级</th><th>辖区</th></tr>
            </thead>
            <tbody>
              {data.citywideCadres.edges.map((edge) =>
                'id' in edge.node ? (
                  <tr key={edge.node.id}>
                    <td>{edge.node.name}</td>
                    <td>{edge.node.position}</td>
                    <td>{LEVEL[edge.level] ?? edge.level}</td>
                    <td>{edge.jurisdictionCode}</td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
          <p className="pager">
            {after && <button type="button" onClick={() => setAfter(null)}>第一页</button>}
            {data.citywideCadres.pageInfo.hasNextPage && (
              <button type="button" onClick={() => setAfter(data.citywideCadres.pageInfo.endCursor ?? null)}>下一页</button>
            )}
          </p>
        </>
      )}
    </Section>
  );
}

/** 区合计 Per district, its own and its streets' figures in one row. */
export function DistrictFiguresPanel(props: { scope: string[] }) {
  const state = useQuery(DistrictFiguresQuery, { scope: props.scope });
  const cell = (count: { district: number; streets: number; total: number }) => (
    <td className={count.total > 0 ? 'warn' : ''} title={`区本级 ${count.district} + 街道 ${count.streets}`}>{count.total}</td>
  );
  return (
    <Section
      title="区合计（含街道）"
      subtitle="Per district, streets included · 逾期任务 / 未整改问题 / 本季度履职纪实"
      state={state}
      testId="district-figures"
      actions={<ExportButtons list="district-figures" params={{ scope: props.scope.join(',') }} />}
    >
      {(data) => (
        <table>
          <thead>
            <tr><th>区</th><th>逾期任务</th><th>未整改问题</th><th>本季度履职纪实</th></tr>
          </thead>
          <tbody>
            {data.districtFigures.map((row) => (
              <tr key={row.code}>
                <td><a href={href({ page: 'district', code: row.code })}>{row.name}</a></td>
                {cell(row.overdueTasks)}
                {cell(row.findingsNotRectified)}
                <td>{row.dutyRecords.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** 逾期未完成指令 Directives past their deadline with the addressees that have not completed. */
export function OverdueDirectivesPanel(props: { scope: string[] }) {
  const state = useQuery(OverdueDirectivesQuery, { scope: props.scope });
  return (
    <Section
      title="逾期未完成的指令"
      subtitle="Directives past their deadline, not completed"
      state={state}
      testId="overdue-directives"
      actions={<ExportButtons list="overdue-directives" params={{ scope: props.scope.join(',') }} />}
    >
      {(data) =>
        data.citywideOverdueDirectives.nodes.length === 0 ? (
          <p className="muted">无 / none</p>
        ) : (
          <table>
            <thead>
              <tr><th>任务</th><th>期限</th><th>逾期天数</th><th>未完成单位</th></tr>
            </thead>
            <tbody>
              {data.citywideOverdueDirectives.nodes.map((row) => (
                <tr key={'id' in row.directive ? row.directive.id : row.deadline}>
                  <td>{'title' in row.directive ? row.directive.title : null}</td>
                  <td>{row.deadline}</td>
                  <td className="warn">{row.daysOverdue}</td>
                  <td>{row.pendingAddressees.map((addressee) => addressee.name).join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    </Section>
  );
}
