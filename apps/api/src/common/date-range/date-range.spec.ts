import { resolveDateRange } from './date-range';

const SP = 'America/Sao_Paulo';
// 2026-03-01 01:30 in São Paulo (UTC-3) is still 2026-02-28 in nobody's mind but UTC's: 2026-03-01T04:30Z.
const now = new Date('2026-03-01T04:30:00Z');
const iso = (r: { from?: Date; to?: Date }) => ({ from: r.from?.toISOString(), to: r.to?.toISOString() });

describe('resolveDateRange in America/Sao_Paulo', () => {
  it.each([
    ['today', '2026-03-01T03:00:00.000Z', '2026-03-02T03:00:00.000Z'],
    ['yesterday', '2026-02-28T03:00:00.000Z', '2026-03-01T03:00:00.000Z'],
    ['7d', '2026-02-23T03:00:00.000Z', '2026-03-02T03:00:00.000Z'],
    ['30d', '2026-01-31T03:00:00.000Z', '2026-03-02T03:00:00.000Z'],
    ['90d', '2025-12-02T03:00:00.000Z', '2026-03-02T03:00:00.000Z'],
    ['thisMonth', '2026-03-01T03:00:00.000Z', '2026-04-01T03:00:00.000Z'],
    ['lastMonth', '2026-02-01T03:00:00.000Z', '2026-03-01T03:00:00.000Z'],
    ['thisYear', '2026-01-01T03:00:00.000Z', '2027-01-01T03:00:00.000Z'],
  ] as const)('%s', (preset, from, to) => {
    expect(iso(resolveDateRange({ dateRange: preset }, SP, now))).toEqual({ from, to });
  });

  it('all has no bounds', () => {
    expect(resolveDateRange({ dateRange: 'all' }, SP, now)).toEqual({ from: undefined, to: undefined });
    expect(resolveDateRange({}, SP, now)).toEqual({ from: undefined, to: undefined });
  });

  it('a custom range includes both calendar days', () => {
    expect(iso(resolveDateRange({ dateFrom: '2026-01-10', dateTo: '2026-01-12' }, SP, now))).toEqual({
      from: '2026-01-10T03:00:00.000Z',
      to: '2026-01-13T03:00:00.000Z',
    });
    expect(iso(resolveDateRange({ dateFrom: '2026-01-10' }, SP, now))).toEqual({
      from: '2026-01-10T03:00:00.000Z',
      to: undefined,
    });
  });

  it('uses the given zone, not the server zone', () => {
    expect(iso(resolveDateRange({ dateRange: 'today' }, 'Asia/Tokyo', now))).toEqual({
      from: '2026-02-28T15:00:00.000Z',
      to: '2026-03-01T15:00:00.000Z',
    });
  });
});
