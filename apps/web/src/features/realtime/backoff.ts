const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15_000;
/** Up to this share of the delay is added at random, so clients cut off together do not come back together. */
const JITTER = 0.2;

/**
 * How long to wait before reconnection attempt `attempt` (0 for the first after a drop): 1 s, 2 s, 4 s … at most
 * 15 s, plus jitter. The server's `retry:` is a floor (it may ask clients to slow down, never to hurry).
 */
export function reconnectDelay(attempt: number, random: () => number, serverRetryMs = 0): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 10));
  const delay = Math.max(base, Math.min(serverRetryMs, MAX_DELAY_MS));
  return Math.round(delay * (1 + JITTER * random()));
}
