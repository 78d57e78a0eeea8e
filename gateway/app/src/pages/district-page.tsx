import { useMemo } from 'react';
import { OverdueChart } from '../components/overdue-chart';
import { ProgressBar } from '../components/progress-bar';
import { Section } from '../components/section';
import { graphql } from '../gql';
import { percent, STREET_KIND } from '../labels';
import { href } from '../router';
import { useQuery } from '../use-query';
import { FindingStatsRow, FINDING_STATS_HEADERS } from './finding-stats';
import { CadresWithoutDutyRecordsPanel, MostOverdueTasksPanel } from './citywide-panels';
import { DutyRecordList, TaskList } from './jurisdiction-lists';

const DistrictOverviewQuery = graphql(`
  query DistrictOverview($code: ID!) {
    district(code: $code) {
      code
      name
      taskStats { total completed overdue completionRate }
      streetTaskStats { street { code name kind } stats { total completed overdue completionRate } }
    }
  }
`);

const DistrictFindingsQuery = graphql(`
  query DistrictFindings($code: ID!) {
    district(code: $code) {
      cityFindingStats { total open reported sentBack accepted confirmed reopened overdue checkedButNotFixed }
      districtFindingStats { total open reported sentBack accepted confirmed reopened overdue checkedButNotFixed }
      streets {
        code
        name
        districtFindingStats { total open reported sentBack accepted confirmed reopened overdue checkedButNotFixed }
      }
    }
  }
`);

const DistrictDirectivesQuery = graphql(`
  query DistrictDirectives($code: ID!) {
    district(code: $code) {
      issuedDirectives { id title deadline progress { targets pending completed averageProgress } }
    }
  }
`);

/** A district: its figures, its streets (drill down), its findings, directives and lists. */
export function DistrictPage(props: { code: string }) {
  const state = useQuery(DistrictOverviewQuery, { code: props.code });
  const district = state.status === 'done' ? state.data.district : null;
  const streets = district?.streetTaskStats ?? [];
  const chart = useMemo(
    () => ({
      categories: streets.map((row) => row.street.name),
      series: [{ name: '逾期任务 overdue', values: streets.map((row) => row.stats.overdue) }],
    }),
    [streets],
  );
  return (
    <>
      <Section title={district ? district.name : '区'} subtitle="District · 区本级与各街道(乡镇)" state={state} testId="district">
        {() =>
          district ? (
            <>
              <p>
                区本级任务 {district.taskStats.total} 项，已完成 {district.taskStats.completed}，逾期{' '}
                <strong className="warn">{district.taskStats.overdue}</strong>，完成率 {percent(district.taskStats.completionRate)}
              </p>
              <OverdueChart
                categories={chart.categories}
                series={chart.series}
                onSelect={(index) => {
                  const code = streets[index]?.street.code;
                  if (code) location.hash = href({ page: 'street', code });
                }}
              />
              <table>
                <thead>
                  <tr><th>街道(乡镇)</th><th>类型</th><th>任务</th><th>已完成</th><th>逾期</th><th>完成率</th></tr>
                </thead>
                <tbody>
                  {streets.map(({ street, stats }) => (
                    <tr key={street.code}>
                      <td><a href={href({ page: 'street', code: street.code })}>{street.name}</a></td>
                      <td>{STREET_KIND[street.kind] ?? street.kind}</td>
                      <td>{stats.total}</td>
                      <td>{stats.completed}</td>
                      <td className={stats.overdue > 0 ? 'warn' : ''}>{stats.overdue}</td>
                      <td>{percent(stats.completionRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="muted">无此区 / no such district</p>
          )
        }
      </Section>
      <DistrictFindingsPanel code={props.code} />
      <DistrictDirectivesPanel code={props.code} />
      <MostOverdueTasksPanel scope={[props.code]} />
      <CadresWithoutDutyRecordsPanel scope={[props.code]} />
      <TaskList code={props.code} />
      <DutyRecordList code={props.code} />
    </>
  );
}

function DistrictFindingsPanel(props: { code: string }) {
  const state = useQuery(DistrictFindingsQuery, { code: props.code });
  return (
    <Section title="问题整改" subtitle="Findings by state · 查而不改 highlighted" state={state} testId="district-findings">
      {(data) => {
        const district = data.district;
        if (!district) return null;
        return (
          <table>
            <thead>
              <tr><th>被检查单位</th>{FINDING_STATS_HEADERS.map((h) => <th key={h}>{h}</th>)}</tr>
            </thead>
            <tbody>
              <FindingStatsRow label="区本级（市纪委监委检查）" stats={district.cityFindingStats} />
              <FindingStatsRow label="区本级（区纪委监委检查）" stats={district.districtFindingStats} />
              {(district.streets ?? [])
                .filter((s) => s.districtFindingStats === null || s.districtFindingStats.total > 0)
                .map((s) => (
                  <FindingStatsRow key={s.code} label={s.name} stats={s.districtFindingStats} />
                ))}
            </tbody>
          </table>
        );
      }}
    </Section>
  );
}

function DistrictDirectivesPanel(props: { code: string }) {
  const state = useQuery(DistrictDirectivesQuery, { code: props.code });
  return (
    <Section title="向街道下达的任务" subtitle="Directives to the streets" state={state}>
      {(data) => {
        const directives = data.district?.issuedDirectives ?? [];
        if (directives.length === 0) return <p className="muted">无 / none</p>;
        return (
          <table>
            <thead>
              <tr><th>任务</th><th>期限</th><th>下达</th><th>未响应</th><th>已完成</th><th>平均进度</th></tr>
            </thead>
            <tbody>
              {directives.map((d) => (
                <tr key={d.id}>
                  <td>{d.title}</td>
                  <td>{d.deadline}</td>
                  {d.progress ? (
                    <>
                      <td>{d.progress.targets}</td>
                      <td>{d.progress.pending}</td>
                      <td>{d.progress.completed}</td>
                      <td><ProgressBar value={d.progress.averageProgress} /></td>
                    </>
                  ) : (
                    // The streets' answers come from the street level; it did not answer.
                    <td colSpan={4} className="muted">暂不可用 / unavailable</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        );
      }}
    </Section>
  );
}
