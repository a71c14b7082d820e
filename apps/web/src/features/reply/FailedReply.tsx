import type { Message } from '@whatrack/api-client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../ui/Spinner';
import { useReplyErrorText } from './useReplyErrorText';
import { useRetryReply } from './useRetryReply';

interface FailedReplyProps {
  conversationId: string;
  message: Message;
}

/** Under a failed reply: why the provider refused it and a button to send it again (with the refusal, if any). */
export function FailedReply({ conversationId, message }: FailedReplyProps) {
  const { t } = useTranslation();
  const retry = useRetryReply(conversationId, message);
  const errorText = useReplyErrorText();
  const reasonId = useId();
  const reason = message.errorTitle?.trim();
  // Only replies written in the product can be sent again (the API refuses the others).
  const canRetry = message.senderUserId !== null;
  return (
    <div className="failed-reply">
      <p id={reasonId} className="failed-reply-reason">
        {reason ? t('ticket.messages.failedReason', { reason }) : t('ticket.messages.failedNoReason')}
        {message.errorCode && <span className="muted"> ({message.errorCode})</span>}
      </p>
      {canRetry && (
        <button
          type="button"
          className="btn btn-secondary btn-sm"
          aria-describedby={reasonId}
          aria-disabled={retry.isPending || undefined}
          onClick={() => {
            if (!retry.isPending) retry.mutate();
          }}
        >
          {retry.isPending && <Spinner />}
          {retry.isPending ? t('ticket.messages.retrying') : t('ticket.messages.retry')}
        </button>
      )}
      {retry.isError && (
        <p className="field-error" role="alert">
          {errorText(retry.error)}
        </p>
      )}
    </div>
  );
}
