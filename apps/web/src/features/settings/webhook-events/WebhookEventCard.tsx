import type { WebhookEvent } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useEnumLabels } from '../../../i18n/useEnumLabels';
import { useOrganizationFormat } from '../../organization/useOrganizationFormat';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Spinner } from '../../ui/Spinner';
import { useToast } from '../../ui/useToast';
import { isRetryable } from './webhookEventStatus';
import { useRetryWebhookEvent } from './useRetryWebhookEvent';

/** One received event: status, when and how often it was tried, why it failed, its body, and a retry. */
export function WebhookEventCard({ event, lineName }: { event: WebhookEvent; lineName: string | undefined }) {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { dateTime } = useOrganizationFormat();
  const toast = useToast();
  const retry = useRetryWebhookEvent();
  const received = dateTime(event.receivedAt);

  const onRetry = () => {
    if (retry.isPending) return;
    retry.mutate(event.id, {
      onSuccess: (result) =>
        toast.show({
          tone: 'success',
          message: t('webhookEvents.retried', { status: t(`webhookEvents.status.${result.status}`) }),
        }),
    });
  };

  return (
    <article className="webhook-event" aria-label={`${t(`webhookEvents.status.${event.status}`)} ${received}`}>
      <div className="webhook-event-head">
        <span className="badge webhook-status" data-status={event.status}>
          {t(`webhookEvents.status.${event.status}`)}
        </span>
        <span className="small">{labels.whatsappProvider(event.provider)}</span>
        {lineName && <span className="muted small">{lineName}</span>}
        {isRetryable(event.status) && (
          <button
            type="button"
            className="btn btn-secondary btn-sm webhook-event-retry"
            aria-disabled={retry.isPending || undefined}
            onClick={onRetry}
          >
            {retry.isPending && <Spinner />}
            <span>{retry.isPending ? t('webhookEvents.retrying') : t('webhookEvents.retry')}</span>
            <span className="visually-hidden"> {received}</span>
          </button>
        )}
      </div>
      <dl className="webhook-event-facts">
        <div>
          <dt>{t('webhookEvents.receivedAt')}</dt>
          <dd>{received}</dd>
        </div>
        <div>
          <dt>{t('webhookEvents.attempts')}</dt>
          <dd>{event.attempts}</dd>
        </div>
        {event.status === 'pending' && (
          <div>
            <dt>{t('webhookEvents.nextAttemptAt')}</dt>
            <dd>{dateTime(event.nextAttemptAt)}</dd>
          </div>
        )}
        {event.processedAt && (
          <div>
            <dt>{t('webhookEvents.processedAt')}</dt>
            <dd>{dateTime(event.processedAt)}</dd>
          </div>
        )}
      </dl>
      {event.lastError && (
        <p className="webhook-event-error">
          <strong>{t('webhookEvents.error')}:</strong> {event.lastError}
        </p>
      )}
      {event.rejections.length > 0 && (
        <div className="webhook-event-rejections">
          <p className="field-label">{t('webhookEvents.rejections')}</p>
          <ul>
            {event.rejections.map((rejection, index) => (
              <li key={`${rejection.providerMessageId ?? ''}:${index}`}>
                {t('webhookEvents.rejection', { code: rejection.code, reason: rejection.reason })}{' '}
                <span className="muted">{t('webhookEvents.rejectionAt', { at: dateTime(rejection.at) })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <details className="webhook-event-body">
        <summary>{t('webhookEvents.body')}</summary>
        <pre tabIndex={0} aria-label={t('webhookEvents.bodyLabel')}>
          {JSON.stringify(event.body, null, 2)}
        </pre>
      </details>
      {retry.error && <ErrorMessage error={retry.error} />}
    </article>
  );
}
