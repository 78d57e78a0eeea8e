import { levelAbove, levelBelow } from './level-relations';

describe('level relations', () => {
  it('walks the chain city → district → street both ways', () => {
    expect(levelBelow('city')).toBe('district');
    expect(levelBelow('district')).toBe('street');
    expect(levelBelow('street')).toBeUndefined();
    expect(levelAbove('street')).toBe('district');
    expect(levelAbove('district')).toBe('city');
    expect(levelAbove('city')).toBeUndefined();
  });
});
