import { Section } from '../components/section';
import { graphql } from '../gql';
import { percent, STREET_KIND } from '../labels';
import { href } from '../router';
import { useQuery } from '../use-query';
import { DutyRecordList, TaskList } from './jurisdiction-lists';

const StreetOverviewQuery = graphql(`
  query StreetOverview($code: ID!) {
    street(code: $code) {
      code
      name
      kind
      district { code name }
      taskStats { total completed overdue completionRate }
    }
  }
`);

export function StreetPage(props: { code: string }) {
  const state = useQuery(StreetOverviewQuery, { code: props.code });
  const name = state.status === 'done' ? state.data.street?.name : undefined;
  return (
    <>
      <Section title={name ?? '街道(乡镇)'} subtitle="Street-level division · 街道(乡镇)" state={state} testId="street">
        {(data) =>
          data.street ? (
            <>
              <p className="crumbs">
                {data.street.district && <><a href={href({ page: 'district', code: data.street.district.code })}>{data.street.district.name}</a> › </>}<strong>{data.street.name}</strong>（{STREET_KIND[data.street.kind] ?? data.street.kind}）
              </p>
              <p>
                任务 {data.street.taskStats.total} 项，已完成 {data.street.taskStats.completed}，逾期{' '}
                <strong className="warn">{data.street.taskStats.overdue}</strong>，完成率 {percent(data.street.taskStats.completionRate)}
              </p>
            </>
          ) : (
            <p className="muted">无此街道 / no such street</p>
          )
        }
      </Section>
      <TaskList code={props.code} />
      <DutyRecordList code={props.code} />
    </>
  );
}
