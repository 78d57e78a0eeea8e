import type { DutyRecordKindCode } from './duty-record.entity';
import { bilingualEnum, type EnumValue } from '../schema/bilingual-enum';

/** The GraphQL enum mirrors the stored codes, so a value can pass from input to column unchanged. */
export const DutyRecordKind = bilingualEnum('DutyRecordKind', '履职纪实类别 What kind of duty was performed.', {
  MEETING: '召开会议 Held a meeting',
  TALK: '谈话 Held a talk (谈心谈话、提醒谈话)',
  INSPECTION: '检查 Inspected or checked',
  REPORT: '报告 Made a report',
  INSTRUCTION: '批示 Gave a written instruction',
  OTHER: '其他 Other',
});
export type DutyRecordKind = EnumValue<typeof DutyRecordKind>;

// Fails to compile if the enum and the column's list of codes drift apart.
const _sameCodes: Record<DutyRecordKindCode, DutyRecordKind> = DutyRecordKind;
void _sameCodes;

