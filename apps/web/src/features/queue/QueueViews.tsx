import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';
import type { TicketFiltersState } from '../tickets/useTicketFilters';
import { activeView, QUEUE_VIEWS, VIEW_COUNT, viewFilters, type QueueView } from './queueViews';
import './queue.css';

/**
 * The agent's queues above the ticket list ("Minhas", "Sem responsável", "Aguardando resposta", "Todos"), each with
 * its count of open tickets. A segmented control of toggle buttons: choosing one sets its filters in the URL.
 */
export function QueueViews({ state }: { state: Pick<TicketFiltersState, 'filters' | 'setFilters'> }) {
  const { t } = useTranslation();
  const counts = useApiQuery(queryKeys.tickets.views());
  const current = activeView(state.filters);

  const count = (view: QueueView) => {
    if (view === 'all') return null;
    if (counts.isPending) return <span className="queue-view-count skeleton" aria-hidden="true" />;
    if (!counts.data) return null;
    const value = counts.data[VIEW_COUNT[view]];
    return (
      <span className="queue-view-count">
        <span aria-hidden="true">{value}</span>
        <span className="visually-hidden">{t('queue.views.count', { count: value })}</span>
      </span>
    );
  };

  return (
    <div className="queue-views-bar">
      <div
        className="queue-views"
        role="group"
        aria-label={t('queue.views.label')}
        aria-busy={counts.isPending || undefined}
      >
        {QUEUE_VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            className="queue-view"
            aria-pressed={current === view}
            onClick={() => state.setFilters(viewFilters(view))}
          >
            <span>{t(`queue.views.${view}`)}</span>
            {count(view)}
          </button>
        ))}
      </div>
      {counts.isError && (
        <p className="queue-views-error small" role="status">
          {t('queue.views.countsFailed')}{' '}
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void counts.refetch()}>
            {t('errors.retry')}
          </button>
        </p>
      )}
    </div>
  );
}
