const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const cache = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    cache.set(locale, format);
  }
  return format;
}

/** How long ago something happened, in the largest whole unit: `há 3 dias`, `2 hr. ago`. '' for invalid dates. */
export function formatAge(value: string | Date, now: Date = new Date(), locale = 'pt-BR'): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return relativeFormat(locale).format(-Math.floor(seconds / size), unit);
  }
  return relativeFormat(locale).format(0, 'second');
}
