import type { AccountabilityBasisEntity, AccountabilityCaseEntity } from '../accountability/accountability.entity';
import { asCitedColumns, snapshotOf } from '../accountability/basis-snapshot';
import type { BasisRecordConcept } from '../accountability/accountability.enums';
import type { Division } from '../jurisdiction/divisions';
import { daysFromToday, timestampDaysAgo } from './demo-dates';
import { demoId } from './demo-ids';
import { unitTemplatesFor } from './demo-org';
import { demoRecords } from './demo-records';
import type { DemoSupervision } from './demo-supervision';

export interface DemoAccountability {
  cases: Omit<AccountabilityCaseEntity, never>[];
  basis: Omit<AccountabilityBasisEntity, never>[];
}

/**
 * 问责依据在线倒查, in the demo: the city holds the principal leader of a district party committee
 * to account because a finding of the city's check was re-opened by the follow-up (查而不改) and a
 * task on the committee's own list has no duty record at all. The basis cites the city's finding,
 * the district's rectification report and the district's task, so tracing it crosses two levels.
 */
export function demoAccountability(divisions: Division[], supervision: DemoSupervision, today = new Date()): DemoAccountability {
  const finding = supervision.findings.find(
    (candidate) => candidate.jurisdictionCode === '120000' && candidate.status === 'REOPENED' && candidate.unitJurisdictionCode !== '120000',
  );
  if (!finding) return { cases: [], basis: [] };
  const district = divisions.find((division) => division.code === finding.unitJurisdictionCode)!;
  const records = demoRecords([district], unitTemplatesFor, today);
  const idle = records.tasks.find(
    (task) =>
      records.items.find((item) => item.id === task.responsibilityItemId)?.unitId === finding.unitId &&
      !records.dutyRecords.some((record) => record.taskId === task.id),
  );
  const principal = records.cadres.find((cadre) => cadre.unitId === finding.unitId && cadre.principal)!;
  const caseId = demoId(`accountability-case:120000:${finding.id}`);
  const decidedAt = timestampDaysAgo(2, today);
  // The case opens, and cites the finding as 查而不改, after the follow-up re-opened it (five days ago), never before.
  const openedAt = timestampDaysAgo(4, today);
  /*
   * Each citation keeps what its record was when cited, as the platform keeps it (basis-snapshot.ts):
   * the demo's records are its starting state, unchanged since, so the trace shows each as cited
   * and as now alike. Demo rows leave no audit entries, so no entry is named.
   */
  const cited = (
    position: number,
    fields: Pick<AccountabilityBasisEntity, 'kind' | 'recordLevel' | 'recordType' | 'recordId' | 'recordOwnerCode' | 'note'>,
    snapshot: Record<string, unknown>,
  ) => ({
    id: demoId(`accountability-basis:${caseId}:${position}`),
    caseId,
    ownerCode: '120000',
    position,
    citedBy: 'demo-120000-commission',
    citedAt: openedAt,
    ...fields,
    ...asCitedColumns('sha256', { recordLevel: fields.recordLevel, recordType: fields.recordType, recordId: fields.recordId, citedAt: openedAt }, { snapshot, trail: [] }),
  });
  const snapshot = (concept: BasisRecordConcept, record: object, extra?: Record<string, unknown>) => snapshotOf(concept, record, extra);
  const report = supervision.reports.find((candidate) => candidate.id === finding.lastReportId);
  const basis = [
    cited(
      0,
      { kind: 'SUPERVISION_FINDING', recordLevel: 'city', recordType: 'SupervisionFinding', recordId: finding.id, recordOwnerCode: '120000', note: '回头看发现整改不彻底，查而不改' },
      snapshot('SupervisionFinding', finding),
    ),
    ...(report
      ? [
          cited(
            1,
            { kind: 'RECTIFICATION_REPORT', recordLevel: 'district', recordType: 'RectificationReport', recordId: report.id, recordOwnerCode: district.code, note: '整改报告所称措施未落实' },
            snapshot('RectificationReport', report),
          ),
        ]
      : []),
    ...(idle
      ? [
          cited(
            2,
            { kind: 'MISSING_DUTY_RECORD', recordLevel: 'district', recordType: 'Task', recordId: idle.id, recordOwnerCode: district.code, note: '任务清单事项无任何履职纪实' },
            // A task's version starts at 1; the absence cited is its count of duty records.
            snapshot('Task', { ...idle, version: 1 }, { dutyRecordCount: 0 }),
          ),
        ]
      : []),
  ];
  return {
    cases: [
      {
        id: caseId,
        jurisdictionCode: '120000',
        subjectJurisdictionCode: district.code,
        subjectUnitId: finding.unitId,
        subjectCadreId: principal.id,
        responsibilityKind: 'PRIMARY',
        title: `${district.name}党委主要负责人落实主体责任不力问责`,
        facts: `市纪委监委第二监督检查室检查发现“${finding.description}”，整改报告后经“回头看”复查仍未整改到位；其主体责任清单中的任务至今无履职纪实。`,
        status: 'DECIDED',
        decisionForm: 'ADMONITION',
        decidingBody: '中共天津市纪律检查委员会',
        decidedOn: daysFromToday(-2, today),
        decisionText: '对其予以诫勉，责令限期完成整改并作出书面检查。',
        decidedBy: 'demo-120000-commission',
        decidedAt,
        openedBy: 'demo-120000-commission',
        createdAt: openedAt,
        updatedAt: decidedAt,
      } as AccountabilityCaseEntity,
    ],
    basis: basis as AccountabilityBasisEntity[],
  };
}
