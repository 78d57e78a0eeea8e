import { refusalOf as refusal } from '../errors/refusal';
import { AccountabilityBasisKind, AccountabilityDecisionForm } from './accountability.enums';
import type { AccountabilityCaseEntity } from './accountability.entity';
import type { DecideAccountabilityCaseInput } from './accountability.inputs';
import { applyDecision, assertCaseOpen, assertDecisionFits, assertNotCited, basisRows, decisionOf, formsForSubject } from './accountability.service';

describe('accountability case rules', () => {
  it('closes a decided case and leaves an open one alone', () => {
    expect(() => assertCaseOpen({ id: 'c1', status: 'OPEN', decidedOn: null, decisionForm: null } as never)).not.toThrow();
    const refused = refusal(() => assertCaseOpen({ id: 'c1', status: 'DECIDED', decidedOn: '2026-03-01', decisionForm: 'ADMONISHMENT' } as never));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseId' });
    expect(refused.message).toContain('a decided case is closed');
  });

  it('offers unit forms for a unit, cadre forms for a cadre, both (once each) for both', () => {
    const unit = formsForSubject({ subjectUnitId: 'u', subjectCadreId: null });
    const cadre = formsForSubject({ subjectUnitId: null, subjectCadreId: 'p' });
    const both = formsForSubject({ subjectUnitId: 'u', subjectCadreId: 'p' });
    expect(unit).not.toEqual(cadre);
    expect(new Set(both)).toEqual(new Set([...unit, ...cadre]));
    expect(both).toHaveLength(new Set(both).size);
    expect(formsForSubject({ subjectUnitId: null, subjectCadreId: null })).toEqual([]);
  });

  it('refuses a form that does not fit the subject, and a decision dated after today', () => {
    const unitOnly = { subjectUnitId: 'u', subjectCadreId: null };
    const cadreForm = formsForSubject({ subjectUnitId: null, subjectCadreId: 'p' }).find((form) => !formsForSubject(unitOnly).includes(form))!;
    expect(refusal(() => assertDecisionFits(unitOnly, { form: cadreForm, decidedOn: '2026-01-01' }, '2026-06-01'))).toMatchObject({ field: 'input.form' });
    const fitting = formsForSubject(unitOnly)[0];
    expect(refusal(() => assertDecisionFits(unitOnly, { form: fitting, decidedOn: '2026-06-02' }, '2026-06-01'))).toMatchObject({ field: 'input.decidedOn' });
    expect(() => assertDecisionFits(unitOnly, { form: fitting, decidedOn: '2026-06-01' }, '2026-06-01')).not.toThrow();
  });

  it('writes the decision trimmed and shows it only once decided', () => {
    const record = { id: 'c1', status: 'OPEN', decisionText: null } as unknown as AccountabilityCaseEntity;
    expect(decisionOf(record)).toBeNull();
    const at = new Date('2026-06-01T08:00:00Z');
    const input = { form: AccountabilityDecisionForm[Object.keys(AccountabilityDecisionForm)[0] as keyof typeof AccountabilityDecisionForm], decidingBody: ' 区纪委常委会 ', decidedOn: '2026-05-30', text: '  ' } as DecideAccountabilityCaseInput;
    applyDecision(record, input, 'staff-1', at);
    expect(decisionOf(record)).toEqual({ form: input.form, decidingBody: '区纪委常委会', decidedOn: '2026-05-30', text: '', decidedBy: 'staff-1', decidedAt: at });
  });

  it('numbers records cited together from the next position, at one moment, and refuses citing a record twice', () => {
    const state = { snapshot: { id: 't', status: 'PLANNED', version: 2 }, trail: [] };
    const fact = (recordId: string) => ({ kind: AccountabilityBasisKind.TASK, level: 'district' as const, recordType: 'Task' as const, recordId, ownerCode: '120101', note: null, state });
    const at = new Date();
    const rows = basisRows({ id: 'c1', jurisdictionCode: '120000' }, [fact('t1'), fact('t2')], 3, 'staff-1', at, 'sha256');
    expect(rows.map((row) => [row.position, row.recordId, row.ownerCode, row.recordOwnerCode, row.citedAt])).toEqual([
      [3, 't1', '120000', '120101', at],
      [4, 't2', '120000', '120101', at],
    ]);
    expect(refusal(() => assertNotCited(rows, fact('t2')))).toMatchObject({ field: 'input.id' });
    expect(() => assertNotCited(rows, fact('t3'))).not.toThrow();
  });
});
