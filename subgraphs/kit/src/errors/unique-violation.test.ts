import { parseUniqueKey } from './unique-violation';

describe('parseUniqueKey', () => {
  it('reads the columns and values PostgreSQL reports', () => {
    expect(parseUniqueKey('Key (jurisdiction_code, name)=(120116, 中共天津市滨海新区委员会) already exists.')).toEqual({
      columns: ['jurisdiction_code', 'name'],
      values: ['120116', '中共天津市滨海新区委员会'],
    });
  });

  it('keeps a ", " inside the last value, the only free-text column of a key', () => {
    expect(parseUniqueKey('Key (jurisdiction_code, name)=(120116, 监督室, 第一组) already exists.')?.values).toEqual(['120116', '监督室, 第一组']);
  });

  it('gives up on anything else', () => {
    expect(parseUniqueKey(undefined)).toBeUndefined();
    expect(parseUniqueKey('duplicate key value violates unique constraint')).toBeUndefined();
  });
});
