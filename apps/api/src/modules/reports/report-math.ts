/** Rounds half away from zero at `digits` decimals, on the decimal text (so 1.005 rounds to 1.01). */
export function round(value: number, digits: number): number {
  const text = String(value);
  if (/e/i.test(text)) return Math.round(value * 10 ** digits) / 10 ** digits;
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(value)}e${digits}`));
  return sign * Number(`${shifted}e-${digits}`) || 0;
}

export const money = (value: number): number => round(value, 2);
export const rate = (value: number): number => round(value, 4);

/** a / b rounded, or null when b is zero or either side is unknown (never a division by zero). */
export function ratio(a: number | null, b: number | null, digits: number): number | null {
  if (a === null || b === null || b === 0) return null;
  return round(a / b, digits);
}

/** Calendar arithmetic on YYYY-MM-DD strings (no time zone involved: they already are local days). */
export function addCalendar(day: string, unit: 'day' | 'week' | 'month', amount: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date =
    unit === 'month'
      ? new Date(Date.UTC(y, m - 1 + amount, 1))
      : new Date(Date.UTC(y, m - 1, d + amount * (unit === 'week' ? 7 : 1)));
  return date.toISOString().slice(0, 10);
}

/** The first day of the bucket holding `day`, like PostgreSQL date_trunc (weeks start on Monday). */
export function truncateDay(day: string, unit: 'day' | 'week' | 'month'): string {
  if (unit === 'day') return day;
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return addCalendar(day, 'day', -sinceMonday);
}
