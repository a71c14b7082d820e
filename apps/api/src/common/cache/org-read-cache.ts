import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { withoutAbort } from '../db/db-request-context';

/** Opaque: what generation() returns and put() compares. */
export type CacheGeneration = object;

/** Keys built from SQL parameters can be long (a search's lead ids): long ones are kept as their digest. */
function compactKey(key: string): string {
  return key.length <= 256 ? key : `sha256:${createHash('sha256').update(key).digest('base64url')}`;
}

/** How the cache hears of other instances' writes (see OrgReadCache.connect). */
export interface CacheLink {
  sync(): Promise<void>;
  broadcast(organizationId: string): Promise<void>;
}

interface Entry {
  value: Promise<unknown>;
  expiresAt: number;
  /** An organization's configuration (settings, stages): kept across its row changes, see `get`. */
  config: boolean;
}

export interface CacheReadOptions {
  /** Serve a hit without syncing with the bus first (see `get`). */
  synced?: boolean;
  /**
   * The organization's configuration (settings, stages), not a result computed from its tickets: cached for
   * CONFIG_CACHE_TTL_MS even when READ_CACHE_TTL_MS is 0, and dropped by write requests (which is how
   * configuration changes) but not by the row changes of tickets, messages and sales that the bus announces.
   */
  config?: boolean;
}

/** Entries kept per organization and organizations kept in all; the least recently filled go first. */
const MAX_ENTRIES_PER_ORGANIZATION = 200;
const MAX_ORGANIZATIONS = 5_000;
const SWEEP_EVERY_MS = 60_000;

/**
 * Short-lived results of expensive organization-wide reads (listing totals and facets, reports), so a dashboard
 * polled by many agents does not rescan every ticket on each request.
 *
 * Freshness: every write through this process drops the organization's entries (see ReadCacheInvalidator and the
 * webhook worker), so one API instance always reads its own writes. With PostgreSQL the event bus connects the
 * instances: row changes (table triggers) and write requests elsewhere drop the entries here too, and a hit is
 * served only after a sync with the bus, so no instance serves totals older than another's last committed write.
 * The TTL (READ_CACHE_TTL_MS; 0 turns caching off) bounds the rest (changes made with triggers off). Concurrent
 * misses of one key share a single load.
 */
@Injectable()
export class OrgReadCache {
  private readonly organizations = new Map<string, Map<string, Entry>>();
  private readonly ttlMs: number;
  private readonly configTtlMs: number;
  private lastSweep = 0;
  private link: CacheLink | null = null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.ttlMs = config.readCacheTtlMs;
    this.configTtlMs = config.configCacheTtlMs;
  }

  /**
   * The cached value, or what `load` reads. `synced: false` serves a hit without syncing with the bus first, for
   * values that another instance's write may leave stale for the few milliseconds its notice takes (settings).
   */
  get<T>(organizationId: string, rawKey: string, load: () => Promise<T>, options: CacheReadOptions = {}): Promise<T> {
    const { synced = true, config = false } = options;
    if ((config ? this.configTtlMs : this.ttlMs) <= 0) return load();
    const key = compactKey(rawKey);
    const now = this.clock.now().getTime();
    this.sweep(now);
    const hit = this.hit<T>(organizationId, key, now);
    if (!hit) return this.fill(organizationId, key, load, now, config);
    if (!this.link || !synced) return hit;
    // Another instance may have committed a write whose notice is still on its way: hear everything committed
    // before now first; a hit that this dropped (or a sync that failed) reads afresh.
    return this.link.sync().then(
      () => this.hit<T>(organizationId, key) ?? this.fill(organizationId, key, load, undefined, config),
      () => this.fill(organizationId, key, load, undefined, config),
    );
  }

  /**
   * Ties the cache to the other instances (the event bus): `sync` resolves once every write committed before it
   * was called has been heard of (and dropped what it made stale); `broadcast` tells the others to drop an
   * organization's entries.
   */
  connect(link: CacheLink): void {
    this.link = link;
  }

  /**
   * Drops the organization's entries here and, before it resolves, asks every other instance to do the same
   * (for writes that no table trigger announces: stages, ad spend, settings...). Never rejects.
   */
  async invalidateEverywhere(organizationId: string): Promise<void> {
    this.invalidate(organizationId);
    await this.link?.broadcast(organizationId).catch(() => undefined);
  }

  /** Drops every organization's entries (the bus may have missed notices). */
  invalidateAll(): void {
    this.organizations.clear();
  }

  private hit<T>(organizationId: string, key: string, now = this.clock.now().getTime()): Promise<T> | undefined {
    const cached = this.organizations.get(organizationId)?.get(key);
    if (!cached || cached.expiresAt <= now) return undefined;
    this.entriesOf(organizationId); // most recently used
    return cached.value as Promise<T>;
  }

  private fill<T>(
    organizationId: string,
    key: string,
    load: () => Promise<T>,
    now = this.clock.now().getTime(),
    config = false,
  ): Promise<T> {
    const entries = this.entriesOf(organizationId);
    // Shared by every request that asks meanwhile: the first one leaving must not cancel it for the others.
    const value = withoutAbort(load);
    entries.delete(key);
    entries.set(key, { value, expiresAt: now + (config ? this.configTtlMs : this.ttlMs), config });
    if (entries.size > MAX_ENTRIES_PER_ORGANIZATION) entries.delete(entries.keys().next().value!);
    // A failed load is not kept: the next call tries again.
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  }

  /** What is cached under the key, if anything (nothing is loaded). */
  peek<T>(organizationId: string, key: string): Promise<T> | undefined {
    const cached = this.organizations.get(organizationId)?.get(compactKey(key));
    return cached && cached.expiresAt > this.clock.now().getTime() ? (cached.value as Promise<T>) : undefined;
  }

  /**
   * The organization's cached state as of now, to pass to put(): a value read from the database after this point
   * is only remembered if no write dropped the organization's entries in between.
   */
  generation(organizationId: string): CacheGeneration {
    return this.entriesOf(organizationId);
  }

  /** Remembers a value found while reading something else (e.g. where the next page starts). */
  put<T>(organizationId: string, key: string, value: T, since: CacheGeneration): void {
    if (this.organizations.get(organizationId) !== since || this.ttlMs <= 0) return;
    const compact = compactKey(key);
    if (!this.hit(organizationId, compact)) void this.fill(organizationId, compact, () => Promise.resolve(value));
  }

  /** Drops everything cached for the organization (after any write that may change what it reads). */
  invalidate(organizationId: string): void {
    this.organizations.delete(organizationId);
  }

  /** Drops what the organization's tickets, messages and sales make stale: all but its configuration. */
  invalidateData(organizationId: string): void {
    const entries = this.organizations.get(organizationId);
    if (!entries) return;
    for (const [key, entry] of entries) if (!entry.config) entries.delete(key);
  }

  /** Now and then, drops expired entries, so organizations that stopped reading do not keep results alive. */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const [organizationId, entries] of this.organizations) {
      for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
      if (entries.size === 0) this.organizations.delete(organizationId);
    }
  }

  private entriesOf(organizationId: string): Map<string, Entry> {
    let entries = this.organizations.get(organizationId);
    if (entries) {
      // Most recently used last, so the oldest organization is the first key.
      this.organizations.delete(organizationId);
    } else {
      entries = new Map();
      if (this.organizations.size >= MAX_ORGANIZATIONS)
        this.organizations.delete(this.organizations.keys().next().value!);
    }
    this.organizations.set(organizationId, entries);
    return entries;
  }
}
