import { useDroppable } from '@dnd-kit/core';
import type { Stage, TicketListItem } from '@whatrack/api-client';
import { type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { stageColor } from '../tickets/stageColor';
import type { TicketFilters } from '../tickets/ticketFilters';
import { QueryError } from '../ui/QueryError';
import { SkeletonList } from '../ui/Skeleton';
import { Spinner } from '../ui/Spinner';
import { KanbanCard } from './KanbanCard';
import { useKanbanColumn } from './useKanbanColumn';
import { useLoadMoreOnScroll } from './useLoadMoreOnScroll';

interface KanbanColumnProps {
  stage: Stage;
  filters: TicketFilters;
}

function uniqueTickets(pages: { items: TicketListItem[] }[]): TicketListItem[] {
  const seen = new Set<string>();
  return pages.flatMap((page) => page.items).filter((item) => !seen.has(item.id) && seen.add(item.id));
}

/** One stage: its count and deal value sum, its cards, more cards as it scrolls; a drop target. */
export function KanbanColumn({ stage, filters }: KanbanColumnProps) {
  const { t } = useTranslation();
  const { money } = useOrganizationFormat();
  const column = useKanbanColumn(filters, stage.id);
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = column;
  const sentinel = useLoadMoreOnScroll(hasNextPage && !isFetchingNextPage, () => void fetchNextPage());
  const summary = column.data?.pages[0]?.summary;
  const tickets = column.data ? uniqueTickets(column.data.pages) : [];
  const headingId = `kanban-column-${stage.id}`;

  return (
    <section
      ref={setNodeRef}
      className="kanban-column"
      data-over={isOver || undefined}
      aria-labelledby={headingId}
      data-testid={`kanban-column-${stage.name}`}
      style={{ '--stage-color': stageColor(stage.color) } as CSSProperties}
    >
      <header className="kanban-column-header">
        <h2 id={headingId} className="kanban-column-title">
          <span className="chip-dot" aria-hidden="true" />
          {stage.name}
          <span className="kanban-count">{summary ? summary.total : '…'}</span>
        </h2>
        <p className="muted small">{summary ? money(summary.dealValueTotal) : t('app.loading')}</p>
      </header>
      {column.isPending ? (
        <SkeletonList label={t('kanban.loadingColumn', { stage: stage.name })} rows={3} height={84} />
      ) : column.isError && !column.data ? (
        <QueryError error={column.error} onRetry={() => void column.refetch()} />
      ) : (
        <ul className="kanban-cards">
          {tickets.map((ticket) => (
            <li key={ticket.id}>
              <KanbanCard ticket={ticket} />
            </li>
          ))}
          {tickets.length === 0 && <li className="kanban-empty muted small">{t('kanban.emptyColumn')}</li>}
          {hasNextPage && (
            <li ref={sentinel} className="kanban-more">
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-disabled={isFetchingNextPage || undefined}
                onClick={() => !isFetchingNextPage && void fetchNextPage()}
              >
                {isFetchingNextPage && <Spinner />}
                {t('kanban.loadMore')}
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
