import { tz } from '@date-fns/tz';
import { UNASSIGNED } from '@whatrack/shared';
import { format, startOfDay } from 'date-fns';
import type { TicketFilter } from '../tickets/ticket-filter.sql';

/** The cells a rollup read covers: one organization, local days [fromDay, toDay), and the filter's dimensions. */
export interface RollupScope {
  organizationId: string;
  /** 'YYYY-MM-DD' in the organization's time zone, inclusive; absent: open. */
  fromDay?: string;
  /** 'YYYY-MM-DD', exclusive; absent: open. */
  toDay?: string;
  stageId?: string;
  status?: string;
  hasSales?: boolean;
  /** A user id; null: tickets nobody is assigned to. */
  assigneeId?: string | null;
  source?: string;
  /** utm_source */
  origin?: string;
  platformId?: string;
}

/**
 * The rollup scope of a ticket filter, or null when the rollups cannot answer it: a search (`q`) or a queue
 * condition (waiting, unread: they change with every message, so they are not cells), or a bound that is not a
 * local midnight of `timeZone` (cells are whole local days). `me` without a user (assigneeId null) matches
 * nothing, which the plain count answers at once.
 */
export function rollupScopeOf(filter: TicketFilter, timeZone: string): RollupScope | null {
  if (filter.q || filter.waiting !== undefined || filter.unread !== undefined) return null;
  if (filter.assigneeId === null) return null;
  const fromDay = filter.from ? localDay(filter.from, timeZone) : undefined;
  const toDay = filter.to ? localDay(filter.to, timeZone) : undefined;
  if (fromDay === null || toDay === null) return null;
  const { organizationId, stageId, status, hasSales, source, origin, platformId } = filter;
  return {
    ...{ organizationId, fromDay, toDay, stageId, status, hasSales, source, origin, platformId },
    assigneeId: filter.assigneeId === UNASSIGNED ? null : filter.assigneeId,
  };
}

/** The cells of the queue (ticket_queue_cells): one organization's tickets by status, assignee, waiting, unread. */
export interface QueueScope {
  organizationId: string;
  status?: string;
  /** A user id; null: tickets nobody is assigned to. */
  assigneeId?: string | null;
  waiting?: boolean;
  unread?: boolean;
}

/**
 * The queue scope of a ticket filter, or null when its conditions are not all queue cell dimensions (dates, stage,
 * origin, sales, a search...). Far fewer cells than the rollups: the first choice when it can answer.
 */
export function queueScopeOf(filter: TicketFilter): QueueScope | null {
  const { organizationId, status, assigneeId, waiting, unread } = filter;
  const others = [filter.from, filter.to, filter.stageId, filter.origin, filter.source, filter.hasSales];
  if (filter.q || filter.platformId !== undefined || others.some((v) => v !== undefined)) return null;
  if (assigneeId === null) return null;
  return { organizationId, status, waiting, unread, assigneeId: assigneeId === UNASSIGNED ? null : assigneeId };
}

/** The local calendar day that starts at `instant`, or null when it is not a local midnight. */
export function localDay(instant: Date, timeZone: string): string | null {
  const zone = { in: tz(timeZone) };
  if (startOfDay(instant, zone).getTime() !== instant.getTime()) return null;
  return format(instant, 'yyyy-MM-dd', zone);
}

/** Compacted cells of one grain over days [from, to) (open bounds absent), added (+1) or taken away (-1). */
export interface GrainPart {
  grain: 'day' | 'week' | 'month';
  from?: string;
  to?: string;
  sign: 1 | -1;
}

/**
 * The compacted cells that sum to the days [fromDay, toDay): month cells for whole months; for a month the range
 * covers in part, whichever reads fewer cells: its days inside the range, or its month cell minus its days outside
 * (a "last 30 days" is then one or two month cells and a few days, not 30 days of cells).
 */
export function splitByGrain(fromDay: string | undefined, toDay: string | undefined): GrainPart[] {
  const head = fromDay !== undefined && !fromDay.endsWith('-01') ? monthOf(fromDay) : undefined;
  const tail = toDay !== undefined && !toDay.endsWith('-01') ? monthOf(toDay) : undefined;
  if (head !== undefined && head === tail) return partialMonth(head, fromDay!, toDay!);
  const parts: GrainPart[] = [];
  if (head !== undefined) parts.push(...partialMonth(head, fromDay!, nextMonth(head)));
  if (tail !== undefined) parts.push(...partialMonth(tail, tail, toDay!));
  const from = head !== undefined ? nextMonth(head) : fromDay;
  const to = tail ?? toDay;
  if (from === undefined || to === undefined || from < to) parts.push({ grain: 'month', from, to, sign: 1 });
  return parts;
}

/** Days [from, to) of one month: those days, or the month minus the others, whichever has fewer days. */
function partialMonth(month: string, from: string, to: string): GrainPart[] {
  const end = nextMonth(month);
  if (days(from, to) <= days(month, from) + days(to, end) + 1) return [{ grain: 'day', from, to, sign: 1 }];
  const parts: GrainPart[] = [{ grain: 'month', from: month, to: end, sign: 1 }];
  if (month < from) parts.push({ grain: 'day', from: month, to: from, sign: -1 });
  if (to < end) parts.push({ grain: 'day', from: to, to: end, sign: -1 });
  return parts;
}

/**
 * The compacted cells that sum to the days [fromDay, toDay) for weekly buckets: week cells (Monday to Sunday) for
 * the whole weeks inside, day cells for the days before the first Monday and from the last one.
 */
export function splitByWeek(fromDay: string | undefined, toDay: string | undefined): GrainPart[] {
  const first =
    fromDay === undefined ? undefined : mondayOf(fromDay) === fromDay ? fromDay : addDays(mondayOf(fromDay), 7);
  const end = toDay === undefined ? undefined : mondayOf(toDay);
  if (first !== undefined && end !== undefined && first >= end)
    return [{ grain: 'day', from: fromDay, to: toDay, sign: 1 }];
  const parts: GrainPart[] = [{ grain: 'week', from: first, to: end, sign: 1 }];
  if (fromDay !== undefined && fromDay !== first) parts.push({ grain: 'day', from: fromDay, to: first, sign: 1 });
  if (toDay !== undefined && toDay !== end) parts.push({ grain: 'day', from: end, to: toDay, sign: 1 });
  return parts;
}

function mondayOf(day: string): string {
  return addDays(day, -((new Date(Date.parse(day)).getUTCDay() + 6) % 7));
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);
}

function monthOf(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

function nextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}

function days(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}
