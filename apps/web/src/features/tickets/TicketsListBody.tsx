import type { Stage, TicketList, User } from '@whatrack/api-client';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/usePermissions';
import { EmptyState } from '../ui/EmptyState';
import { QueryError } from '../ui/QueryError';
import { SkeletonList } from '../ui/Skeleton';
import type { QueueView } from '../queue/queueViews';
import { TicketsTable } from './TicketsTable';

interface TicketsListBodyProps {
  list: Pick<UseQueryResult<TicketList, unknown>, 'data' | 'error' | 'isPending' | 'isPlaceholderData' | 'refetch'>;
  stages: readonly Stage[];
  users: readonly User[];
  /** The queue view the filters are in (undefined when they mix). */
  view?: QueueView;
  filtersActive: boolean;
  onClearFilters: () => void;
}

/** The table, or its loading, error and empty states. */
export function TicketsListBody({ list, stages, users, view, filtersActive, onClearFilters }: TicketsListBodyProps) {
  const { t } = useTranslation();
  const { canManage } = usePermissions();
  if (list.isPending) return <SkeletonList label={t('tickets.loading')} rows={6} height={52} />;
  if (list.error && !list.data) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return null;
  if (list.data.items.length === 0) {
    // An empty queue is good news, unless other filters are narrowing it too.
    if (view && view !== 'all' && !filtersActive) {
      return <EmptyState title={t(`queue.empty.${view}`)}>{t('queue.empty.hint')}</EmptyState>;
    }
    return filtersActive ? (
      <EmptyState title={t('tickets.emptyFiltered')}>
        <p>{t('tickets.emptyFilteredHint')}</p>
        <button type="button" className="btn btn-secondary btn-sm empty-state-action" onClick={onClearFilters}>
          {t('filters.clear')}
        </button>
      </EmptyState>
    ) : (
      <EmptyState title={t('tickets.empty')}>
        {canManage ? t('tickets.emptyHint') : t('tickets.emptyHintReadOnly')}
      </EmptyState>
    );
  }
  return <TicketsTable tickets={list.data.items} stages={stages} users={users} stale={list.isPlaceholderData} />;
}
