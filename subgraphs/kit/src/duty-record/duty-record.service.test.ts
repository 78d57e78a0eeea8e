import { refusedField as fieldOfRefusal } from '../errors/refusal';
import type { DutyRecordEntity } from './duty-record.entity';
import { assertCorrectionChanges, correctionChanges, keptAttachments } from './duty-record.service';

const previous = {
  cadreId: 'c1',
  kind: 'MEETING',
  occurredOn: '2026-05-01',
  taskId: null,
  responsibilityItemId: 'i1',
  summary: '召开专题会',
} as unknown as DutyRecordEntity;

describe('duty record corrections', () => {
  it('takes only the fields given, the summary trimmed', () => {
    expect(correctionChanges({ summary: '  改正后的摘要 ', taskId: null, kind: undefined })).toEqual({ summary: '改正后的摘要' });
    expect(correctionChanges({ reason: 'x' } as never)).toEqual({});
  });

  it('keeps the files not removed and refuses removing a file of another version', () => {
    const files = [{ id: 'a' }, { id: 'b' }];
    expect(keptAttachments(files, ['a'], 2)).toEqual([{ id: 'b' }]);
    expect(fieldOfRefusal(() => keptAttachments(files, ['a', 'z'], 2))).toBe('input.removeAttachmentIds.1');
  });

  it('refuses a correction that changes nothing, and accepts a changed field or file', () => {
    expect(fieldOfRefusal(() => assertCorrectionChanges(previous, { ...previous }, 0, 2, 2))).toBe('input');
    expect(() => assertCorrectionChanges(previous, { ...previous, summary: '新' }, 0, 2, 2)).not.toThrow();
    expect(() => assertCorrectionChanges(previous, { ...previous }, 1, 2, 2)).not.toThrow();
    expect(() => assertCorrectionChanges(previous, { ...previous }, 0, 1, 2)).not.toThrow();
  });
});
