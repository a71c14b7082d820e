import type { Message } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useTypeLabel } from './useTypeLabel';

type Context = NonNullable<Message['context']>;

/** The id of a message's element in the chat, so a quote can scroll to it. */
export const chatMessageElementId = (id: string) => `chat-message-${id}`;

/** "Forwarded" and the quoted message above a reply; a click on the quote scrolls to it when it is loaded. */
export function QuotedMessage({ context }: { context: Context }) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const hasQuote = context.quotedMessageId || context.quotedProviderMessageId || context.quotedBody;
  const quote = (
    <>
      <span className="chat-quote-type">{typeLabel(context.quotedType)}</span>
      <span className="chat-quote-body">{context.quotedBody ?? ''}</span>
    </>
  );
  const jump = () => {
    const target = context.quotedMessageId && document.getElementById(chatMessageElementId(context.quotedMessageId));
    if (!target) return;
    target.scrollIntoView({ behavior: 'smooth', block: 'center' });
    target.focus({ preventScroll: true });
  };
  // A quote of a message we hold is a button (it scrolls there when that message is loaded); else plain text.
  const loaded = Boolean(context.quotedMessageId);
  return (
    <>
      {(context.forwarded || context.frequentlyForwarded) && (
        <span className="chat-forwarded">
          <span aria-hidden="true">↪ </span>
          {t(context.frequentlyForwarded ? 'chatMessage.frequentlyForwarded' : 'chatMessage.forwarded')}
        </span>
      )}
      {hasQuote &&
        (loaded ? (
          <button
            type="button"
            className="chat-quote"
            onClick={jump}
            aria-label={`${t('chatMessage.quotedJump')}: ${context.quotedBody ?? typeLabel(context.quotedType)}`}
          >
            {quote}
          </button>
        ) : (
          <blockquote className="chat-quote" title={t('chatMessage.quotedUnavailable')}>
            <span className="visually-hidden">{t('chatMessage.quoted')}: </span>
            {quote}
          </blockquote>
        ))}
    </>
  );
}
