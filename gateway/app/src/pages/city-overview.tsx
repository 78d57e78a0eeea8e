import { useMemo } from 'react';
import { ExportButtons } from '../components/export-buttons';
import { OverdueChart } from '../components/overdue-chart';
import { ProgressBar } from '../components/progress-bar';
import { Section } from '../components/section';
import { graphql } from '../gql';
import { CASE_STATUS, DECISION_FORM, FINDING_STATUS, FOLLOW_UP, GRADE, percent } from '../labels';
import { href } from '../router';
import { useQuery } from '../use-query';
import { CadresWithoutDutyRecordsPanel, DistrictFiguresPanel, MostOverdueTasksPanel, OverdueDirectivesPanel } from './citywide-panels';
import { FindingStatsRow, FINDING_STATS_HEADERS } from './finding-stats';

const CityRankingQuery = graphql(`
  query CityRanking {
    city {
      name
      districtRanking {
        rank
        district { code name }
        stats { total completed overdue completionRate }
        ownStats { total overdue }
        streetStats { total overdue }
      }
    }
  }
`);

const CityFindingsQuery = graphql(`
  query CityFindings {
    city {
      districts {
        code
        name
        cityFindingStats { total open reported sentBack accepted confirmed reopened overdue checkedButNotFixed }
        cityFindings(first: 20) {
          edges { node { id description deadline status overdue checkedButNotFixed reopenCount } }
        }
      }
    }
  }
`);

const CityDirectivesQuery = graphql(`
  query CityDirectives {
    city {
      issuedDirectives {
        id
        title
        deadline
        targetCodes
        progress { targets pending acknowledged inProgress completed averageProgress }
      }
    }
  }
`);

const CityAssessmentQuery = graphql(`
  query CityAssessment($year: Int!) {
    city {
      assessmentPlan(year: $year) {
        title
        status
        commendation { title publishedAt entries { rank unitName total } }
        interviews { id intervieweeName intervieweePosition heldOn interviewer followUpStatus }
      }
      assessmentRanking(year: $year) { id rank unitName jurisdictionCode total grade interviewRequired }
    }
  }
`);

const CityAccountabilityQuery = graphql(`
  query CityAccountability {
    city {
      accountabilityStats { total open decided byForm { form count } }
      accountabilityCases(first: 20) {
        totalCount
        edges {
          node {
            id
            title
            status
            subjectJurisdictionCode
            createdAt
            decision { form decidingBody decidedOn }
            subjectCadre { ... on Cadre { name position } }
          }
        }
      }
    }
  }
`);

/** The whole city, every level: the scope of the city-wide panels. */
const CITY_SCOPE = ['120000'];

/** The city commission's overview: every figure of the districts, one panel per question. */
export function CityOverview() {
  return (
    <>
      <RankingPanel />
      <DistrictFiguresPanel scope={CITY_SCOPE} />
      <MostOverdueTasksPanel scope={CITY_SCOPE} />
      <FindingsPanel />
      <DirectivesPanel />
      <OverdueDirectivesPanel scope={CITY_SCOPE} />
      <CadresWithoutDutyRecordsPanel scope={CITY_SCOPE} />
      <AssessmentPanel />
      <AccountabilityPanel />
    </>
  );
}

function RankingPanel() {
  const state = useQuery(CityRankingQuery, {});
  const ranking = state.status === 'done' ? (state.data.city?.districtRanking ?? []) : [];
  const chart = useMemo(
    () => ({
      categories: ranking.map((row) => row.district.name),
      series: [
        { name: '区本级 district', values: ranking.map((row) => row.ownStats.overdue) },
        { name: '街道(乡镇) streets', values: ranking.map((row) => row.streetStats.overdue) },
      ],
    }),
    [ranking],
  );
  return (
    <>
      <Section title="区排名" subtitle="District ranking · 任务完成率" state={state} testId="ranking" actions={<ExportButtons list="district-ranking" />}>
        {() => (
          <table>
            <thead>
              <tr><th>名次</th><th>区</th><th>任务</th><th>已完成</th><th>逾期</th><th>完成率</th><th>其中街道任务</th></tr>
            </thead>
            <tbody>
              {ranking.map((row) => (
                <tr key={row.district.code}>
                  <td>{row.rank}</td>
                  <td><a href={href({ page: 'district', code: row.district.code })}>{row.district.name}</a></td>
                  <td>{row.stats.total}</td>
                  <td>{row.stats.completed}</td>
                  <td className={row.stats.overdue > 0 ? 'warn' : ''}>{row.stats.overdue}</td>
                  <td>{percent(row.stats.completionRate)}</td>
                  <td>{row.streetStats.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title="逾期任务" subtitle="Overdue tasks by district and its streets (点击柱形进入该区)" state={state}>
        {() => (
          <OverdueChart
            categories={chart.categories}
            series={chart.series}
            onSelect={(index) => {
              const code = ranking[index]?.district.code;
              if (code) location.hash = href({ page: 'district', code });
            }}
          />
        )}
      </Section>
    </>
  );
}

function FindingsPanel() {
  const state = useQuery(CityFindingsQuery, {});
  return (
    <Section title="问题整改" subtitle="Findings by state · 查而不改 highlighted" state={state} testId="findings">
      {(data) => {
        const districts = data.city?.districts ?? [];
        const findings = districts.flatMap((d) => (d.cityFindings?.edges ?? []).map((e) => ({ district: d, finding: e.node })));
        return (
          <>
            <table>
              <thead>
                <tr><th>区</th>{FINDING_STATS_HEADERS.map((h) => <th key={h}>{h}</th>)}</tr>
              </thead>
              <tbody>
                {districts
                  .filter((d) => d.cityFindingStats === null || d.cityFindingStats.total > 0)
                  .map((d) => (
                    <FindingStatsRow key={d.code} label={d.name} stats={d.cityFindingStats} />
                  ))}
              </tbody>
            </table>
            <h3>市纪委监委发现的问题 Findings of the city</h3>
            <table>
              <thead>
                <tr><th>区</th><th>问题</th><th>整改期限</th><th>状态</th><th></th></tr>
              </thead>
              <tbody>
                {findings.map(({ district, finding }) => (
                  <tr key={finding.id} className={finding.checkedButNotFixed ? 'alarm' : ''}>
                    <td>{district.name}</td>
                    <td>{finding.description}</td>
                    <td>{finding.deadline}</td>
                    <td>{FINDING_STATUS[finding.status]}</td>
                    <td>
                      {finding.checkedButNotFixed && <span className="tag alarm">查而不改</span>}
                      {finding.overdue && <span className="tag warn">整改逾期</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ExportButtons list="findings" params={{ jurisdiction: '120000' }} />
          </>
        );
      }}
    </Section>
  );
}

/** Today in Tianjin (YYYY-MM-DD), as the platform counts deadlines. */
function tianjinToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function DirectivesPanel() {
  const state = useQuery(CityDirectivesQuery, {});
  const today = tianjinToday();
  return (
    <Section title="任务下达" subtitle="Directives in flight · 进度" state={state} testId="directives" actions={<ExportButtons list="directives" />}>
      {(data) => (
        <table>
          <thead>
            <tr><th>任务</th><th>期限</th><th>下达</th><th>未响应</th><th>已签收</th><th>办理中</th><th>已完成</th><th>平均进度</th></tr>
          </thead>
          <tbody>
            {(data.city?.issuedDirectives ?? []).map((d) => (
              <tr key={d.id}>
                <td>{d.title}</td>
                <td>
                  {d.deadline}
                  {d.progress && d.deadline < today && d.progress.completed < d.progress.targets && <span className="tag alarm">已过期限</span>}
                </td>
                {d.progress ? (
                  <>
                    <td>{d.progress.targets}</td>
                    <td className={d.progress.pending > 0 ? 'warn' : ''}>{d.progress.pending}</td>
                    <td>{d.progress.acknowledged}</td>
                    <td>{d.progress.inProgress}</td>
                    <td>{d.progress.completed}</td>
                    <td><ProgressBar value={d.progress.averageProgress} /></td>
                  </>
                ) : (
                  // The districts' answers come from the district level; it did not answer.
                  <td colSpan={6} className="muted">暂不可用 / unavailable</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function AssessmentPanel() {
  const year = new Date().getFullYear() - 1;
  const state = useQuery(CityAssessmentQuery, { year });
  return (
    <Section
      title={`${year}年度考核`}
      subtitle="Last year's assessment · 通报表扬 · 约谈"
      state={state}
      testId="assessment"
      actions={<ExportButtons list="assessment" params={{ year: String(year) }} />}
    >
      {(data) => {
        const plan = data.city?.assessmentPlan;
        if (!plan) return <p className="muted">本年度无考核方案 / no assessment plan for {year}</p>;
        return (
          <div className="columns">
            <div>
              <h3>{plan.title}</h3>
              <table>
                <thead>
                  <tr><th>名次</th><th>单位</th><th>总分</th><th>等次</th><th>约谈</th></tr>
                </thead>
                <tbody>
                  {(data.city?.assessmentRanking ?? []).map((sheet) => (
                    <tr key={sheet.id} className={sheet.interviewRequired ? 'warn' : ''}>
                      <td>{sheet.rank}</td>
                      <td>{sheet.unitName}</td>
                      <td>{sheet.total?.toFixed(2)}</td>
                      <td>{sheet.grade ? GRADE[sheet.grade] : ''}</td>
                      <td>{sheet.interviewRequired ? '需约谈' : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <h3>通报表扬 Commendation</h3>
              {plan.commendation ? (
                <>
                  <p>{plan.commendation.title}</p>
                  <ol>
                    {plan.commendation.entries.map((entry) => (
                      <li key={entry.unitName}>{entry.unitName}（{entry.total.toFixed(2)}分）</li>
                    ))}
                  </ol>
                </>
              ) : (
                <p className="muted">未发布 / not published</p>
              )}
              <h3>约谈 Interviews</h3>
              <ul>
                {plan.interviews.map((interview) => (
                  <li key={interview.id} className={interview.followUpStatus === 'CONFIRMED' ? '' : 'warn'}>
                    {interview.heldOn} {interview.intervieweeName}（{interview.intervieweePosition}）· {interview.interviewer} ·{' '}
                    <strong>{FOLLOW_UP[interview.followUpStatus]}</strong>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        );
      }}
    </Section>
  );
}

function AccountabilityPanel() {
  const state = useQuery(CityAccountabilityQuery, {});
  return (
    <Section
      title="问责"
      subtitle="Accountability cases"
      state={state}
      testId="accountability"
      actions={<ExportButtons list="accountability-cases" params={{ jurisdiction: '120000' }} />}
    >
      {(data) => {
        const stats = data.city?.accountabilityStats;
        return (
          <>
            {stats && (
              <p>
                共 {stats.total} 件：办理中 {stats.open}，已决定 {stats.decided}
                {stats.byForm
                  .filter((f) => f.count > 0)
                  .map((f) => `；${DECISION_FORM[f.form]} ${f.count}`)
                  .join('')}
              </p>
            )}
            <table>
              <thead>
                <tr><th>案件</th><th>对象</th><th>辖区</th><th>状态</th><th>处理</th></tr>
              </thead>
              <tbody>
                {(data.city?.accountabilityCases.edges ?? []).map(({ node }) => (
                  <tr key={node.id}>
                    <td>{node.title}</td>
                    <td>{node.subjectCadre ? `${node.subjectCadre.name}（${node.subjectCadre.position}）` : ''}</td>
                    <td>{node.subjectJurisdictionCode}</td>
                    <td>{CASE_STATUS[node.status]}</td>
                    <td>{node.decision ? `${DECISION_FORM[node.decision.form]} · ${node.decision.decidingBody} · ${node.decision.decidedOn}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        );
      }}
    </Section>
  );
}
