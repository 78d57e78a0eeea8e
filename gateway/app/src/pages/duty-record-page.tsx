import { useState } from 'react';
import { Section } from '../components/section';
import { graphql } from '../gql';
import { runQuery } from '../graphql-client';
import { DUTY_RECORD_KIND } from '../labels';
import { href } from '../router';
import { useSession } from '../session-context';
import { useQuery } from '../use-query';

const DutyRecordDetailQuery = graphql(`
  query DutyRecordDetail($id: ID!, $city: Boolean!, $district: Boolean!, $street: Boolean!) {
    cityDutyRecord(id: $id) @include(if: $city) { ...DutyRecordDetailFields versions { ...DutyRecordVersion } }
    districtDutyRecord(id: $id) @include(if: $district) { ...DutyRecordDetailFields versions { ...DutyRecordVersion } }
    streetDutyRecord(id: $id) @include(if: $street) { ...DutyRecordDetailFields versions { ...DutyRecordVersion } }
  }
  fragment DutyRecordDetailFields on DutyRecord {
    id
    recordId
    version
    latest
    kind
    occurredOn
    summary
    correctionReason
    recordedBy
    createdAt
    taskId
    jurisdictionCode
    cadre { name position }
    attachments { id name contentType size sha256 }
  }
  fragment DutyRecordVersion on DutyRecord {
    id
    version
    summary
    correctionReason
    createdAt
  }
`);

const AttachmentContentQuery = graphql(`
  query AttachmentContent($id: ID!, $city: Boolean!, $district: Boolean!, $street: Boolean!) {
    cityAttachmentContent(id: $id) @include(if: $city)
    districtAttachmentContent(id: $id) @include(if: $district)
    streetAttachmentContent(id: $id) @include(if: $street)
  }
`);

/** One duty record with its evidence files (downloadable) and every version. */
export function DutyRecordPage(props: { level: string; id: string }) {
  const flags = { city: props.level === 'city', district: props.level === 'district', street: props.level === 'street' };
  const state = useQuery(DutyRecordDetailQuery, { id: props.id, ...flags });
  return (
    <Section title="履职纪实" subtitle="Duty record · 佐证材料" state={state} testId="duty-record">
      {(data) => {
        const record = data.cityDutyRecord ?? data.districtDutyRecord ?? data.streetDutyRecord;
        if (!record) return <p className="muted">无此记录或无权查看 / no such record, or not yours to read</p>;
        return (
          <>
            <dl>
              <dt>日期</dt><dd>{record.occurredOn}</dd>
              <dt>类型</dt><dd>{DUTY_RECORD_KIND[record.kind]}</dd>
              <dt>责任人</dt><dd>{record.cadre.name}（{record.cadre.position}）</dd>
              <dt>摘要</dt><dd data-testid="duty-record-summary">{record.summary}</dd>
              <dt>版本</dt><dd>v{record.version}{record.latest ? '（最新）' : ''}{record.correctionReason && ` · 更正原因：${record.correctionReason}`}</dd>
              <dt>记录人</dt><dd>{record.recordedBy} · {record.createdAt}</dd>
              {record.taskId && (
                <>
                  <dt>任务</dt><dd><a href={href({ page: 'task', level: props.level, id: record.taskId })}>查看任务 view task</a></dd>
                </>
              )}
            </dl>
            <h3>佐证材料 Evidence</h3>
            {record.attachments.length === 0 && <p className="muted">无 / none</p>}
            <table>
              <tbody>
                {record.attachments.map((file) => (
                  <tr key={file.id} data-testid="evidence">
                    <td><EvidenceLink {...file} flags={flags} /></td>
                    <td>{file.contentType}</td>
                    <td>{(file.size / 1024).toFixed(1)} KiB</td>
                    <td className="mono" title="SHA-256">{file.sha256.slice(0, 16)}…</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h3>版本 Versions</h3>
            <ol>
              {record.versions.map((v) => (
                <li key={v.id}>v{v.version} · {v.createdAt} · {v.summary}{v.correctionReason && `（${v.correctionReason}）`}</li>
              ))}
            </ol>
          </>
        );
      }}
    </Section>
  );
}

function EvidenceLink(props: { id: string; name: string; contentType: string; flags: { city: boolean; district: boolean; street: boolean } }) {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const open = async () => {
    try {
      const data = await runQuery(AttachmentContentQuery, { id: props.id, ...props.flags }, session.token);
      const base64 = data.cityAttachmentContent ?? data.districtAttachmentContent ?? data.streetAttachmentContent;
      if (!base64) throw new Error('无内容 / no content');
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([bytes], { type: props.contentType }));
      link.download = props.name;
      link.click();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <>
      <button type="button" className="link" onClick={() => void open()}>{props.name}</button>
      {error && <span className="error">{error}</span>}
    </>
  );
}
