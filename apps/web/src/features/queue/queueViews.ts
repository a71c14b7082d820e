import type { TicketFilters } from '../tickets/ticketFilters';
import { UNASSIGNED } from '@whatrack/shared';
import type { GetData } from '../../api/query-keys';

/** `assigneeId=me`: the API reads it as the signed-in user. */
export const ASSIGNEE_ME = 'me';

export const QUEUE_VIEWS = ['all', 'mine', 'unassigned', 'waiting'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export type QueueViewCounts = GetData<'/api/v1/tickets/views'>;

type ViewFilters = Pick<TicketFilters, 'assigneeId' | 'status' | 'waiting'>;

/**
 * The filters of each view. The API counts the views over open tickets, so the lists ask for open tickets too and
 * show the same numbers.
 */
const VIEW_FILTERS: Record<QueueView, ViewFilters> = {
  all: { assigneeId: undefined, status: undefined, waiting: undefined },
  mine: { assigneeId: ASSIGNEE_ME, status: 'open', waiting: undefined },
  unassigned: { assigneeId: UNASSIGNED, status: 'open', waiting: undefined },
  waiting: { assigneeId: undefined, status: 'open', waiting: true },
};

/** The order a view opens in: the longest wait first for "waiting", the latest activity for the others. */
const VIEW_SORT: Partial<Record<QueueView, TicketFilters['sort']>> = {
  mine: '-lastMessageAt',
  unassigned: '-lastMessageAt',
  waiting: 'waitingSince',
};

/** The count of a view in GET /tickets/views ("all" has none there). */
export const VIEW_COUNT: Record<Exclude<QueueView, 'all'>, keyof QueueViewCounts> = {
  mine: 'mine',
  unassigned: 'unassigned',
  waiting: 'waiting',
};

/** What choosing a view changes in the filters (the other filters stay). */
export function viewFilters(view: QueueView): Partial<TicketFilters> {
  const sort = VIEW_SORT[view];
  return { ...VIEW_FILTERS[view], ...(sort ? { sort } : {}) };
}

/** The view the filters are in, whatever their sort; undefined when they mix (e.g. assigned to someone else). */
export function activeView(filters: TicketFilters): QueueView | undefined {
  return QUEUE_VIEWS.find((view) => {
    const preset = VIEW_FILTERS[view];
    return (
      preset.assigneeId === filters.assigneeId && preset.status === filters.status && preset.waiting === filters.waiting
    );
  });
}
