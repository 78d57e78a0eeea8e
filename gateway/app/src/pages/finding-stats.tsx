import { FINDING_STATUS } from '../labels';

export interface FindingStats {
  total: number;
  open: number;
  reported: number;
  sentBack: number;
  accepted: number;
  confirmed: number;
  reopened: number;
  overdue: number;
  checkedButNotFixed: number;
}

export const FINDING_STATS_HEADERS = [
  '问题总数',
  FINDING_STATUS.OPEN!,
  FINDING_STATUS.REPORTED!,
  FINDING_STATUS.SENT_BACK!,
  FINDING_STATUS.ACCEPTED!,
  FINDING_STATUS.CONFIRMED!,
  FINDING_STATUS.REOPENED!,
  '整改逾期',
  '查而不改',
];

/** One row of findings by state; 查而不改 (re-opened after a follow-up) stands out. */
export function FindingStatsRow(props: { label: string; stats: FindingStats | null }) {
  const s = props.stats;
  // null: the level that keeps these findings did not answer (a level down is a field down).
  if (!s) {
    return (
      <tr>
        <td>{props.label}</td>
        <td colSpan={FINDING_STATS_HEADERS.length} className="muted">暂不可用 / unavailable</td>
      </tr>
    );
  }
  return (
    <tr>
      <td>{props.label}</td>
      <td>{s.total}</td>
      <td>{s.open}</td>
      <td>{s.reported}</td>
      <td>{s.sentBack}</td>
      <td>{s.accepted}</td>
      <td>{s.confirmed}</td>
      <td>{s.reopened}</td>
      <td className={s.overdue > 0 ? 'warn' : ''}>{s.overdue}</td>
      <td className={s.checkedButNotFixed > 0 ? 'alarm' : ''}>{s.checkedButNotFixed}</td>
    </tr>
  );
}
