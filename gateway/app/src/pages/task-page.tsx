import { Section } from '../components/section';
import { graphql } from '../gql';
import { DUTY_RECORD_KIND, TASK_STATUS } from '../labels';
import { href } from '../router';
import { useQuery } from '../use-query';

const TaskDetailQuery = graphql(`
  query TaskDetail($id: ID!, $city: Boolean!, $district: Boolean!, $street: Boolean!) {
    cityTask(id: $id) @include(if: $city) { ...TaskDetailFields dutyRecords { ...TaskDutyRecord } }
    districtTask(id: $id) @include(if: $district) { ...TaskDetailFields dutyRecords { ...TaskDutyRecord } }
    streetTask(id: $id) @include(if: $street) { ...TaskDetailFields dutyRecords { ...TaskDutyRecord } }
  }
  fragment TaskDetailFields on Task {
    id
    title
    description
    dueDate
    status
    progress
    overdue
    jurisdictionCode
    responsibleCadre { name position }
    responsibilityItem { content category { name } }
    milestones { id title dueDate done }
  }
  fragment TaskDutyRecord on DutyRecord {
    id
    occurredOn
    kind
    summary
    version
    attachments { id name }
  }
`);

export function TaskPage(props: { level: string; id: string }) {
  const state = useQuery(TaskDetailQuery, {
    id: props.id,
    city: props.level === 'city',
    district: props.level === 'district',
    street: props.level === 'street',
  });
  return (
    <Section title="任务" subtitle="Task · 履职纪实" state={state} testId="task">
      {(data) => {
        const task = data.cityTask ?? data.districtTask ?? data.streetTask;
        if (!task) return <p className="muted">无此任务或无权查看 / no such task, or not yours to read</p>;
        const jurisdiction = props.level === 'street' ? { page: 'street' as const, code: task.jurisdictionCode } : { page: 'district' as const, code: task.jurisdictionCode };
        return (
          <>
            <p className="crumbs">
              {props.level !== 'city' && <a href={href(jurisdiction)}>{task.jurisdictionCode}</a>} › <strong>{task.title}</strong>
            </p>
            <dl>
              <dt>责任清单</dt><dd>{task.responsibilityItem.category.name} · {task.responsibilityItem.content}</dd>
              <dt>说明</dt><dd>{task.description}</dd>
              <dt>责任人</dt><dd>{task.responsibleCadre.name}（{task.responsibleCadre.position}）</dd>
              <dt>截止</dt><dd>{task.dueDate}{task.overdue && <span className="tag warn">逾期</span>}</dd>
              <dt>状态</dt><dd>{TASK_STATUS[task.status]} · {task.progress}%</dd>
            </dl>
            <h3>节点 Milestones</h3>
            <ul>
              {task.milestones.map((m) => (
                <li key={m.id}>{m.done ? '☑' : '☐'} {m.dueDate} {m.title}</li>
              ))}
            </ul>
            <h3>履职纪实 Duty records</h3>
            {task.dutyRecords.length === 0 && <p className="warn">无履职纪实 / no duty record</p>}
            <ul>
              {task.dutyRecords.map((record) => (
                <li key={record.id}>
                  {record.occurredOn} · {DUTY_RECORD_KIND[record.kind]} ·{' '}
                  <a href={href({ page: 'duty-record', level: props.level, id: record.id })}>{record.summary}</a>
                  {record.attachments.length > 0 && <span className="muted">（佐证 {record.attachments.length} 份）</span>}
                </li>
              ))}
            </ul>
          </>
        );
      }}
    </Section>
  );
}
