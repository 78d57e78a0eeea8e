import { refusalOf, refusedField } from '../errors/refusal';
import { applyAnswer, applyEvaluation, assertReportersFit, reporterRows } from './duty-report.service';

const reporter = (jurisdictionCode: string, cadreId: string) => ({
  jurisdictionCode,
  unitId: `unit-${cadreId}`,
  unitName: ' 区委办公室 ',
  cadreId,
  cadreName: ' 王某 ',
  cadrePosition: ' 主任 ',
});

describe('a duty-report session', () => {
  it('takes reporters of the holding jurisdiction and the ones directly below it, each cadre once', () => {
    expect(() => assertReportersFit('120116', [reporter('120116', 'c-1'), reporter('120116001', 'c-2')])).not.toThrow();
    // Another district, or a street two levels down from the city, is not the holder's to hear.
    expect(refusedField(() => assertReportersFit('120116', [reporter('120116', 'c-1'), reporter('120101', 'c-2')]))).toBe('input.reporters.1.jurisdictionCode');
    expect(refusedField(() => assertReportersFit('120000', [reporter('120116001', 'c-1')]))).toBe('input.reporters.0.jurisdictionCode');
    const twice = refusalOf(() => assertReportersFit('120116', [reporter('120116', 'c-1'), reporter('120116001', 'c-1')]));
    expect(twice).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reporters.1.cadreId' });
  });

  it('keeps the reporters in the order given, names trimmed, owned by the session\'s holder', () => {
    const rows = reporterRows({ id: 's-1', ownerCode: '120116' }, [reporter('120116', 'c-1'), reporter('120116001', 'c-2')]);
    expect(rows).toEqual([
      { sessionId: 's-1', ownerCode: '120116', position: 1, jurisdictionCode: '120116', unitId: 'unit-c-1', unitName: '区委办公室', cadreId: 'c-1', cadreName: '王某', cadrePosition: '主任' },
      { sessionId: 's-1', ownerCode: '120116', position: 2, jurisdictionCode: '120116001', unitId: 'unit-c-2', unitName: '区委办公室', cadreId: 'c-2', cadreName: '王某', cadrePosition: '主任' },
    ]);
  });

  it('replaces an evaluation with a later one; blank remarks and a missing score are none', () => {
    const evaluated = { rating: null, score: null, remarks: null, evaluatedBy: null, evaluatedAt: null } as Parameters<typeof applyEvaluation>[0];
    const first = new Date('2026-03-01T02:00:00Z');
    applyEvaluation(evaluated, { rating: 'GOOD', score: 88, remarks: ' 整改有力 ' }, 'commission-a', first);
    expect(evaluated).toEqual({ rating: 'GOOD', score: 88, remarks: '整改有力', evaluatedBy: 'commission-a', evaluatedAt: first });
    const later = new Date('2026-03-02T02:00:00Z');
    applyEvaluation(evaluated, { rating: 'AVERAGE', remarks: '   ' }, 'commission-b', later);
    expect(evaluated).toEqual({ rating: 'AVERAGE', score: null, remarks: null, evaluatedBy: 'commission-b', evaluatedAt: later });
  });

  it('records an answer trimmed, with the jurisdiction and person that gave it', () => {
    const question = { answer: null, answererCode: null, answeredBy: null, answeredAt: null } as Parameters<typeof applyAnswer>[0];
    const at = new Date('2026-03-01T03:00:00Z');
    applyAnswer(question, { answer: ' 已建立台账 \n' }, { code: '120116001', subject: 'street-admin' }, at);
    expect(question).toEqual({ answer: '已建立台账', answererCode: '120116001', answeredBy: 'street-admin', answeredAt: at });
  });
});
