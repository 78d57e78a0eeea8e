import { AttachmentEntity } from '../attachment/attachment.entity';
import { EvidenceContentEntity } from '../attachment/evidence-content.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { DirectiveResponseEntity } from '../directive/directive-response.entity';
import { DirectiveEntity } from '../directive/directive.entity';
import { DutyRecordCountEntity } from '../duty-record/duty-record-count.entity';
import { DutyRecordEntity } from '../duty-record/duty-record.entity';
import { CadreEntity } from '../org/cadre.entity';
import { UnitEntity } from '../org/unit.entity';
import { ResponsibilityCategoryEntity } from '../responsibility/category.entity';
import { ResponsibilityItemEntity } from '../responsibility/responsibility-item.entity';
import { IdempotencyKeyEntity } from '../mutation/idempotency-key.entity';
import { MilestoneEntity } from '../task/milestone.entity';
import { TaskEntity } from '../task/task.entity';
import { TaskCountEntity } from '../task/task-count.entity';

/** The entities of the base record tables `levelRecordsMigration` creates in every level's database. */
export const LEVEL_RECORD_ENTITIES = [
  UnitEntity,
  CadreEntity,
  ResponsibilityCategoryEntity,
  ResponsibilityItemEntity,
  TaskEntity,
  MilestoneEntity,
  DutyRecordEntity,
  AttachmentEntity,
  EvidenceContentEntity,
  AuditEntryEntity,
  IdempotencyKeyEntity,
  TaskCountEntity,
  DutyRecordCountEntity,
];

/** Entities of `directivesIssuedMigration` (city, district) and `directiveResponsesMigration` (district, street). */
export const DIRECTIVES_ISSUED_ENTITIES = [DirectiveEntity];
export const DIRECTIVE_RESPONSES_ENTITIES = [DirectiveResponseEntity];
