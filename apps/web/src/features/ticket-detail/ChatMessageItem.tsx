import type { Message } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../organization/useOrganizationFormat';
import { FailedReply } from '../reply/FailedReply';
import { MessageStatus } from '../reply/MessageStatus';
import { useEnumLabels } from '../../i18n/useEnumLabels';
import { isSystemMessage, MessageContent } from '../message-view/MessageContent';
import { chatMessageElementId } from '../message-view/QuotedMessage';
import { ReactionChips } from '../message-view/ReactionChips';

interface ChatMessageItemProps {
  message: Message;
  conversationId: string;
  /** The ticket on screen: messages of the lead's other tickets are told apart. */
  ticketId: string;
}

/** One WhatsApp message of the chat, with its sender, time and (replies) delivery ticks. */
export function ChatMessageItem({ message, conversationId, ticketId }: ChatMessageItemProps) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { dateTime } = useOrganizationFormat();
  return (
    <li
      id={chatMessageElementId(message.id)}
      tabIndex={-1}
      className={isSystemMessage(message) ? 'chat-message chat-system' : 'chat-message'}
      data-direction={message.direction}
      data-status={message.status ?? undefined}
      data-other={message.ticketId !== ticketId || undefined}
    >
      <span className="visually-hidden">{labels.messageDirection(message.direction)}: </span>
      <MessageContent message={message} />
      <span className="chat-meta">
        {message.direction === 'out' && message.senderName && `${message.senderName} · `}
        {message.type === 'template' && `${t('ticket.messages.template')} · `}
        <time dateTime={message.sentAt}>{dateTime(message.sentAt)}</time>
        {message.ticketId !== ticketId && ` · ${t('ticket.messages.otherTicket')}`}
        {message.direction === 'out' && message.status && <MessageStatus status={message.status} />}
      </span>
      <ReactionChips reactions={message.reactions ?? []} />
      {message.direction === 'out' && message.status === 'failed' && (
        <FailedReply conversationId={conversationId} message={message} />
      )}
    </li>
  );
}
