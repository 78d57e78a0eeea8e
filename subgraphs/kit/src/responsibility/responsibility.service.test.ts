import type { Principal, Role } from '../auth/principal';
import { refusalOf } from '../errors/refusal';
import { applyItemChange, assertMaintainsCategories, mayReadResponsibilityList, newItemFields } from './responsibility.service';

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
    expect(fields).toEqual({ jurisdictionCode: '120101', unitId: 'u-1', cadreId: null, parentItemId: null, categoryCode: 'PARTY', year: 2026, content: '落实主体责任', basis: '党章' });
  });

  it('names the item it breaks down, and a change of parent (or null) is written like any field', () => {
    const fields = newItemFields({ id: 'u-1', jurisdictionCode: '120116' }, { unitId: 'u-1', parentItemId: 'city-item', categoryCode: 'PARTY', year: 2026, content: '分解', basis: '' });
    expect(fields.parentItemId).toBe('city-item');
    const changed: ReturnType<typeof item> & { parentItemId?: string | null } = { ...item(), parentItemId: 'city-item' };
    applyItemChange(changed, { content: '不变的上级' });
    expect(changed.parentItemId).toBe('city-item');
    applyItemChange(changed, { parentItemId: null });
    expect(changed.parentItemId).toBeNull();
  });

  it('opens a list to its owner, the levels above, and the jurisdictions below it — never sideways', () => {
    const reader = (level: Principal['level'], code: string): Principal => ({ subject: 's', level, code, roles: ['analyst'] });
    expect(mayReadResponsibilityList(reader('district', '120116'), '120000')).toBe(true);
    expect(mayReadResponsibilityList(reader('street', '120116001'), '120116')).toBe(true);
    expect(mayReadResponsibilityList(reader('street', '120116001'), '120000')).toBe(true);
    expect(mayReadResponsibilityList(reader('city', '120000'), '120116001')).toBe(true);
    expect(mayReadResponsibilityList(reader('district', '120117'), '120116')).toBe(false);
    expect(mayReadResponsibilityList(reader('street', '120117001'), '120116')).toBe(false);
    expect(mayReadResponsibilityList(reader('street', '120116001'), '120116005')).toBe(false);
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
