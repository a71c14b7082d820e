import { backoffSeconds, retryAt, type BackoffPolicy } from './backoff';

describe('backoff', () => {
  const policy: BackoffPolicy = { baseSeconds: 5, capSeconds: 3600, jitter: 0 };

  it('doubles from the base with each failed attempt, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffSeconds(a, policy))).toEqual([5, 10, 20, 40, 80]);
    expect(backoffSeconds(10, policy)).toBe(2560);
    expect(backoffSeconds(11, policy)).toBe(3600);
    expect(backoffSeconds(60, policy)).toBe(3600);
  });

  it('treats an attempt count below one as the first attempt', () => {
    expect(backoffSeconds(0, policy)).toBe(5);
    expect(backoffSeconds(-3, policy)).toBe(5);
  });

  it('takes up to the jitter share off at random, never more, never adding', () => {
    const jittered = { ...policy, jitter: 0.2 };
    expect(backoffSeconds(3, jittered, () => 0)).toBe(20);
    expect(backoffSeconds(3, jittered, () => 0.5)).toBeCloseTo(18);
    expect(backoffSeconds(3, jittered, () => 0.999999)).toBeCloseTo(16, 3);
    expect(backoffSeconds(20, jittered, () => 0.999999)).toBeCloseTo(2880, 1);
    for (let i = 0; i < 200; i += 1) {
      const s = backoffSeconds(2, jittered);
      expect(s).toBeGreaterThan(8);
      expect(s).toBeLessThanOrEqual(10);
    }
  });

  it('clamps a jitter outside 0..1', () => {
    expect(backoffSeconds(1, { ...policy, jitter: 5 }, () => 0.5)).toBeCloseTo(2.5);
    expect(backoffSeconds(1, { ...policy, jitter: -1 }, () => 0.5)).toBe(5);
  });

  it('answers the retry time in whole milliseconds from the clock instant', () => {
    const now = new Date('2026-03-15T15:00:00.000Z');
    expect(retryAt(now, 1, { baseSeconds: 60, capSeconds: 6 * 3600, jitter: 0 }).toISOString()).toBe(
      '2026-03-15T15:01:00.000Z',
    );
    expect(retryAt(now, 1, { ...policy, jitter: 0.5 }, () => 0.3333333).getTime() % 1).toBe(0);
  });
});
