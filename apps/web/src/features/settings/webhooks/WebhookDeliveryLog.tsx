import type { WebhookDelivery } from '@whatrack/api-client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { QueryError } from '../../ui/QueryError';
import { SkeletonList } from '../../ui/Skeleton';
import { useOrganizationFormat } from '../../organization/useOrganizationFormat';
import { queryKeys } from '../../../api/query-keys';
import { useApiQuery } from '../../../api/useApiQuery';
import { webhookEventLabelKey } from './webhookEvents';

/** While a delivery is still trying, the log refreshes itself this often. */
const PENDING_REFRESH_MS = 3_000;

/** A subscription's latest deliveries: event, status, attempts, the last answer or error, when. */
export function WebhookDeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const log = useApiQuery(queryKeys.webhookSubscriptions.deliveries(subscriptionId), {
    refetchInterval: (query) =>
      query.state.data?.items.some((d) => d.status === 'pending') ? PENDING_REFRESH_MS : false,
  });

  return (
    <section className="stack webhook-deliveries" aria-labelledby={headingId}>
      <div className="panel-head">
        <h3 id={headingId} className="small">
          {t('webhooks.deliveries')}
        </h3>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() => void log.refetch()}
          disabled={log.isFetching}
        >
          {t('webhooks.refresh')}
        </button>
      </div>
      {log.isPending ? (
        <SkeletonList label={t('webhooks.deliveriesLoading')} rows={2} height={40} />
      ) : log.isError ? (
        <QueryError error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.items.length === 0 ? (
        <EmptyState title={t('webhooks.deliveriesEmpty')} />
      ) : (
        <ul className="webhook-delivery-list">
          {log.data.items.map((delivery) => (
            <DeliveryItem key={delivery.id} delivery={delivery} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DeliveryItem({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  const { dateTime } = useOrganizationFormat();
  const labelKey = webhookEventLabelKey(delivery.eventType);
  const answer =
    delivery.lastStatusCode !== null
      ? t('webhooks.lastStatus', { status: delivery.lastStatusCode })
      : delivery.attempts > 0
        ? t('webhooks.noAnswer')
        : null;
  return (
    <li className="webhook-delivery" data-testid="webhook-delivery">
      <div className="webhook-delivery-head">
        <span className="cell-title">{labelKey ? t(labelKey) : delivery.eventType}</span>
        <span className="status-badge" data-status={delivery.status}>
          {t(`webhooks.status.${delivery.status}`)}
        </span>
      </div>
      <p className="muted small">
        {[
          dateTime(delivery.lastAttemptAt ?? delivery.createdAt),
          t('webhooks.attempts', { count: delivery.attempts }),
          answer,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {delivery.lastError && <p className="small webhook-delivery-error">{delivery.lastError}</p>}
      {delivery.nextAttemptAt && delivery.attempts > 0 && (
        <p className="muted small">{t('webhooks.nextAttempt', { date: dateTime(delivery.nextAttemptAt) })}</p>
      )}
    </li>
  );
}
