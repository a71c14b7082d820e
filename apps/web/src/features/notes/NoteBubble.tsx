import type { TicketNote } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';

interface NoteBubbleProps {
  note: TicketNote;
  /** The signed-in user wrote it, or may delete anyone's (owners and admins). */
  canDelete: boolean;
  onDelete: (note: TicketNote) => void;
}

/**
 * An internal note in the chat: across the thread, in yellow, under a lock and "Internal note · author", with no
 * delivery ticks, so nobody takes it for a message the lead received.
 */
export function NoteBubble({ note, canDelete, onDelete }: NoteBubbleProps) {
  const { t } = useTranslation();
  const { dateTime } = useOrganizationFormat();
  return (
    <li tabIndex={-1} className="chat-note" data-kind="note">
      <span className="chat-note-label">
        <svg className="icon chat-note-lock" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <rect x="5" y="11" width="14" height="10" rx="2" />
          <path d="M8 11V7a4 4 0 0 1 8 0v4" />
        </svg>
        {t('notes.label', { author: note.authorName })}
      </span>
      <p className="chat-body">{note.text}</p>
      <span className="chat-meta">
        <span className="visually-hidden">{t('notes.notSent')} · </span>
        <time dateTime={note.createdAt}>{dateTime(note.createdAt)}</time>
        {canDelete && (
          <button
            type="button"
            className="btn btn-ghost btn-sm chat-note-delete"
            aria-label={t('notes.deleteLabel', { author: note.authorName })}
            onClick={() => onDelete(note)}
          >
            {t('common.delete')}
          </button>
        )}
      </span>
    </li>
  );
}
