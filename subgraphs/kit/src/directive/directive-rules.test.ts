import { assertDeadline, canReadDirective, resolveTargets } from './directive-rules';
import type { Principal } from '../auth/principal';

const fields = { codes: 'input.targetCodes', all: 'input.allTargets' };
const principal = (level: Principal['level'], code: string): Principal => ({ subject: 's', level, code, roles: ['admin'] });

describe('directive rules', () => {
  it('accepts today and later, up to the deadline passed on', () => {
    expect(assertDeadline('2024-03-02', 'd', { today: '2024-03-02' })).toBe('2024-03-02');
    expect(() => assertDeadline('2024-03-01', 'd', { today: '2024-03-02' })).toThrow(/^d: 2024-03-01 早于今天.* \/ 2024-03-01 is in the past/);
    expect(() => assertDeadline('2024-02-30', 'd', { today: '2024-01-01' })).toThrow(/not a calendar date/);
    expect(() => assertDeadline('2024-05-01', 'd', { today: '2024-01-01', notAfter: '2024-04-30' })).toThrow(/later than/);
  });

  it('addresses named or all divisions directly below the issuer, ordered by code', () => {
    expect(resolveTargets('120000', { codes: ['120116', '120101'], all: false }, fields)).toEqual(['120101', '120116']);
    expect(resolveTargets('120000', { all: true }, fields)).toHaveLength(16);
    expect(resolveTargets('120101', { all: true }, fields)).toEqual(['120101001', '120101002', '120101003', '120101004', '120101005', '120101006']);
  });

  it('names the first bad target by its position', () => {
    expect(() => resolveTargets('120000', { codes: [], all: false }, fields)).toThrow(/^input\.targetCodes: 请至少指定一个区级辖区.* \/ name at least one district/);
    expect(() => resolveTargets('120000', { codes: ['120101', '120100'], all: false }, fields)).toThrow(/^input\.targetCodes\.1: “120100”不是6 位区级代码.* \/ "120100" is not a 6-digit district code/);
    expect(() => resolveTargets('120000', { codes: ['120199'], all: false }, fields)).toThrow(/^input\.targetCodes\.0: .*120199.* 的下级 \/ is not a district of 天津市（120000）/);
    expect(() => resolveTargets('120101', { codes: ['120102001'], all: false }, fields)).toThrow(/^input\.targetCodes\.0: .*120102001.* 的下级 \/ is not a street of .*（120101）/);
    expect(() => resolveTargets('120000', { codes: ['120101'], all: true }, fields)).toThrow(/^input\.allTargets:/);
  });

  it('lets the issuing side and the addressed side read a directive, nobody else', () => {
    const directive = { issuerCode: '120101', targetCodes: ['120101001', '120101002'] };
    expect(canReadDirective(principal('city', '120000'), directive)).toBe(true);
    expect(canReadDirective(principal('district', '120101'), directive)).toBe(true);
    expect(canReadDirective(principal('street', '120101002'), directive)).toBe(true);
    expect(canReadDirective(principal('street', '120101003'), directive)).toBe(false);
    expect(canReadDirective(principal('district', '120102'), directive)).toBe(false);
  });
});
