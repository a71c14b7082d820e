import type { Message } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';

type Interactive = NonNullable<NonNullable<Message['content']>['interactive']>;

/** What the lead chose on a button or list, or what they filled in a WhatsApp Flow (as a key/value list). */
export function InteractiveReply({ interactive }: { interactive: Interactive }) {
  const { t } = useTranslation();
  // flow_token is WhatsApp's bookkeeping, not an answer of the lead.
  const answers = Object.entries(interactive.response ?? {}).filter(([key]) => key !== 'flow_token');
  return (
    <div className="chat-card">
      {interactive.title && <strong>{t('chatMessage.interactive.chose', { title: interactive.title })}</strong>}
      {interactive.description && <p className="small">{interactive.description}</p>}
      {interactive.kind === 'flow_reply' && (
        <>
          <p className="muted small">{t('chatMessage.interactive.flow')}</p>
          {answers.length === 0 ? (
            <p className="muted small">{t('chatMessage.interactive.noAnswer')}</p>
          ) : (
            <dl className="chat-answers">
              {answers.map(([key, value]) => (
                <div key={key} className="facts-row">
                  <dt>{key}</dt>
                  <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
    </div>
  );
}
