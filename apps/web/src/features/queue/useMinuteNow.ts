import { useSyncExternalStore } from 'react';

const MINUTE_MS = 60_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
}

// One interval for the whole screen, however many rows show a wait; it stops when nothing listens.
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(tick, MINUTE_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

function snapshot(): number {
  // Before anyone subscribes the clock is not ticking: refresh it, but only by whole minutes so that successive reads
  // during one render agree.
  if (timer === undefined && Math.abs(Date.now() - now) >= MINUTE_MS) now = Date.now();
  return now;
}

/** The current time (ms), refreshed once a minute by a ticker shared by every component that reads it. */
export function useMinuteNow(): number {
  return useSyncExternalStore(subscribe, snapshot);
}
