import type { AppConfig } from '../../config/app-config';
import { Clock } from '../clock/clock';
import { OrgReadCache } from './org-read-cache';

const ORG_A = 'org-a';
const ORG_B = 'org-b';

function setup(ttlMs = 10_000, configTtlMs = 60_000) {
  const clock = new Clock();
  clock.freeze(new Date('2026-11-29T12:00:00Z'));
  const cache = new OrgReadCache({ readCacheTtlMs: ttlMs, configCacheTtlMs: configTtlMs } as AppConfig, clock);
  let loads = 0;
  const load = () => Promise.resolve(++loads);
  const advance = (ms: number) => clock.freeze(new Date(clock.now().getTime() + ms));
  return { cache, load, advance, loads: () => loads };
}

describe('OrgReadCache', () => {
  it('keeps configuration across row changes and with the read cache off, dropping it on a write request', async () => {
    const { cache, load, advance } = setup(0);
    expect(await cache.get(ORG_A, 'settings', load, { config: true })).toBe(1);
    expect(await cache.get(ORG_A, 'summary', load)).toBe(2);
    expect(await cache.get(ORG_A, 'summary', load)).toBe(3);
    cache.invalidateData(ORG_A);
    expect(await cache.get(ORG_A, 'settings', load, { config: true })).toBe(1);
    cache.invalidate(ORG_A);
    expect(await cache.get(ORG_A, 'settings', load, { config: true })).toBe(4);
    advance(60_000);
    expect(await cache.get(ORG_A, 'settings', load, { config: true })).toBe(5);
  });

  it('drops the computed results on a row change', async () => {
    const { cache, load } = setup();
    expect(await cache.get(ORG_A, 'summary', load)).toBe(1);
    cache.invalidateData(ORG_A);
    expect(await cache.get(ORG_A, 'summary', load)).toBe(2);
  });

  it('reuses a result within the TTL and reloads after it', async () => {
    const { cache, load, advance } = setup();
    expect(await cache.get(ORG_A, 'k', load)).toBe(1);
    advance(9_999);
    expect(await cache.get(ORG_A, 'k', load)).toBe(1);
    advance(1);
    expect(await cache.get(ORG_A, 'k', load)).toBe(2);
  });

  it('keeps keys and organizations apart', async () => {
    const { cache, load } = setup();
    expect(await cache.get(ORG_A, 'k', load)).toBe(1);
    expect(await cache.get(ORG_A, 'other', load)).toBe(2);
    expect(await cache.get(ORG_B, 'k', load)).toBe(3);
    expect(await cache.get(ORG_A, 'k', load)).toBe(1);
  });

  it('drops only the written organization on invalidate', async () => {
    const { cache, load } = setup();
    await cache.get(ORG_A, 'k', load);
    await cache.get(ORG_B, 'k', load);
    cache.invalidate(ORG_A);
    expect(await cache.get(ORG_A, 'k', load)).toBe(3);
    expect(await cache.get(ORG_B, 'k', load)).toBe(2);
  });

  it('shares one load between concurrent misses', async () => {
    const { cache, load, loads } = setup();
    const results = await Promise.all(Array.from({ length: 16 }, () => cache.get(ORG_A, 'k', load)));
    expect(new Set(results)).toEqual(new Set([1]));
    expect(loads()).toBe(1);
  });

  it('does not keep a failed load', async () => {
    const { cache, load } = setup();
    await expect(cache.get(ORG_A, 'k', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get(ORG_A, 'k', load)).toBe(1);
  });

  it('never caches with a TTL of 0', async () => {
    const { cache, load } = setup(0);
    expect(await cache.get(ORG_A, 'k', load)).toBe(1);
    expect(await cache.get(ORG_A, 'k', load)).toBe(2);
  });

  it('bounds the entries kept per organization, dropping the oldest', async () => {
    const { cache, load } = setup();
    for (let i = 0; i <= 200; i++) await cache.get(ORG_A, `k${i}`, load);
    expect(await cache.get(ORG_A, 'k200', load)).toBe(201);
    expect(await cache.get(ORG_A, 'k0', load)).toBe(202);
  });

  it('drops a value put after a write that came in while it was being read', async () => {
    const { cache, load } = setup();
    const before = cache.generation(ORG_A);
    cache.invalidate(ORG_A); // a write commits while the page is read
    cache.put(ORG_A, 'next-page', 'stale', before);
    expect(cache.peek(ORG_A, 'next-page')).toBeUndefined();
    const now = cache.generation(ORG_A);
    cache.put(ORG_A, 'next-page', 'fresh', now);
    expect(await cache.peek(ORG_A, 'next-page')).toBe('fresh');
    expect(await cache.get(ORG_A, 'next-page', load)).toBe('fresh');
  });

  it('keeps long keys apart by their digest', async () => {
    const { cache } = setup();
    const long = (tail: string) => `leads ${'x'.repeat(1_000)}${tail}`;
    await cache.get(ORG_A, long('1'), () => Promise.resolve('one'));
    expect(await cache.get(ORG_A, long('2'), () => Promise.resolve('two'))).toBe('two');
    expect(await cache.get(ORG_A, long('1'), () => Promise.resolve('again'))).toBe('one');
  });

  it('lets go of expired entries of organizations that stopped reading', async () => {
    const { cache, load, advance } = setup();
    await cache.get(ORG_A, 'k', load);
    const before = cache.generation(ORG_A);
    advance(61_000);
    await cache.get(ORG_B, 'k', load); // any read sweeps now and then
    // ORG_A's entries were dropped: a put against its old state is refused.
    cache.put(ORG_A, 'other', 'x', before);
    expect(cache.peek(ORG_A, 'other')).toBeUndefined();
  });

  describe('connected to other instances', () => {
    it('syncs before serving a hit, and reads afresh when the sync dropped the entry', async () => {
      const { cache, load } = setup();
      let syncs = 0;
      let onSync = (): void => undefined;
      cache.connect({
        sync: () => {
          syncs++;
          onSync();
          return Promise.resolve();
        },
        broadcast: () => Promise.resolve(),
      });
      expect(await cache.get(ORG_A, 'k', load)).toBe(1);
      expect(syncs).toBe(0); // a miss needs no sync
      expect(await cache.get(ORG_A, 'k', load)).toBe(1);
      expect(syncs).toBe(1);
      onSync = () => cache.invalidate(ORG_A); // another instance's write heard during the sync
      expect(await cache.get(ORG_A, 'k', load)).toBe(2);
    });

    it('serves a hit asked unsynced without a round trip', async () => {
      const { cache, load } = setup();
      let syncs = 0;
      cache.connect({ sync: () => Promise.resolve(void syncs++), broadcast: () => Promise.resolve() });
      expect(await cache.get(ORG_A, 'k', load, { synced: false })).toBe(1);
      expect(await cache.get(ORG_A, 'k', load, { synced: false })).toBe(1);
      expect(syncs).toBe(0);
      expect(await cache.get(ORG_A, 'k', load)).toBe(1);
      expect(syncs).toBe(1);
    });

    it('does not serve a hit when the sync fails', async () => {
      const { cache, load } = setup();
      cache.connect({ sync: () => Promise.reject(new Error('not listening')), broadcast: () => Promise.resolve() });
      expect(await cache.get(ORG_A, 'k', load)).toBe(1);
      expect(await cache.get(ORG_A, 'k', load)).toBe(2);
    });

    it('broadcasts a write to the others, and drops its own entries, without failing the write', async () => {
      const { cache, load } = setup();
      const told: string[] = [];
      cache.connect({
        sync: () => Promise.resolve(),
        broadcast: (organizationId) => {
          told.push(organizationId);
          return Promise.reject(new Error('listener down'));
        },
      });
      await cache.get(ORG_A, 'k', load);
      await cache.invalidateEverywhere(ORG_A);
      expect(told).toEqual([ORG_A]);
      expect(await cache.get(ORG_A, 'k', load)).toBe(2);
    });
  });
});
