import { restartDelay, DEFAULT_BACKOFF } from './processes';

test('restarts back off exponentially up to the cap', () => {
  const policy = { ...DEFAULT_BACKOFF, initialMs: 500, maxMs: 4_000 };
  expect([1, 2, 3, 4, 5, 9].map((crashes) => restartDelay(policy, crashes))).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
});
