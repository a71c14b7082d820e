import { DATE_RANGE_PRESETS, type DateRangePreset, TICKET_SOURCE_TYPES, UNASSIGNED } from '@whatrack/shared';
import type { TicketListQuery, TicketSourceType, TicketStatus } from '@whatrack/api-client';

export const TICKET_SORTS = [
  '-createdAt',
  'createdAt',
  '-dealValue',
  'dealValue',
  '-updatedAt',
  'updatedAt',
  '-lastMessageAt',
  'waitingSince',
] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];
export type Period = DateRangePreset | 'custom';
export const PERIODS: readonly Period[] = [...DATE_RANGE_PRESETS, 'custom'];

/** The filters of the ticket screens, as kept in the URL (`?stage=…&period=7d`). */
export interface TicketFilters {
  q: string;
  stageId?: string;
  origin?: string;
  source?: TicketSourceType;
  period: Period;
  /** Custom range (YYYY-MM-DD, inclusive); only with period 'custom'. */
  dateFrom?: string;
  dateTo?: string;
  hasSales?: boolean;
  /** A user's id, `none` (UNASSIGNED) or `me` (the agent looking at the screen). */
  assigneeId?: string;
  status?: TicketStatus;
  /** Only tickets waiting for the business's answer. */
  waiting?: boolean;
  page: number;
  sort: TicketSort;
}

export const DEFAULT_FILTERS: TicketFilters = { q: '', period: 'all', page: 1, sort: '-createdAt' };

/** URL parameter of each filter. */
const PARAM = {
  q: 'q',
  stageId: 'stage',
  origin: 'origin',
  source: 'source',
  period: 'period',
  dateFrom: 'from',
  dateTo: 'to',
  hasSales: 'hasSales',
  assigneeId: 'assignee',
  status: 'status',
  waiting: 'waiting',
  page: 'page',
  sort: 'sort',
} as const satisfies Record<keyof TicketFilters, string>;

const STATUSES: readonly TicketStatus[] = ['open', 'closed'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9A-Za-z_-]{1,64}$/;

function isDate(value: string | null): value is string {
  return value !== null && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T12:00:00Z`));
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return (values as readonly (string | null)[]).includes(value) ? (value as T) : undefined;
}

function text(value: string | null, max = 200): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

/** Reads the filters of a URL; anything unknown or malformed falls back to its default. */
export function parseTicketFilters(params: URLSearchParams): TicketFilters {
  const page = Number(params.get(PARAM.page));
  const stageId = params.get(PARAM.stageId);
  const assigneeId = params.get(PARAM.assigneeId);
  const hasSales = params.get(PARAM.hasSales);
  let dateFrom = isDate(params.get(PARAM.dateFrom)) ? (params.get(PARAM.dateFrom) ?? undefined) : undefined;
  let dateTo = isDate(params.get(PARAM.dateTo)) ? (params.get(PARAM.dateTo) ?? undefined) : undefined;
  if (dateFrom && dateTo && dateFrom > dateTo) [dateFrom, dateTo] = [dateTo, dateFrom];
  const custom = dateFrom !== undefined || dateTo !== undefined;
  const filters: TicketFilters = {
    q: text(params.get(PARAM.q)) ?? '',
    stageId: stageId && ID.test(stageId) ? stageId : undefined,
    origin: text(params.get(PARAM.origin), 255),
    source: oneOf<TicketSourceType>(TICKET_SOURCE_TYPES, params.get(PARAM.source)),
    period: custom ? 'custom' : (oneOf(PERIODS, params.get(PARAM.period)) ?? DEFAULT_FILTERS.period),
    dateFrom,
    dateTo,
    hasSales: hasSales === 'true' ? true : hasSales === 'false' ? false : undefined,
    assigneeId: assigneeId && (ID.test(assigneeId) || assigneeId === UNASSIGNED) ? assigneeId : undefined,
    status: oneOf(STATUSES, params.get(PARAM.status)),
    waiting: params.get(PARAM.waiting) === 'true' ? true : undefined,
    page: Number.isInteger(page) && page > 1 ? page : DEFAULT_FILTERS.page,
    sort: oneOf(TICKET_SORTS, params.get(PARAM.sort)) ?? DEFAULT_FILTERS.sort,
  };
  return filters;
}

/** The URL form of the filters, defaults omitted, in a stable order. */
export function serializeTicketFilters(filters: TicketFilters): URLSearchParams {
  const params = new URLSearchParams();
  const put = (key: keyof TicketFilters, value: string | number | boolean | undefined) => {
    if (value === undefined || value === '' || value === DEFAULT_FILTERS[key]) return;
    params.set(PARAM[key], String(value));
  };
  put('q', filters.q.trim());
  put('stageId', filters.stageId);
  put('origin', filters.origin);
  put('source', filters.source);
  const custom = filters.period === 'custom';
  if (!custom || (!filters.dateFrom && !filters.dateTo)) put('period', filters.period);
  if (custom) {
    put('dateFrom', filters.dateFrom);
    put('dateTo', filters.dateTo);
  }
  put('hasSales', filters.hasSales);
  put('assigneeId', filters.assigneeId);
  put('status', filters.status);
  put('waiting', filters.waiting);
  put('page', filters.page);
  put('sort', filters.sort);
  return params;
}

/** Applies a change; any change other than the page itself goes back to the first page. */
export function withFilters(current: TicketFilters, patch: Partial<TicketFilters>): TicketFilters {
  const next = { ...current, ...patch };
  if (patch.page === undefined) next.page = 1;
  if (next.period !== 'custom') {
    next.dateFrom = undefined;
    next.dateTo = undefined;
  }
  return next;
}

/** How many filters of the filters panel narrow the list (search, page, sort and the queue view's status and waiting excluded). */
export function countActiveFilters(filters: TicketFilters): number {
  const { stageId, origin, source, period, hasSales, assigneeId } = filters;
  return (
    [stageId, origin, source, hasSales, assigneeId].filter((v) => v !== undefined).length + (period !== 'all' ? 1 : 0)
  );
}

/** The API query of GET /tickets (also /tickets/inbounds and /tickets/export.csv) for these filters. */
export function toTicketQuery(filters: TicketFilters, pageSize?: number): TicketListQuery {
  const query: TicketListQuery = {};
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.stageId) query.stageId = filters.stageId;
  if (filters.origin) query.origin = filters.origin;
  if (filters.source) query.source = filters.source;
  if (filters.period === 'custom') {
    if (filters.dateFrom) query.dateFrom = filters.dateFrom;
    if (filters.dateTo) query.dateTo = filters.dateTo;
  } else if (filters.period !== 'all') {
    query.dateRange = filters.period;
  }
  if (filters.hasSales !== undefined) query.hasSales = filters.hasSales;
  if (filters.assigneeId) query.assigneeId = filters.assigneeId;
  if (filters.status) query.status = filters.status;
  if (filters.waiting) query.waiting = true;
  if (filters.page > 1) query.page = filters.page;
  if (pageSize !== undefined) query.pageSize = pageSize;
  if (filters.sort !== DEFAULT_FILTERS.sort) query.sort = filters.sort;
  return query;
}
