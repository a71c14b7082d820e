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

/** A days range cut into whole months (read from month cells) and the days at its edges (from day cells). */
export interface GrainSplit {
  /** [from, to) of the month cells' first days; absent when no whole month lies inside. */
  months?: { from?: string; to?: string };
  /** Day ranges [from, to) read from day cells (open bounds absent). */
  days: { from?: string; to?: string }[];
}

/** Whole months inside [fromDay, toDay) come from month cells, the rest from day cells. */
export function splitByGrain(fromDay: string | undefined, toDay: string | undefined): GrainSplit {
  const firstWhole = fromDay === undefined ? undefined : fromDay.endsWith('-01') ? fromDay : nextMonth(fromDay);
  const endWhole = toDay === undefined ? undefined : `${toDay.slice(0, 7)}-01`;
  if (firstWhole !== undefined && endWhole !== undefined && firstWhole >= endWhole) {
    return { days: [{ from: fromDay, to: toDay }] };
  }
  const days: GrainSplit['days'] = [];
  if (fromDay !== undefined && fromDay !== firstWhole) days.push({ from: fromDay, to: firstWhole });
  if (toDay !== undefined && toDay !== endWhole) days.push({ from: endWhole, to: toDay });
  return { months: { from: firstWhole, to: endWhole }, days };
}

function nextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}
