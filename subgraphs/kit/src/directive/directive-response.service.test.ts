import { refusalOf, refusedField } from '../errors/refusal';
import {
  applyCompletion,
  applyProgress,
  assertAnsweringLevel,
  assertNotAcknowledged,
  assertNotCompleted,
  evidenceOf,
} from './directive-response.service';

function acknowledged() {
  return { status: 'ACKNOWLEDGED' as const, progress: 0, report: '', completedAt: null as Date | null, acknowledgedAt: new Date('2026-06-01T02:00:00Z') };
}

describe('answering a directive', () => {
  it('is for the answering level only', () => {
    expect(() => assertAnsweringLevel({ level: 'district' }, { level: 'district', issuerLevel: 'city' })).not.toThrow();
    const refusal = refusalOf(() => assertAnsweringLevel({ level: 'city' }, { level: 'district', issuerLevel: 'city' }));
    expect(refusal.code).toBe('FORBIDDEN');
    expect(refusal.message).toContain('CityDirective');
  });

  it('acknowledges once, and takes nothing more after completion', () => {
    expect(() => assertNotAcknowledged(null)).not.toThrow();
    expect(refusedField(() => assertNotAcknowledged(acknowledged()))).toBe('directiveId');
    expect(() => assertNotCompleted(null)).not.toThrow();
    expect(() => assertNotCompleted({ status: 'IN_PROGRESS', completedAt: null })).not.toThrow();
    expect(refusedField(() => assertNotCompleted({ status: 'COMPLETED', completedAt: new Date('2026-06-02T00:00:00Z') }))).toBe('directiveId');
  });

  it('writes progress as reported and a completion as 100 at the time given, reports trimmed', () => {
    const response = acknowledged();
    applyProgress(response, { progress: 40, report: '  已部署 \n' });
    expect(response).toMatchObject({ status: 'IN_PROGRESS', progress: 40, report: '已部署', completedAt: null });
    const at = new Date('2026-06-03T08:00:00Z');
    applyCompletion(response, { report: ' 已办结 ' }, at);
    expect(response).toMatchObject({ status: 'COMPLETED', progress: 100, report: '已办结', completedAt: at });
  });

  it('records each file of evidence by what identifies it, not its content', () => {
    const file = { id: 'a-1', name: '报告.pdf', contentType: 'application/pdf', size: 3, sha256: 'ab', content: Buffer.from('pdf') };
    expect(evidenceOf([file])).toEqual([{ id: 'a-1', name: '报告.pdf', contentType: 'application/pdf', size: 3, sha256: 'ab' }]);
  });
});
