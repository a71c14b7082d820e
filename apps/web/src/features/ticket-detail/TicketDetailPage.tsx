import './ticket-detail.css';
import { ApiError } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { PageHeader } from '../layout/PageHeader';
import { EmptyState } from '../ui/EmptyState';
import { QueryError } from '../ui/QueryError';
import { SkeletonList } from '../ui/Skeleton';
import { ActivityTimeline } from './ActivityTimeline';
import { LeadCard } from './LeadCard';
import { MessagesThread } from './MessagesThread';
import { ComposerSwitch } from '../notes/ComposerSwitch';
import { SalesCard } from './SalesCard';
import { TicketControls } from './TicketControls';
import { TrackingCard } from './TrackingCard';
import { useMarkTicketRead } from '../queue/useMarkTicketRead';
import { useTicketDetail } from './useTicketDetail';
import { useEnumLabels } from '../../i18n/useEnumLabels';

/** /dashboard/tickets/:id: the lead, where they came from, the conversation, the sales and what happened. */
export function TicketDetailPage() {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { id = '' } = useParams();
  const { dateTime } = useOrganizationFormat();
  const detail = useTicketDetail(id);
  useMarkTicketRead(detail.data);
  const back = (
    <Link className="back-link" to="/dashboard/tickets">
      {t('ticket.back')}
    </Link>
  );

  if (detail.isPending) {
    return (
      <>
        {back}
        <SkeletonList label={t('ticket.loading')} rows={4} height={96} />
      </>
    );
  }
  if (detail.isError) {
    const notFound = ApiError.from(detail.error).statusCode === 404;
    return (
      <>
        {back}
        {notFound ? (
          <>
            <PageHeader title={t('ticket.notFound')} />
            <EmptyState title={t('ticket.notFoundHint')}>
              <Link to="/dashboard/tickets">{t('ticket.backToList')}</Link>
            </EmptyState>
          </>
        ) : (
          <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </>
    );
  }
  const ticket = detail.data;
  const lead = ticket.lead.name || ticket.lead.phone || t('tickets.noName');
  return (
    <>
      {back}
      <PageHeader
        title={lead}
        subtitle={t('ticket.subtitle', { date: dateTime(ticket.createdAt) })}
        actions={
          <span className="status-badge" data-status={ticket.status}>
            {labels.ticketStatus(ticket.status)}
          </span>
        }
      />
      <div className="detail-grid">
        <div className="detail-main">
          <TicketControls ticket={ticket} />
          <div className="detail-area-messages">
            <MessagesThread conversationId={ticket.conversation.id} ticketId={ticket.id}>
              <ComposerSwitch ticket={ticket} />
            </MessagesThread>
          </div>
          <div className="detail-area-timeline">
            <ActivityTimeline events={ticket.events} />
          </div>
        </div>
        <aside className="detail-side">
          <div className="detail-area-lead">
            <LeadCard ticket={ticket} />
          </div>
          <div className="detail-area-sales">
            <SalesCard ticket={ticket} />
          </div>
          <div className="detail-area-tracking">
            <TrackingCard ticket={ticket} />
          </div>
        </aside>
      </div>
    </>
  );
}
