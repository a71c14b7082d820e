import { useDraggable } from '@dnd-kit/core';
import type { TicketListItem } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatAge } from '../../lib/relativeTime';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { LastMessagePreview } from '../queue/LastMessagePreview';
import { UnreadBadge } from '../queue/UnreadBadge';
import { WaitingSince } from '../queue/WaitingSince';
import { PlatformBadge } from '../tickets/PlatformBadge';
import { useEnumLabels } from '../../i18n/useEnumLabels';

interface KanbanCardProps {
  ticket: TicketListItem;
  /** The copy that follows the pointer while dragging (not draggable itself). */
  overlay?: boolean;
}

/** A ticket on the board: drag it anywhere with the mouse (or long-press), or with the keyboard from its handle. */
export function KanbanCard({ ticket, overlay }: KanbanCardProps) {
  const { t, i18n } = useTranslation();
  const labels = useEnumLabels();
  const { money, dateTime } = useOrganizationFormat();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: ticket.id,
    data: { ticket },
    disabled: overlay,
  });
  const lead = ticket.leadName || t('tickets.noName');
  return (
    <article
      ref={setNodeRef}
      className="kanban-card"
      data-dragging={isDragging || undefined}
      data-overlay={overlay || undefined}
      data-testid="kanban-card"
      {...(overlay ? {} : listeners)}
    >
      <div className="kanban-card-top">
        <Link
          className="kanban-card-title"
          to={`/dashboard/tickets/${ticket.id}`}
          tabIndex={overlay ? -1 : undefined}
          draggable={false}
        >
          {lead}
        </Link>
        <UnreadBadge count={ticket.unreadCount} />
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="drag-handle"
          aria-label={t('kanban.dragHandle', { lead })}
          {...(overlay ? { tabIndex: -1 } : attributes)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="icon">
            <path d="M9 6h.01M15 6h.01M9 12h.01M15 12h.01M9 18h.01M15 18h.01" strokeWidth="3" />
          </svg>
        </button>
      </div>
      <LastMessagePreview ticket={ticket} />
      <WaitingSince since={ticket.waitingSince} />
      <div className="kanban-card-meta">
        <span className="kanban-card-value">{money(ticket.dealValue)}</span>
        {ticket.platform ? (
          <PlatformBadge platform={ticket.platform} />
        ) : (
          <span className="badge">{labels.ticketSourceType(ticket.sourceType)}</span>
        )}
      </div>
      <div className="kanban-card-foot muted small">
        <time dateTime={ticket.createdAt} title={dateTime(ticket.createdAt)}>
          {formatAge(ticket.createdAt, undefined, i18n.resolvedLanguage)}
        </time>
        {ticket.assigneeName && <span>{ticket.assigneeName}</span>}
      </div>
    </article>
  );
}
