const MINUTE_MS = 60_000;

/** How long a lead has waited, split the way the queue says it: minutes, then hours and minutes, then days. */
export type WaitingParts =
  | { unit: 'lessThanMinute' }
  | { unit: 'minutes'; minutes: number }
  | { unit: 'hours'; hours: number; minutes: number }
  | { unit: 'days'; days: number };

export function waitingParts(since: string, now: number): WaitingParts | null {
  const start = Date.parse(since);
  if (Number.isNaN(start)) return null;
  const minutes = Math.floor(Math.max(0, now - start) / MINUTE_MS);
  if (minutes < 1) return { unit: 'lessThanMinute' };
  if (minutes < 60) return { unit: 'minutes', minutes };
  if (minutes < 24 * 60) return { unit: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60 };
  return { unit: 'days', days: Math.floor(minutes / (24 * 60)) };
}

/** From this long on a wait is shown as late (the agent should answer it first). */
export const LATE_AFTER_MINUTES = 30;
