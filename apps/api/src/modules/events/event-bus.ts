import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { OrgReadCache } from '../../common/cache/org-read-cache';
import { EventRing } from './event-ring';
import { type EventListener, EventListenerFactory } from '../../database/event-listener';
import { type DeliveredEvent, EVENTS_CHANNEL, eventFrame, parseNotice } from './realtime-event';
import { SyncBarrier } from './sync-barrier';

/** Replay window: what a reconnecting client can resume from. */
const RING_MAX_EVENTS = 20_000;
const RING_MAX_AGE_MS = 5 * 60_000;
/**
 * Events heard within this window go to each stream as one write: under load a process then writes each stream at
 * most this often, whatever the message rate, for a delay no agent notices.
 */
const FLUSH_EVERY_MS = 40;
/** A sync token not back by then (a stalled listener) makes the cache read afresh. */
const SYNC_TIMEOUT_MS = 2_000;

/** One open stream's view of the bus. */
export interface BusSubscriber {
  /** The organization's frames that arrived in one turn of the event loop, joined. */
  frames(frames: string): void;
  /** Events may have been missed (the listener reconnected): refetch. */
  gap(): void;
}

/**
 * The application's side of PostgreSQL LISTEN/NOTIFY: every row change the triggers announce reaches this process
 * in commit order, is kept a while for replay, goes to the organization's open streams and drops its cached reads.
 * Write requests announce themselves too (cache notices), and the read cache syncs with the bus before a hit.
 */
@Injectable()
export class EventBus implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(EventBus.name);
  private readonly ring = new EventRing(RING_MAX_EVENTS, RING_MAX_AGE_MS);
  private readonly subscribers = new Map<string, Set<BusSubscriber>>();
  /** This instance's own channel for sync tokens (nobody else needs to hear them). */
  private readonly syncChannel = `whatrack_sync_${randomBytes(6).toString('hex')}`;
  private readonly barrier: SyncBarrier;
  private listener: EventListener | null = null;
  /** Events heard in this turn of the event loop, per organization, sent to the streams together. */
  private pending = new Map<string, string[]>();
  private flushScheduled = false;

  constructor(
    private readonly listeners: EventListenerFactory,
    private readonly cache: OrgReadCache,
  ) {
    this.barrier = new SyncBarrier(SYNC_TIMEOUT_MS, (token) => this.listener!.notify(this.syncChannel, token));
  }

  async onApplicationBootstrap(): Promise<void> {
    const handlers = {
      notification: (channel: string, payload: string) => this.receive(channel, payload),
      lost: () => this.lost(),
      resumed: () => this.resumed(),
    };
    if (!this.listeners.shared) {
      // One process owns the embedded database: every write is this process's own, dropped from the cache before
      // its response (ReadCacheInvalidator, the webhook worker), so hits need no sync.
      this.listener = this.listeners.create([EVENTS_CHANNEL], handlers, this.logger);
    } else {
      this.listener = this.listeners.create([EVENTS_CHANNEL, this.syncChannel], handlers, this.logger);
      this.cache.connect({
        sync: () => (this.listener?.connected ? this.barrier.sync() : Promise.reject(new Error('not listening'))),
        broadcast: (organizationId) => this.listener!.notify(EVENTS_CHANNEL, cacheNotice(organizationId)),
      });
    }
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener?.stop();
  }

  /**
   * Subscribes to an organization's events, and (in the same tick, so nothing falls in between) answers what
   * followed `lastEventId`: null when that id is unknown here (or none was given).
   */
  subscribe(
    organizationId: string,
    lastEventId: string | null,
    subscriber: BusSubscriber,
  ): { replay: DeliveredEvent[] | null; unsubscribe: () => void } {
    // What is pending is in the ring already: it goes to the streams open before this one, and to this one only
    // through the replay, never twice.
    this.flush();
    let set = this.subscribers.get(organizationId);
    if (!set) this.subscribers.set(organizationId, (set = new Set()));
    set.add(subscriber);
    const replay = lastEventId === null ? null : this.ring.after(lastEventId, organizationId, Date.now());
    const unsubscribe = () => {
      set.delete(subscriber);
      if (set.size === 0 && this.subscribers.get(organizationId) === set) this.subscribers.delete(organizationId);
    };
    return { replay, unsubscribe };
  }

  private receive(channel: string, payload: string): void {
    if (channel === this.syncChannel) {
      this.barrier.heard(payload);
      return;
    }
    const notice = parseNotice(payload);
    if (!notice) return;
    // A row change (a trigger's event) leaves the organization's configuration; a write request's notice may not.
    if (!('id' in notice)) {
      this.cache.invalidate(notice.organizationId);
      return;
    }
    this.cache.invalidateData(notice.organizationId);
    const event: DeliveredEvent = { ...notice, frame: eventFrame(notice), receivedAt: Date.now() };
    this.ring.push(event);
    if (!this.subscribers.has(event.organizationId)) return;
    const frames = this.pending.get(event.organizationId);
    if (frames) frames.push(event.frame);
    else this.pending.set(event.organizationId, [event.frame]);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setTimeout(() => this.flush(), FLUSH_EVERY_MS).unref();
    }
  }

  /**
   * Each stream gets one write per flush window instead of one per event, which is what lets a process feed
   * hundreds of streams under load.
   */
  private flush(): void {
    this.flushScheduled = false;
    const pending = this.pending;
    this.pending = new Map();
    for (const [organizationId, frames] of pending) {
      const text = frames.join('');
      for (const subscriber of this.subscribers.get(organizationId) ?? []) subscriber.frames(text);
    }
  }

  /** While nothing is heard, no kept id can be resumed from and nothing cached can be trusted. */
  private lost(): void {
    this.flush();
    this.ring.clear();
    this.cache.invalidateAll();
    this.barrier.failAll(new Error('event listener lost'));
  }

  private resumed(): void {
    this.flush();
    this.ring.clear();
    this.cache.invalidateAll();
    for (const set of this.subscribers.values()) for (const subscriber of set) subscriber.gap();
  }
}

function cacheNotice(organizationId: string): string {
  return JSON.stringify({ type: 'cache', organizationId });
}
