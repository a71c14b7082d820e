import type { TicketListItem } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import './queue.css';
import { useTypeLabel } from '../message-view/useTypeLabel';

type PreviewFields = Pick<
  TicketListItem,
  'lastMessageAt' | 'lastMessagePreview' | 'lastMessageType' | 'lastMessageDirection'
>;

/** Media are named by their type in the reader's language (the API's preview of them is always in pt-BR). */
const MEDIA_ICONS: Record<string, string> = {
  image: '📷',
  audio: '🎤',
  voice: '🎤',
  video: '🎥',
  document: '📄',
  sticker: '',
  location: '📍',
  contacts: '👤',
};

/** The conversation's last message on one line: "Você: " before the business's own, media as their type. */
export function LastMessagePreview({ ticket }: { ticket: PreviewFields }) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  if (!ticket.lastMessageAt) return <span className="queue-preview muted">{t('queue.preview.none')}</span>;
  const type = ticket.lastMessageType ?? '';
  const icon = MEDIA_ICONS[type];
  return (
    <span className="queue-preview">
      {ticket.lastMessageDirection === 'out' && <span className="queue-preview-you">{t('queue.preview.you')}</span>}
      {icon !== undefined ? (
        <>
          {icon && <span aria-hidden="true">{icon} </span>}
          {typeLabel(type)}
        </>
      ) : (
        (ticket.lastMessagePreview ?? typeLabel(type))
      )}
    </span>
  );
}
