export const DEFAULT_LOCALE = 'pt-BR';
export const DEFAULT_CURRENCY = 'BRL';
export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';

// Intl formatters are costly to build and these helpers run in long lists: keep one per configuration.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `n|${locale}|${currency}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    cache.set(key, format);
  }
  return format;
}

function dateTimeFormat(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `d|${locale}|${timeZone}|${withTime}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    cache.set(key, format);
  }
  return format;
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Money in the organization currency: `formatMoney(1500)` -> `R$ 1.500,00`.
 * Intl separates the symbol with a no-break space (U+00A0) so it never wraps away from the amount.
 * Returns '' for null/undefined/non-finite values.
 */
export function formatMoney(
  value: number | string | null | undefined,
  currency: string = DEFAULT_CURRENCY,
  locale: string = DEFAULT_LOCALE,
): string {
  const amount = typeof value === 'string' ? Number(value) : value;
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return '';
  return numberFormat(locale, currency).format(amount);
}

/** Date and time in the given time zone: `formatDateTime('2025-01-15T13:30:00Z')` -> `15/01/2025, 10:30`. '' if invalid. */
export function formatDateTime(
  value: string | number | Date | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
  locale: string = DEFAULT_LOCALE,
): string {
  const date = toDate(value);
  return date ? dateTimeFormat(locale, timeZone, true).format(date) : '';
}

/** Calendar date in the given time zone: `formatDate('2025-01-15T01:00:00Z')` -> `14/01/2025`. '' if invalid. */
export function formatDate(
  value: string | number | Date | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
  locale: string = DEFAULT_LOCALE,
): string {
  const date = toDate(value);
  return date ? dateTimeFormat(locale, timeZone, false).format(date) : '';
}

/** Time of day in the given time zone: `formatTime('2025-01-15T13:30:00Z')` -> `10:30`. '' if invalid. */
export function formatTime(
  value: string | number | Date | null | undefined,
  timeZone: string = DEFAULT_TIME_ZONE,
  locale: string = DEFAULT_LOCALE,
): string {
  const date = toDate(value);
  if (!date) return '';
  const key = `t|${locale}|${timeZone}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    cache.set(key, format);
  }
  return format.format(date);
}
