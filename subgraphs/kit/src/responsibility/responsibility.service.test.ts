import type { Principal, Role } from '../auth/principal';
import { refusalOf } from '../errors/refusal';
import { applyItemChange, assertMaintainsCategories, newItemFields } from './responsibility.service';

function item() {
  return { cadreId: 'c-1' as string | null, categoryCode: 'PARTY', year: 2026, content: '落实主体责任', basis: '党章' };
}

function principal(level: Principal['level'], roles: Role[]): Principal {
  return { subject: 'staff', level, code: level === 'city' ? '120000' : '120101', roles };
}

describe('responsibility items', () => {
  it('puts a new item on the unit\'s list, owned by the unit\'s jurisdiction, with trimmed texts', () => {
    const fields = newItemFields(
      { id: 'u-1', jurisdictionCode: '120101' },
      { unitId: 'u-1', categoryCode: 'PARTY', year: 2026, content: '  落实主体责任 \n', basis: ' 党章 ' },
    );
    expect(fields).toEqual({ jurisdictionCode: '120101', unitId: 'u-1', cadreId: null, categoryCode: 'PARTY', year: 2026, content: '落实主体责任', basis: '党章' });
  });

  it('changes only the fields given, and makes the item the team\'s with cadreId null', () => {
    const changed = item();
    applyItemChange(changed, { year: 2027, content: ' 新内容 ' });
    expect(changed).toEqual({ ...item(), year: 2027, content: '新内容' });
    applyItemChange(changed, { cadreId: null });
    expect(changed.cadreId).toBeNull();
    const untouched = item();
    applyItemChange(untouched, {});
    expect(untouched).toEqual(item());
  });
});

describe('responsibility categories', () => {
  it('are maintained by commission staff of the same level only', () => {
    expect(() => assertMaintainsCategories(principal('district', ['commission']), 'district')).not.toThrow();
    expect(refusalOf(() => assertMaintainsCategories(principal('district', ['admin']), 'district')).code).toBe('FORBIDDEN');
    expect(refusalOf(() => assertMaintainsCategories(principal('city', ['commission']), 'district')).code).toBe('FORBIDDEN');
  });
});
