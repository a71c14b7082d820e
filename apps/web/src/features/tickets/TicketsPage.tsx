import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../layout/PageHeader';
import { useTeamMembers } from '../team/useTeamMembers';
import { Pagination } from '../ui/Pagination';
import { ExportCsvButton } from './ExportCsvButton';
import { NewTicketButton } from './NewTicketButton';
import { QueueViews } from '../queue/QueueViews';
import { SortSelect } from '../queue/SortSelect';
import { activeView } from '../queue/queueViews';
import { TicketFiltersBar } from './TicketFiltersBar';
import { TicketsListBody } from './TicketsListBody';
import { TicketsSummary } from './TicketsSummary';
import { countActiveFilters } from './ticketFilters';
import { TICKETS_PAGE_SIZE, useTicketList } from './useTicketList';
import { useStages } from './useStages';
import { useTicketFilters } from './useTicketFilters';

/** /dashboard/tickets: indicators, the agent's queues, filters in the URL, the paginated table with quick actions. */
export function TicketsPage() {
  const { t } = useTranslation();
  const filtersState = useTicketFilters();
  const { filters, setFilters, resetFilters, search } = filtersState;
  const list = useTicketList(filters);
  const stages = useStages();
  const users = useTeamMembers();
  const stageList = stages.data ?? list.data?.stages ?? [];
  const view = activeView(filters);
  // A view's own assignee is not one more filter narrowing it (its empty state says the queue is empty).
  const narrowing = countActiveFilters(view && view !== 'all' ? { ...filters, assigneeId: undefined } : filters);

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        subtitle={t('tickets.subtitle')}
        actions={
          <>
            <Link className="btn btn-ghost" to={`/dashboard/kanban${search}`}>
              {t('tickets.viewKanban')}
            </Link>
            <ExportCsvButton filters={filters} />
            <NewTicketButton stages={stageList} users={users} />
          </>
        }
      />
      <TicketsSummary summary={list.data?.summary} />
      <div className="queue-toolbar">
        <QueueViews state={filtersState} />
        <SortSelect state={filtersState} />
      </div>
      <TicketFiltersBar state={filtersState} stages={stageList} origins={list.data?.origins ?? []} users={users} />
      <TicketsListBody
        list={list}
        stages={stageList}
        users={users}
        view={view}
        filtersActive={narrowing > 0 || filters.q !== ''}
        onClearFilters={resetFilters}
      />
      {list.data && (
        <Pagination
          page={list.data.page}
          pageSize={list.data.pageSize || TICKETS_PAGE_SIZE}
          total={list.data.total}
          onPage={(page) => setFilters({ page })}
        />
      )}
    </>
  );
}
