import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  countActiveFilters,
  parseTicketFilters,
  serializeTicketFilters,
  toTicketQuery,
  withFilters,
  type TicketFilters,
} from './ticketFilters';

const parse = (search: string) => parseTicketFilters(new URLSearchParams(search));
const serialize = (filters: TicketFilters) => serializeTicketFilters(filters).toString();

describe('ticket filters in the URL', () => {
  it('reads an empty URL as the defaults and writes the defaults as an empty URL', () => {
    expect(parse('')).toEqual(DEFAULT_FILTERS);
    expect(serialize(DEFAULT_FILTERS)).toBe('');
  });

  it('round-trips every filter, defaults omitted, in a stable order', () => {
    const filters: TicketFilters = {
      q: 'joão',
      stageId: 's2',
      origin: 'google',
      source: 'paid',
      period: '7d',
      hasSales: false,
      assigneeId: 'a7c2f1d4-3b7e-4c55-8f0e-2d9b6e1a4c33',
      page: 3,
      sort: '-dealValue',
    };
    const search = serialize(filters);
    expect(search).toBe(
      'q=jo%C3%A3o&stage=s2&origin=google&source=paid&period=7d&hasSales=false&assignee=a7c2f1d4-3b7e-4c55-8f0e-2d9b6e1a4c33&page=3&sort=-dealValue',
    );
    expect(parse(search)).toEqual(filters);
  });

  it('keeps a custom range as from/to (no period parameter) and orders the dates', () => {
    const filters = parse('from=2025-02-10&to=2025-01-31');
    expect(filters).toMatchObject({ period: 'custom', dateFrom: '2025-01-31', dateTo: '2025-02-10' });
    expect(serialize(filters)).toBe('from=2025-01-31&to=2025-02-10');
    expect(serialize({ ...DEFAULT_FILTERS, period: 'custom' })).toBe('period=custom');
  });

  it('keeps the unassigned filter and sends it as assigneeId=none', () => {
    const filters = parse('assignee=none');
    expect(filters.assigneeId).toBe('none');
    expect(serializeTicketFilters(filters).toString()).toBe('assignee=none');
    expect(toTicketQuery(filters).assigneeId).toBe('none');
  });

  it('falls back to the defaults for malformed values', () => {
    expect(parse('period=ontem&source=tv&hasSales=maybe&page=-2&sort=name&from=2025-13-45&stage=a%20b')).toEqual(
      DEFAULT_FILTERS,
    );
    expect(parse('q=%20%20&page=1.5')).toEqual(DEFAULT_FILTERS);
  });

  it('goes back to the first page when a filter changes, and forgets the range of a preset', () => {
    const current = parse('page=4&from=2025-01-01&to=2025-01-31');
    expect(withFilters(current, { origin: 'facebook' })).toMatchObject({ origin: 'facebook', page: 1 });
    expect(withFilters(current, { page: 5 }).page).toBe(5);
    expect(withFilters(current, { period: '30d' })).toMatchObject({
      period: '30d',
      dateFrom: undefined,
      dateTo: undefined,
    });
  });

  it('counts the filters that narrow the list', () => {
    expect(countActiveFilters(DEFAULT_FILTERS)).toBe(0);
    expect(countActiveFilters(parse('q=x&page=2&sort=dealValue'))).toBe(0);
    expect(countActiveFilters(parse('stage=s1&period=today&hasSales=true'))).toBe(3);
  });
});

describe('toTicketQuery', () => {
  it('sends only what differs from the API defaults', () => {
    expect(toTicketQuery(DEFAULT_FILTERS)).toEqual({});
    expect(toTicketQuery(parse('q=%20maria%20&period=thisMonth&hasSales=true&page=2'), 20)).toEqual({
      q: 'maria',
      dateRange: 'thisMonth',
      hasSales: true,
      page: 2,
      pageSize: 20,
    });
  });

  it('sends a custom range as dateFrom/dateTo', () => {
    expect(toTicketQuery(parse('from=2025-01-01&to=2025-01-31&sort=dealValue'))).toEqual({
      dateFrom: '2025-01-01',
      dateTo: '2025-01-31',
      sort: 'dealValue',
    });
  });

  it('sends the queue filters: me as assignee, open status, waiting, and the queue sorts', () => {
    const filters = parse('assignee=me&status=open&waiting=true&sort=waitingSince');
    expect(serialize(filters)).toBe('assignee=me&status=open&waiting=true&sort=waitingSince');
    expect(toTicketQuery(filters)).toEqual({ assigneeId: 'me', status: 'open', waiting: true, sort: 'waitingSince' });
    expect(toTicketQuery(parse('sort=-lastMessageAt')).sort).toBe('-lastMessageAt');
    expect(parse('status=archived&waiting=maybe')).toMatchObject({ status: undefined, waiting: undefined });
    expect(countActiveFilters(filters)).toBe(1);
  });
});
