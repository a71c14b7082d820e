import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatTime } from './format';

/** Intl puts a no-break space between the currency symbol and the amount. */
const nbsp = (text: string) => text.replace(/ /g, '\u00a0');

describe('formatMoney', () => {
  it('formats BRL the Brazilian way by default', () => {
    expect(formatMoney(1500)).toBe(nbsp('R$ 1.500,00'));
    expect(formatMoney(1500).replace(/\u00a0/g, ' ')).toBe('R$ 1.500,00');
  });

  it('keeps cents, thousands and negative values', () => {
    expect(formatMoney(1234567.891)).toBe(nbsp('R$ 1.234.567,89'));
    expect(formatMoney(0.5)).toBe(nbsp('R$ 0,50'));
    expect(formatMoney(-1500)).toBe(nbsp('-R$ 1.500,00'));
  });

  it('accepts numeric strings and rejects garbage', () => {
    expect(formatMoney('99.9')).toBe(nbsp('R$ 99,90'));
    expect(formatMoney('abc')).toBe('');
    expect(formatMoney(null)).toBe('');
    expect(formatMoney(undefined)).toBe('');
    expect(formatMoney(Number.NaN)).toBe('');
  });

  it('supports other currencies and locales', () => {
    expect(formatMoney(1500, 'USD', 'en-US')).toBe('$1,500.00');
    expect(formatMoney(1500, 'USD')).toBe(nbsp('US$ 1.500,00'));
  });
});

describe('formatDateTime', () => {
  it('shows the time in São Paulo (UTC-3) by default', () => {
    expect(formatDateTime('2025-01-15T13:30:00Z')).toBe('15/01/2025, 10:30');
  });

  it('crosses the day boundary in the organization time zone', () => {
    expect(formatDateTime('2025-03-01T02:15:00.000Z')).toBe('28/02/2025, 23:15');
    expect(formatDate('2025-03-01T02:15:00.000Z')).toBe('28/02/2025');
    expect(formatTime('2025-03-01T02:15:00.000Z')).toBe('23:15');
    expect(formatTime('2025-03-01T02:15:00.000Z', 'Asia/Tokyo')).toBe('11:15');
  });

  it('honours another time zone and locale', () => {
    expect(formatDateTime('2025-01-15T13:30:00Z', 'UTC')).toBe('15/01/2025, 13:30');
    expect(formatDateTime('2025-01-15T13:30:00Z', 'America/Manaus')).toBe('15/01/2025, 09:30');
    expect(formatDateTime('2025-01-15T13:30:00Z', 'America/Sao_Paulo', 'en-US')).toBe('01/15/2025, 10:30');
  });

  it('accepts Date objects and returns an empty string for invalid input', () => {
    expect(formatDateTime(new Date('2025-06-10T12:00:00Z'))).toBe('10/06/2025, 09:00');
    expect(formatDateTime('not a date')).toBe('');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('')).toBe('');
  });
});
