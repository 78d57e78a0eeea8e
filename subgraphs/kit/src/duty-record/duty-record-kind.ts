import { registerEnumType } from 'type-graphql';
import type { DutyRecordKindCode } from './duty-record.entity';

/** The GraphQL enum mirrors the stored codes, so a value can pass from input to column unchanged. */
export enum DutyRecordKind {
  MEETING = 'MEETING',
  TALK = 'TALK',
  INSPECTION = 'INSPECTION',
  REPORT = 'REPORT',
  INSTRUCTION = 'INSTRUCTION',
  OTHER = 'OTHER',
}

// Fails to compile if the enum and the column's list of codes drift apart.
const _sameCodes: Record<DutyRecordKindCode, DutyRecordKind> = DutyRecordKind;
void _sameCodes;

registerEnumType(DutyRecordKind, {
  name: 'DutyRecordKind',
  description: '履职纪实类别 What kind of duty was performed.',
  valuesConfig: {
    MEETING: { description: '召开会议 Held a meeting' },
    TALK: { description: '谈话 Held a talk (谈心谈话、提醒谈话)' },
    INSPECTION: { description: '检查 Inspected or checked' },
    REPORT: { description: '报告 Made a report' },
    INSTRUCTION: { description: '批示 Gave a written instruction' },
    OTHER: { description: '其他 Other' },
  },
});
