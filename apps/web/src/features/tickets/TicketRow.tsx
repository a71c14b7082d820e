import type { Stage, TicketListItem, User } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { AssigneeSelect } from './AssigneeSelect';
import { DealValueEditor } from './DealValueEditor';
import { LastMessagePreview } from '../queue/LastMessagePreview';
import { UnreadBadge } from '../queue/UnreadBadge';
import { WaitingSince } from '../queue/WaitingSince';
import { PlatformBadge } from './PlatformBadge';
import { StageSelect } from './StageSelect';
import type { useUpdateTicket } from './useUpdateTicket';
import { useEnumLabels } from '../../i18n/useEnumLabels';

interface TicketRowProps {
  ticket: TicketListItem;
  stages: readonly Stage[];
  users: readonly User[];
  update: ReturnType<typeof useUpdateTicket>['mutate'];
}

/** One ticket of the table, with its quick actions (stage, assignee, deal value). */
export function TicketRow({ ticket, stages, users, update }: TicketRowProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { money, date, time, dateTime } = useOrganizationFormat();
  const lead = ticket.leadName || t('tickets.noName');
  const base = { id: ticket.id, leadName: ticket.leadName };

  return (
    <tr>
      <td data-label={t('tickets.columns.lead')}>
        <span className="queue-lead">
          <Link className="cell-title" to={`/dashboard/tickets/${ticket.id}`}>
            {lead}
          </Link>
          <UnreadBadge count={ticket.unreadCount} />
        </span>
        {ticket.leadPhone && <span className="cell-sub">{ticket.leadPhone}</span>}
        <LastMessagePreview ticket={ticket} />
        <WaitingSince since={ticket.waitingSince} />
      </td>
      <td data-label={t('tickets.columns.origin')}>
        <span className="cell-title">{ticket.utmSource ?? t('tickets.direct')}</span>
        <span className="cell-sub">
          {labels.ticketSourceType(ticket.sourceType)}
          {ticket.platform && <PlatformBadge platform={ticket.platform} />}
        </span>
      </td>
      <td data-label={t('tickets.columns.stage')}>
        <StageSelect
          stage={ticket.stage}
          stages={stages}
          label={t('tickets.actions.stage', { lead })}
          onChange={(stage) => update({ ...base, body: { stageId: stage.id }, change: { stage } })}
        />
      </td>
      <td data-label={t('tickets.columns.assignee')}>
        <AssigneeSelect
          assigneeId={ticket.assigneeId}
          assigneeName={ticket.assigneeName}
          users={users}
          label={t('tickets.actions.assignee', { lead })}
          onChange={(assignee) => update({ ...base, body: { assigneeId: assignee.id }, change: { assignee } })}
        />
      </td>
      <td data-label={t('tickets.columns.dealValue')} className="cell-number">
        <DealValueEditor
          value={ticket.dealValue}
          label={t('tickets.actions.dealValue', { lead })}
          onSave={(dealValue) => update({ ...base, body: { dealValue }, change: { dealValue } })}
        />
      </td>
      <td data-label={t('tickets.columns.messages')} className="cell-number">
        {ticket.messagesCount}
      </td>
      <td data-label={t('tickets.columns.sales')} className="cell-number">
        {ticket.salesCount > 0 ? (
          <>
            <span className="cell-title">{t('tickets.salesCount', { count: ticket.salesCount })}</span>
            <span className="cell-sub">{money(ticket.totalValue)}</span>
          </>
        ) : (
          <span className="muted" aria-label={t('tickets.noSales')}>
            —
          </span>
        )}
      </td>
      <td data-label={t('tickets.columns.createdAt')}>
        <time dateTime={ticket.createdAt} title={dateTime(ticket.createdAt)}>
          <span className="cell-title">{date(ticket.createdAt)}</span>
          <span className="cell-sub">{time(ticket.createdAt)}</span>
        </time>
      </td>
    </tr>
  );
}
