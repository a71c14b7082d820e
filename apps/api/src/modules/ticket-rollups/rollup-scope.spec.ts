import { TicketStatus, UNASSIGNED } from '@whatrack/shared';
import { localDay, queueScopeOf, rollupScopeOf, splitByGrain, splitByWeek, type GrainPart } from './rollup-scope';

const dayAt = (n: number) => new Date(Date.UTC(2025, 10, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** How many times the parts count day `day` (a month part counts every day of its months). */
function weight(parts: GrainPart[], day: string): number {
  const inRange = (p: GrainPart, d: string) =>
    (p.from === undefined || d >= p.from) && (p.to === undefined || d < p.to);
  return parts.reduce(
    (sum, p) =>
      sum +
      (inRange(p, p.grain === 'month' ? `${day.slice(0, 7)}-01` : p.grain === 'week' ? monday(day) : day) ? p.sign : 0),
    0,
  );
}

/** The Monday of a day's week (what a week cell's day is). */
function monday(day: string): string {
  const t = Date.parse(day);
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}

describe('splitByWeek', () => {
  it('counts every day of the range exactly once, whole weeks from week cells', () => {
    for (let from = 0; from < 30; from += 1) {
      for (let to = from + 1; to < 60; to += 3) {
        const parts = splitByWeek(dayAt(from), dayAt(to));
        for (let d = -10; d < 80; d++)
          expect([from, to, d, weight(parts, dayAt(d))]).toEqual([from, to, d, d >= from && d < to ? 1 : 0]);
      }
    }
    expect(splitByWeek('2025-11-03', '2025-11-17')).toEqual([
      { grain: 'week', from: '2025-11-03', to: '2025-11-17', sign: 1 },
    ]);
    expect(splitByWeek(undefined, undefined)).toEqual([{ grain: 'week', sign: 1 }]);
  });
});

describe('splitByGrain', () => {
  it('counts every day of the range exactly once and no other day, whatever the range', () => {
    for (let from = 0; from < 75; from += 3) {
      for (let to = from + 1; to < 140; to += 4) {
        const parts = splitByGrain(dayAt(from), dayAt(to));
        for (let d = -40; d < 180; d++) expect([d, weight(parts, dayAt(d))]).toEqual([d, d >= from && d < to ? 1 : 0]);
      }
    }
  });

  it('reads a month cell minus a few days for a range covering most of a month', () => {
    expect(splitByGrain('2025-11-04', '2025-12-04')).toEqual([
      { grain: 'month', from: '2025-11-01', to: '2025-12-01', sign: 1 },
      { grain: 'day', from: '2025-11-01', to: '2025-11-04', sign: -1 },
      { grain: 'day', from: '2025-12-01', to: '2025-12-04', sign: 1 },
    ]);
  });

  it('reads month cells alone for open or month-aligned bounds', () => {
    expect(splitByGrain(undefined, undefined)).toEqual([{ grain: 'month', sign: 1 }]);
    expect(splitByGrain('2025-01-01', undefined)).toEqual([{ grain: 'month', from: '2025-01-01', sign: 1 }]);
    for (let d = -400; d < 400; d += 7)
      expect(weight(splitByGrain(undefined, '2025-06-10'), dayAt(d))).toBe(dayAt(d) < '2025-06-10' ? 1 : 0);
  });
});

describe('rollup scopes of a ticket filter', () => {
  const organizationId = 'org';
  it('answers whole local days only', () => {
    expect(localDay(new Date('2026-03-10T03:00:00Z'), 'America/Sao_Paulo')).toBe('2026-03-10');
    expect(localDay(new Date('2026-03-10T00:00:00Z'), 'America/Sao_Paulo')).toBeNull();
    const from = new Date('2026-03-10T03:00:00Z');
    expect(rollupScopeOf({ organizationId, from }, 'America/Sao_Paulo')?.fromDay).toBe('2026-03-10');
    expect(rollupScopeOf({ organizationId, from }, 'UTC')).toBeNull();
  });

  it('leaves searches and queue conditions to the tickets, and the queue cells to queue-only filters', () => {
    expect(rollupScopeOf({ organizationId, q: 'ana' }, 'UTC')).toBeNull();
    expect(rollupScopeOf({ organizationId, waiting: true }, 'UTC')).toBeNull();
    expect(rollupScopeOf({ organizationId, assigneeId: UNASSIGNED }, 'UTC')?.assigneeId).toBeNull();
    expect(queueScopeOf({ organizationId, waiting: true, status: TicketStatus.OPEN })).toEqual({
      ...{ organizationId, waiting: true, status: 'open', unread: undefined, assigneeId: undefined },
    });
    expect(queueScopeOf({ organizationId, waiting: true, stageId: 's' })).toBeNull();
    expect(queueScopeOf({ organizationId, assigneeId: null })).toBeNull();
  });
});
