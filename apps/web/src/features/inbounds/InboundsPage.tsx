import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../layout/PageHeader';
import { useTeamMembers } from '../team/useTeamMembers';
import { TicketFiltersBar } from '../tickets/TicketFiltersBar';
import { countActiveFilters, toTicketQuery } from '../tickets/ticketFilters';
import { useStages } from '../tickets/useStages';
import { useTicketFilters } from '../tickets/useTicketFilters';
import { useOrigins } from '../tickets/useOrigins';
import { EmptyState } from '../ui/EmptyState';
import { Pagination } from '../ui/Pagination';
import { QueryError } from '../ui/QueryError';
import { SkeletonList } from '../ui/Skeleton';
import { InboundsTable } from './InboundsTable';
import { queryKeys } from '../../api/query-keys';
import { useApiQuery } from '../../api/useApiQuery';

const PAGE_SIZE = 25;

/** /dashboard/inbounds: the marketing view of the tickets (click ids and UTMs), with the ticket filters. */
export function InboundsPage() {
  const { t } = useTranslation();
  const filtersState = useTicketFilters();
  const { filters, setFilters, resetFilters } = filtersState;
  const stages = useStages();
  const users = useTeamMembers();
  const origins = useOrigins();
  const list = useApiQuery(queryKeys.tickets.inbounds(toTicketQuery(filters, PAGE_SIZE)), {
    placeholderData: keepPreviousData,
  });
  const filtered = countActiveFilters(filters) > 0 || filters.q !== '';

  return (
    <>
      <PageHeader title={t('nav.inbounds')} subtitle={t('inbounds.subtitle')} />
      <TicketFiltersBar state={filtersState} stages={stages.data ?? []} origins={origins} users={users} />
      {list.isPending ? (
        <SkeletonList label={t('inbounds.loading')} rows={6} height={52} />
      ) : list.isError && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={filtered ? t('tickets.emptyFiltered') : t('inbounds.empty')}>
          <p>{filtered ? t('tickets.emptyFilteredHint') : t('inbounds.emptyHint')}</p>
          {filtered && (
            <button type="button" className="btn btn-secondary btn-sm empty-state-action" onClick={resetFilters}>
              {t('filters.clear')}
            </button>
          )}
        </EmptyState>
      ) : (
        <>
          <InboundsTable items={list.data.items} stale={list.isPlaceholderData} />
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize || PAGE_SIZE}
            total={list.data.total}
            onPage={(page) => setFilters({ page })}
          />
        </>
      )}
    </>
  );
}
