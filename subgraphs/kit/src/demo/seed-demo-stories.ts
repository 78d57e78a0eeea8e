import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AssessmentCommendationEntity,
  AssessmentCommitmentEntity,
  AssessmentFollowUpEntity,
  AssessmentInterviewEntity,
  AssessmentPlanEntity,
  AssessmentSheetEntity,
} from '../assessment/assessment.entity';
import { DutyReportQuestionEntity, DutyReportReporterEntity, DutyReportSessionEntity } from '../duty-report/duty-report.entity';
import { levelOfCode, type Level } from '../jurisdiction/admin-code';
import type { Division } from '../jurisdiction/divisions';
import {
  RectificationReportEntity,
  SupervisionCheckEntity,
  SupervisionContactEntity,
  SupervisionFindingEntity,
  SupervisionFindingEventEntity,
  SupervisionOfficeEntity,
  SupervisionPlanEntity,
} from '../supervision/supervision.entities';
import { AccountabilityBasisEntity, AccountabilityCaseEntity } from '../accountability/accountability.entity';
import { demoAccountability } from './demo-accountability';
import { demoAssessment } from './demo-assessment';
import { demoDutyReportSession } from './demo-duty-reports';
import { demoSupervision } from './demo-supervision';
import { demoStationed } from './demo-stationed';
import { StationedEngagementEntity, StationedGroupEntity } from '../supervision/stationed/stationed.entities';
import { UnitEntity } from '../org/unit.entity';
import { CadreEntity } from '../org/cadre.entity';

/** Inserts the rows (parents before children) when there are any; insertMany refuses an empty list. */
async function insert<T extends object>(em: EntityManager, entity: new (...args: never[]) => T, rows: object[]): Promise<void> {
  if (rows.length > 0) await em.insertMany(entity, rows as T[]);
}

/**
 * The supervision and assessment stories of the source article, each level inserting its own
 * part: 述责述廉 and supervision of streets in 宁河区's district records, the city's supervision and
 * its finished assessment in the city's, and rectification reports wherever the reporting unit
 * keeps its records. Every side computes the same story, so ids agree across databases.
 */
export async function seedDemoStories(em: EntityManager, level: Level, divisions: Division[], today: Date): Promise<string> {
  const at = (code: string) => levelOfCode(code) === level;
  const parts: string[] = [];

  const session = demoDutyReportSession(divisions, today);
  if (at(session.session.ownerCode)) {
    await insert(em, DutyReportSessionEntity, [session.session]);
    await insert(em, DutyReportReporterEntity, session.reporters);
    await insert(em, DutyReportQuestionEntity, session.questions);
    parts.push(`1 duty-report session (${session.reporters.length} reporters)`);
  }

  const supervision = demoSupervision(divisions, today);
  const own = <T extends { jurisdictionCode: string }>(rows: T[]) => rows.filter((row) => at(row.jurisdictionCode));
  const findings = own(supervision.findings);
  await insert(em, SupervisionOfficeEntity, own(supervision.offices));
  const officeIds = new Set(own(supervision.offices).map((office) => office.id));
  await insert(em, SupervisionContactEntity, supervision.contacts.filter((contact) => officeIds.has(contact.officeId)));
  await insert(em, SupervisionPlanEntity, own(supervision.plans));
  await insert(em, SupervisionCheckEntity, own(supervision.checks));
  await insert(em, SupervisionFindingEntity, findings);
  const findingIds = new Set(findings.map((finding) => finding.id));
  await insert(em, SupervisionFindingEventEntity, supervision.events.filter((event) => findingIds.has(event.findingId)));
  const reports = own(supervision.reports);
  await insert(em, RectificationReportEntity, reports);
  if (findings.length > 0) parts.push(`${findings.length} findings`);
  if (reports.length > 0) parts.push(`${reports.length} rectification reports`);

  const assessment = demoAssessment(divisions, today);
  if (at(assessment.plan.assessorCode)) {
    await insert(em, AssessmentPlanEntity, [assessment.plan]);
    await insert(em, AssessmentSheetEntity, assessment.sheets);
    await insert(em, AssessmentCommendationEntity, [assessment.commendation]);
    await insert(em, AssessmentInterviewEntity, assessment.interviews);
    await insert(em, AssessmentFollowUpEntity, assessment.followUps);
    await insert(em, AssessmentCommitmentEntity, assessment.commitments);
    parts.push(`a finalized ${assessment.plan.year} assessment (${assessment.sheets.length} sheets, ${assessment.interviews.length} interviews)`);
  }
  // 派驻纪检监察组 at the supervising levels: the unit and the group before the engagement, the engagement before its check.
  if (level !== 'street') {
    const stationed = demoStationed(divisions, today);
    await insert(em, UnitEntity, own(stationed.units));
    await insert(em, CadreEntity, own(stationed.cadres));
    await insert(em, StationedGroupEntity, own(stationed.groups));
    await insert(em, StationedEngagementEntity, own(stationed.engagements));
    await insert(em, SupervisionCheckEntity, own(stationed.checks));
    await insert(em, SupervisionFindingEntity, own(stationed.findings));
    const stationedFindings = new Set(own(stationed.findings).map((finding) => finding.id));
    await insert(em, SupervisionFindingEventEntity, stationed.events.filter((event) => stationedFindings.has(event.findingId)));
    await insert(em, RectificationReportEntity, own(stationed.reports));
    parts.push(`${own(stationed.groups).length} stationed groups`);
  }

  const accountability = demoAccountability(divisions, supervision, today);
  const cases = own(accountability.cases);
  await insert(em, AccountabilityCaseEntity, cases);
  await insert(em, AccountabilityBasisEntity, accountability.basis.filter((entry) => cases.some((row) => row.id === entry.caseId)));
  if (cases.length > 0) parts.push(`${cases.length} decided accountability case`);
  return parts.join(', ');
}
