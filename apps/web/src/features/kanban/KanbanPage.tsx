import './kanban.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePermissions } from '../auth/usePermissions';
import { PageHeader } from '../layout/PageHeader';
import { useTeamMembers } from '../team/useTeamMembers';
import { TicketFiltersBar } from '../tickets/TicketFiltersBar';
import { useStages } from '../tickets/useStages';
import { useTicketFilters } from '../tickets/useTicketFilters';
import { EmptyState } from '../ui/EmptyState';
import { QueryError } from '../ui/QueryError';
import { SkeletonList } from '../ui/Skeleton';
import { KanbanBoard } from './KanbanBoard';
import { useOrigins } from '../tickets/useOrigins';

/** /dashboard/kanban: the pipeline, filtered like the table (same URL parameters, no stage). */
export function KanbanPage() {
  const { t } = useTranslation();
  const { canManage } = usePermissions();
  const filtersState = useTicketFilters();
  const { filters, search } = filtersState;
  const boardFilters = { ...filters, stageId: undefined, page: 1 };
  const stages = useStages();
  const users = useTeamMembers();
  const origins = useOrigins();

  return (
    <>
      <PageHeader
        title={t('nav.kanban')}
        subtitle={t('kanban.subtitle')}
        actions={
          <Link className="btn btn-ghost" to={`/dashboard/tickets${search}`}>
            {t('kanban.viewTable')}
          </Link>
        }
      />
      <TicketFiltersBar state={filtersState} stages={stages.data ?? []} origins={origins} users={users} hideStage />
      {stages.isPending ? (
        <SkeletonList label={t('tickets.stages.loading')} rows={3} height={120} />
      ) : stages.isError ? (
        <QueryError error={stages.error} onRetry={() => void stages.refetch()} />
      ) : stages.data.length === 0 ? (
        <EmptyState title={t('tickets.stages.empty')}>
          {canManage ? t('tickets.stages.emptyHint') : t('tickets.stages.emptyHintReadOnly')}
        </EmptyState>
      ) : (
        <KanbanBoard stages={stages.data} filters={boardFilters} />
      )}
    </>
  );
}
