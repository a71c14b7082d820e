import { tz } from '@date-fns/tz';
import type { DateRangePreset } from '@whatrack/shared';
import { addDays, addMonths, addYears, startOfDay, startOfMonth, startOfYear, subDays } from 'date-fns';

/** A half-open interval [from, to) of instants; an absent bound is open. */
export interface DateInterval {
  from?: Date;
  to?: Date;
}

export interface DateRangeInput {
  dateRange?: DateRangePreset;
  /** Inclusive calendar dates (YYYY-MM-DD) in the organization's time zone. */
  dateFrom?: string;
  dateTo?: string;
}

function calendarDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // Midnight of that calendar day in the organization's zone.
  return startOfDay(new Date(Date.UTC(y, m - 1, d, 12)), { in: tz(timeZone) });
}

/** Resolves a preset (or a custom dateFrom/dateTo) to instants, computed in the organization's time zone. */
export function resolveDateRange(input: DateRangeInput, timeZone: string, now: Date): DateInterval {
  const range = resolveZoned(input, timeZone, now);
  // Plain Dates: the zoned ones serialize with an offset, and callers only need the instants.
  return {
    from: range.from ? new Date(range.from.getTime()) : undefined,
    to: range.to ? new Date(range.to.getTime()) : undefined,
  };
}

function resolveZoned(input: DateRangeInput, timeZone: string, now: Date): DateInterval {
  if (input.dateFrom || input.dateTo) {
    return {
      from: input.dateFrom ? calendarDay(input.dateFrom, timeZone) : undefined,
      to: input.dateTo ? addDays(calendarDay(input.dateTo, timeZone), 1, { in: tz(timeZone) }) : undefined,
    };
  }
  const ctx = { in: tz(timeZone) };
  const today = startOfDay(now, ctx);
  const tomorrow = addDays(today, 1, ctx);
  const preset = input.dateRange ?? 'all';
  switch (preset) {
    case 'today':
      return { from: today, to: tomorrow };
    case 'yesterday':
      return { from: subDays(today, 1, ctx), to: today };
    case '7d':
      return { from: subDays(today, 6, ctx), to: tomorrow };
    case '30d':
      return { from: subDays(today, 29, ctx), to: tomorrow };
    case '90d':
      return { from: subDays(today, 89, ctx), to: tomorrow };
    case 'thisMonth': {
      const start = startOfMonth(now, ctx);
      return { from: start, to: addMonths(start, 1, ctx) };
    }
    case 'lastMonth': {
      const start = startOfMonth(now, ctx);
      return { from: addMonths(start, -1, ctx), to: start };
    }
    case 'thisYear': {
      const start = startOfYear(now, ctx);
      return { from: start, to: addYears(start, 1, ctx) };
    }
    case 'all':
      return {};
  }
}
