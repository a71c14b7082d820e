import type { DeliveredEvent } from './realtime-event';

const TRIM_BATCH = 256;

/**
 * The recent events in delivery order (NOTIFY delivers in commit order, the same on every instance), bounded by
 * count and age, for Last-Event-ID replay.
 */
export class EventRing {
  private events: DeliveredEvent[] = [];
  /** Position in `events` of each id, offset by `dropped` (positions stay valid while the head is trimmed). */
  private readonly positions = new Map<string, number>();
  private dropped = 0;

  constructor(
    private readonly maxEvents: number,
    private readonly maxAgeMs: number,
  ) {}

  get size(): number {
    return this.events.length;
  }

  push(event: DeliveredEvent): void {
    this.positions.set(event.id, this.dropped + this.events.length);
    this.events.push(event);
    this.trim(event.receivedAt);
  }

  /**
   * The organization's events after `id`, oldest first; null when `id` is not kept here (too old, never seen by
   * this instance, or from before a gap), so the caller cannot know what it missed.
   */
  after(id: string, organizationId: string, now: number): DeliveredEvent[] | null {
    this.trim(now);
    const position = this.positions.get(id);
    if (position === undefined) return null;
    const start = position - this.dropped + 1;
    return this.events.slice(start).filter((e) => e.organizationId === organizationId);
  }

  /** Forgets everything (after a gap: what follows any kept id is no longer known). */
  clear(): void {
    this.dropped += this.events.length;
    this.events = [];
    this.positions.clear();
  }

  private trim(now: number): void {
    let excess = 0;
    while (
      excess < this.events.length &&
      (this.events.length - excess > this.maxEvents || now - this.events[excess].receivedAt > this.maxAgeMs)
    ) {
      excess++;
    }
    // Splicing one at a time would copy the whole array per event: trimmed in batches (a few extra old events
    // replay fine).
    if (excess < TRIM_BATCH) return;
    for (const old of this.events.splice(0, excess)) this.positions.delete(old.id);
    this.dropped += excess;
  }
}
