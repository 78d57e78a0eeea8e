import type { EntityManager } from '@mikro-orm/postgresql';
import { AttachmentEntity } from '../attachment/attachment.entity';
import { EvidenceContentEntity } from '../attachment/evidence-content.entity';
import { DirectiveResponseEntity } from '../directive/directive-response.entity';
import { DirectiveEntity } from '../directive/directive.entity';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import type { Level } from '../jurisdiction/admin-code';
import { readDivisions } from '../jurisdiction/divisions';
import { CadreEntity } from '../org/cadre.entity';
import { UnitEntity } from '../org/unit.entity';
import { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import { MilestoneEntity } from '../task/milestone.entity';
import { TaskEntity } from '../task/task.entity';
import { createHash } from 'node:crypto';
import { answeredDirectiveByJurisdiction, demoDirectivePlan } from './demo-directives';
import { demoId } from './demo-ids';
import { demoItemId, demoRecords } from './demo-records';
import { unitTemplatesFor } from './demo-org';
import { seedDemoStories } from './seed-demo-stories';
import { demoToday, timestampDaysAgo } from './demo-dates';

function evidence(ownerType: 'DUTY_RECORD' | 'DIRECTIVE_RESPONSE', ownerId: string, ownerCode: string, name: string, text: string, createdAt: Date) {
  const content = Buffer.from(text, 'utf8');
  return {
    id: demoId(`attachment:${ownerId}`),
    ownerType,
    ownerId,
    ownerCode,
    name,
    contentType: 'text/plain',
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    digest: createHash('sha256').update(content).digest('hex'),
    content,
    createdAt,
  };
}

/** Evidence rows and their contents (stored once per content, before the rows that point at it). */
async function insertEvidence(em: EntityManager, files: ReturnType<typeof evidence>[]): Promise<void> {
  if (files.length === 0) return;
  const contents = new Map(files.map((file) => [file.sha256, { sha256: file.sha256, size: file.size, content: file.content, createdAt: file.createdAt }]));
  await em.insertMany(EvidenceContentEntity, [...contents.values()]);
  await em.insertMany(AttachmentEntity, files.map(({ content: _content, ...row }) => row));
}

/**
 * Fills one level's empty database with the demo: units and leadership teams, responsibility
 * lists, tasks in every status, duty records (some corrected), and that level's part of the
 * directives in flight, and its part of the supervision and assessment stories. Demo rows are
 * the starting state, not changes, so they leave no audit entries. Skipped when the level already has units.
 */
export async function seedDemoData(em: EntityManager, level: Level): Promise<string> {
  if ((await em.count(UnitEntity)) > 0) return 'demo data present, skipped';
  const divisions = readDivisions();
  const jurisdictions = divisions.filter((division) => division.level === level);
  const today = demoToday();
  const records = demoRecords(jurisdictions, unitTemplatesFor, today);
  const plan = demoDirectivePlan(divisions, today);
  // The leading unit's first task answers the directive addressed to its jurisdiction (linked levels).
  const answered = answeredDirectiveByJurisdiction(plan);
  const directiveOf = (task: { jurisdictionCode: string; responsibilityItemId: string }) =>
    task.responsibilityItemId === demoItemId(task.jurisdictionCode, 0, 0) ? (answered.get(task.jurisdictionCode) ?? null) : null;
  // Units and their teams exist before anything is planned, drawn or checked for them (the contact list behind the year's first draw may be eighteen months back);
  // the year's lists before the tasks that carry them out (60 days ago).
  const established = timestampDaysAgo(600, today);
  const listed = timestampDaysAgo(90, today);
  await em.insertMany(UnitEntity, records.units.map((row) => ({ ...row, createdAt: established, updatedAt: established })));
  await em.insertMany(CadreEntity, records.cadres.map((row) => ({ ...row, createdAt: established, updatedAt: established })));
  await em.insertMany(ResponsibilityItemEntity, records.items.map((row) => ({ ...row, createdAt: listed, updatedAt: listed })));
  await em.insertMany(TaskEntity, records.tasks.map((row) => ({ ...row, directiveId: directiveOf(row), updatedAt: row.createdAt })));
  await em.insertMany(MilestoneEntity, records.milestones);
  await em.insertMany(DutyRecordEntity, records.dutyRecords);
  const minutes = records.dutyRecords
    .filter((record) => record.kind === 'MEETING' && record.version === 1)
    .map((record) => evidence('DUTY_RECORD', record.id, record.jurisdictionCode, '会议纪要.txt', `${record.summary}\n记录人：${record.recordedBy}\n日期：${record.occurredOn}\n`, record.createdAt));
  await insertEvidence(em, minutes);

  const codes = new Set(jurisdictions.map((jurisdiction) => jurisdiction.code));
  const issued = plan.directives.filter((directive) => codes.has(directive.issuerCode));
  const responses = plan.responses.filter((response) => codes.has(response.responderCode));
  if (issued.length > 0) {
    await em.insertMany(DirectiveEntity, issued.map((directive) => ({ ...directive, issuedBy: `demo-${directive.issuerCode}` })));
  }
  if (responses.length > 0) {
    // Acknowledged the day after the directive was issued; completed two days ago (every directive is older).
    const issuedAt = new Map(plan.directives.map((directive) => [directive.id, directive.issuedAt]));
    const completedAt = timestampDaysAgo(2, today);
    const stamped = responses.map((response) => {
      const acknowledgedAt = new Date(issuedAt.get(response.directiveId)!.getTime() + 24 * 60 * 60 * 1000);
      const done = response.status === 'COMPLETED' ? completedAt : null;
      return { ...response, acknowledgedAt, completedAt: done, updatedAt: done ?? acknowledgedAt };
    });
    await em.insertMany(DirectiveResponseEntity, stamped);
    const reports = responses
      .filter((response) => response.status === 'COMPLETED')
      .map((response) => evidence('DIRECTIVE_RESPONSE', response.id, response.responderCode, '落实情况报告.txt', `${response.report}\n报送单位：${response.responderCode}\n`, completedAt));
    await insertEvidence(em, reports);
  }
  const stories = await seedDemoStories(em, level, divisions, today);
  return `seeded demo data: ${stories ? `${stories}, ` : ''}${records.units.length} units, ${records.cadres.length} cadres, ${records.tasks.length} tasks, ${records.dutyRecords.length} duty records, ${issued.length} directives, ${responses.length} directive responses`;
}
