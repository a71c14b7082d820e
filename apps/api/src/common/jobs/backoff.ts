/**
 * How long a failed job waits before its next attempt: `baseSeconds` after the first failure, doubling with each
 * further one, never more than `capSeconds`; `jitter` (0 to 1) takes up to that share of the wait off at random,
 * so jobs that failed together (a database hiccup, a provider outage) do not all come back in the same instant.
 */
export interface BackoffPolicy {
  baseSeconds: number;
  capSeconds: number;
  jitter: number;
}

/** The one backoff formula of every queue: seconds to wait after the `attempts`-th failed attempt. */
export function backoffSeconds(attempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.baseSeconds * 2 ** Math.max(0, attempts - 1), policy.capSeconds);
  const jitter = Math.min(Math.max(policy.jitter, 0), 1);
  return jitter === 0 ? exponential : exponential * (1 - jitter * random());
}

/** When a job that failed its `attempts`-th attempt at `now` is due again (whole milliseconds). */
export function retryAt(now: Date, attempts: number, policy: BackoffPolicy, random?: () => number): Date {
  return new Date(now.getTime() + Math.round(backoffSeconds(attempts, policy, random) * 1000));
}
