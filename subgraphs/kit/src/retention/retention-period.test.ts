import { retentionCutoff } from './retention-period';

describe('retentionCutoff', () => {
  it('goes back whole years from today', () => {
    expect(retentionCutoff('2026-12-02', 10)).toBe('2016-12-02');
    expect(retentionCutoff('2026-01-01', 1)).toBe('2025-01-01');
  });

  it('keeps a leap day inside February', () => {
    expect(retentionCutoff('2024-02-29', 1)).toBe('2023-02-28');
    expect(retentionCutoff('2024-02-29', 4)).toBe('2020-02-29');
  });
});
