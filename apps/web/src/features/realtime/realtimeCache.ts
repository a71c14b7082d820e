import type { InvalidateQueryFilters, QueryClient, QueryKey } from '@tanstack/react-query';
import type { Stage, StageList, UserList } from '@whatrack/api-client';
import { applyTicketChange } from '../tickets/applyTicketChange';
import type { TicketChange } from '../tickets/ticketCache';
import { queryKeys } from '../../api/query-keys';
import { cachedTicket } from './cachedTicket';
import { createMessagesRefresher } from './messagesRefresher';
import type { RealtimeEvent, RealtimeEventMap } from './realtimeEvents';
import { listDependsOnChange, patchQueueFields, queueFields } from './ticketQueueFields';

type TicketUpdated = RealtimeEventMap['ticket.updated'];

/** Coalesces the invalidations of a burst of events (a replay after a reconnection) into one refetch each. */
const BATCH_MS = 50;

const INBOUNDS = '/api/v1/tickets/inbounds';
const SALES = '/api/v1/tickets/{ticketId}/sales';

export interface RealtimeCache {
  apply: (event: RealtimeEvent) => void;
  dispose: () => void;
}

/** Whether a change of the ticket made in this tab (PATCH, mark read…) is waiting for the API. */
function editing(queryClient: QueryClient, ticketId: string): boolean {
  const pending = queryClient.isMutating({
    predicate: (mutation) => (mutation.state.variables as { id?: unknown } | undefined)?.id === ticketId,
  });
  return pending > 0;
}

/** The stage and assignee changes a patch can show at once (names come from the cached stages and users). */
function visibleChange(
  queryClient: QueryClient,
  before: NonNullable<ReturnType<typeof cachedTicket>>,
  data: TicketUpdated,
) {
  const change: TicketChange = {};
  if (before.stage.id !== data.stageId) {
    const stages = queryClient.getQueryData<StageList>(queryKeys.stages())?.items ?? [];
    const stage: Stage | undefined = stages.find((s) => s.id === data.stageId);
    if (stage) change.stage = stage;
  }
  if (before.assigneeId !== data.assigneeId) {
    const users = queryClient.getQueryData<UserList>(queryKeys.users())?.items ?? [];
    const name = data.assigneeId === null ? null : (users.find((u) => u.id === data.assigneeId)?.name ?? undefined);
    if (name !== undefined) change.assignee = { id: data.assigneeId, name };
  }
  if (before.dealValue !== data.dealValue) change.dealValue = data.dealValue;
  return change;
}

/**
 * Keeps the cached server state in step with the realtime stream (issue #14): `ticket.updated` patches the ticket
 * in every list page, Kanban column and detail without a request; changes that move tickets between lists (new
 * ticket, stage / assignee / status, sales) invalidate the lists, refetching only what is on screen.
 */
export function createRealtimeCache(queryClient: QueryClient): RealtimeCache {
  const messages = createMessagesRefresher(queryClient);
  const pending = new Map<string, InvalidateQueryFilters>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    timer = undefined;
    const filters = [...pending.values()];
    pending.clear();
    for (const filter of filters) void queryClient.invalidateQueries({ ...filter, refetchType: 'active' });
  };
  const invalidate = (id: string, filter: InvalidateQueryFilters) => {
    pending.set(id, filter);
    timer ??= setTimeout(flush, BATCH_MS);
  };
  const invalidateKey = (queryKey: QueryKey) => invalidate(JSON.stringify(queryKey), { queryKey });

  const invalidateTicketLists = () => {
    invalidateKey(queryKeys.tickets.lists());
    invalidateKey(queryKeys.tickets.views());
    invalidateKey(queryKeys.all(INBOUNDS));
  };
  const invalidateTicket = (ticketId: string) => {
    invalidateKey(queryKeys.tickets.detail(ticketId));
    invalidate(`sales:${ticketId}`, {
      queryKey: queryKeys.all(SALES),
      predicate: (query) =>
        (query.queryKey[2] as { params?: { path?: { ticketId?: string } } } | undefined)?.params?.path?.ticketId ===
        ticketId,
    });
  };

  const ticketUpdated = (data: TicketUpdated) => {
    const before = cachedTicket(queryClient, data.ticketId);
    if (before && editing(queryClient, data.ticketId)) {
      // This tab's change of the ticket is on its way: an event sent before it committed would undo its optimistic
      // stage, assignee or value on screen, and the mutation reads the lists again once it settles.
      patchQueueFields(queryClient, { ...data, dealValue: before.dealValue, status: before.status });
      return;
    }
    if (before) {
      const change = visibleChange(queryClient, before, data);
      if (Object.keys(change).length > 0) applyTicketChange(queryClient, data.ticketId, change);
    }
    patchQueueFields(queryClient, data);
    const moved =
      !before ||
      before.stage.id !== data.stageId ||
      before.assigneeId !== data.assigneeId ||
      before.status !== data.status;
    if (moved) {
      invalidateTicketLists();
      invalidateTicket(data.ticketId);
      return;
    }
    const was = queueFields(before);
    const now = queueFields(data);
    if (was.unreadCount !== now.unreadCount || was.waitingSince !== now.waitingSince) {
      invalidateKey(queryKeys.tickets.views());
    }
    const lists = queryClient.getQueryCache().findAll({ queryKey: queryKeys.tickets.lists() });
    for (const query of lists) {
      if (listDependsOnChange(query.queryKey, was, now)) invalidateKey(query.queryKey);
    }
  };

  const refreshAll = (since?: number) => {
    invalidate('all', since === undefined ? {} : { predicate: (query) => query.state.dataUpdatedAt < since });
  };

  return {
    apply(event) {
      switch (event.name) {
        case 'ready':
          // Data read before the stream was live may have missed events; what arrives from now on is patched.
          if (!event.data.resumed) refreshAll(Date.now());
          break;
        case 'resync':
          refreshAll();
          break;
        case 'ticket.created':
          invalidateTicketLists();
          invalidateTicket(event.data.ticketId);
          break;
        case 'ticket.updated':
          ticketUpdated(event.data);
          break;
        case 'sale.created':
        case 'sale.deleted':
          invalidateTicketLists();
          invalidateTicket(event.data.ticketId);
          break;
        case 'message.created':
          messages.refresh(event.data.conversationId);
          break;
        case 'note.created':
        case 'note.deleted':
          invalidateKey(queryKeys.notes(event.data.ticketId));
          break;
        case 'message.updated':
          messages.refreshHolding(event.data.ticketId, event.data.messageId);
          break;
      }
    },
    dispose() {
      clearTimeout(timer);
      pending.clear();
      messages.dispose();
    },
  };
}
