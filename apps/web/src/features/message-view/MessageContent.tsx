import type { Message } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { ContactsCard } from './ContactsCard';
import { InteractiveReply } from './InteractiveReply';
import { LocationCard } from './LocationCard';
import { MessageMedia } from './MessageMedia';
import { OrderSummary } from './OrderSummary';
import { QuotedMessage } from './QuotedMessage';
import { SystemLine } from './SystemLine';
import { mediaKind } from './mediaKind';

/** Whether a message is a WhatsApp notice, shown as a centered line instead of a bubble. */
export const isSystemMessage = (message: Pick<Message, 'type' | 'content'>) =>
  message.type === 'system' || Boolean(message.content?.system);

/**
 * What an agent sees of one message, whatever its kind: media, location, contacts, a choice, an order, a quote,
 * a notice. A message deleted for everyone shows only that it was deleted (its content stays for the record).
 */
export function MessageContent({ message }: { message: Message }) {
  const { t } = useTranslation();
  if (message.deletedAt) return <p className="chat-body chat-deleted">{t('chatMessage.deleted')}</p>;
  if (isSystemMessage(message)) return <SystemLine message={message} />;
  const content = message.content;
  const kind = mediaKind(message);
  // body is the human summary (caption, text, location name): shown as text unless a card already says it.
  const card = content?.location ?? content?.contacts?.length ?? content?.interactive ?? content?.order;
  const text = content?.caption ?? (card ? null : message.body);
  const unsupported = message.type === 'unsupported' || content?.unsupported;
  const reason = content?.unsupported?.reason;
  return (
    <>
      {message.context && <QuotedMessage context={message.context} />}
      {kind && message.media && <MessageMedia messageId={message.id} kind={kind} media={message.media} />}
      {content?.location && <LocationCard location={content.location} />}
      {content?.contacts && content.contacts.length > 0 && <ContactsCard contacts={content.contacts} />}
      {content?.interactive && <InteractiveReply interactive={content.interactive} />}
      {content?.order && <OrderSummary order={content.order} />}
      {unsupported ? (
        <p className="chat-body muted" title={reason ?? undefined}>
          {t('chatMessage.unsupported')}
        </p>
      ) : text ? (
        <p className="chat-body">{text}</p>
      ) : (
        !card &&
        !message.media && <p className="chat-body muted">{t('ticket.messages.media', { type: message.type })}</p>
      )}
    </>
  );
}
