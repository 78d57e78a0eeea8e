import { assertAdminCode, isWithin, levelOfCode, parentCode, streetKindOfCode } from './admin-code';

describe('administrative codes', () => {
  it('recognises the level of a code by its shape', () => {
    expect(levelOfCode('120000')).toBe('city');
    expect(levelOfCode('120116')).toBe('district');
    expect(levelOfCode('120116001')).toBe('street');
    expect(levelOfCode('12011')).toBeUndefined();
    expect(levelOfCode('abcdef')).toBeUndefined();
  });

  it('derives parents and containment from the code', () => {
    expect(parentCode('120116001')).toBe('120116');
    expect(parentCode('120116')).toBe('120000');
    expect(parentCode('120000')).toBeUndefined();
    expect(isWithin('120116001', '120000')).toBe(true);
    expect(isWithin('120116001', '120116')).toBe(true);
    expect(isWithin('120116001', '120101')).toBe(false);
    expect(isWithin('120116', '120116001')).toBe(false);
  });

  it('names the argument when a code is malformed', () => {
    expect(() => assertAdminCode('district', 'abc', 'districtCode')).toThrow(/^districtCode: “abc”不是6 位区级代码.* \/ "abc" is not a 6-digit district code/);
    expect(assertAdminCode('district', '120101', 'code')).toBe('120101');
  });

  it('reads the kind of a street-level division from its seventh digit', () => {
    expect(streetKindOfCode('120101001')).toBe('SUBDISTRICT');
    expect(streetKindOfCode('120221100')).toBe('TOWN');
    expect(streetKindOfCode('120225200')).toBe('TOWNSHIP');
    expect(streetKindOfCode('120113500')).toBe('TOWNSHIP_LIKE');
  });
});
