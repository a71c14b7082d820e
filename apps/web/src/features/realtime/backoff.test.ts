import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff';

describe('reconnectDelay', () => {
  it('doubles from 1 s up to 15 s', () => {
    const delays = [0, 1, 2, 3, 4, 5, 40].map((attempt) => reconnectDelay(attempt, () => 0));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });

  it('adds up to 20 % of jitter', () => {
    expect(reconnectDelay(0, () => 1)).toBe(1200);
    expect(reconnectDelay(6, () => 0.5)).toBe(16500);
  });

  it("uses the server's retry as a floor, never above the 15 s ceiling", () => {
    expect(reconnectDelay(0, () => 0, 2000)).toBe(2000);
    expect(reconnectDelay(3, () => 0, 2000)).toBe(8000);
    expect(reconnectDelay(0, () => 0, 600_000)).toBe(15000);
  });
});
