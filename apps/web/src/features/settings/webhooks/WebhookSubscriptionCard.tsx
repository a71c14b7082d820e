import type { WebhookSubscription } from '@whatrack/api-client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useToast } from '../../ui/useToast';
import type { WebhookMutations } from './useWebhookMutations';
import { WebhookDeliveryLog } from './WebhookDeliveryLog';
import { WEBHOOK_EVENT_LABELS } from './webhookEvents';

interface WebhookSubscriptionCardProps {
  subscription: WebhookSubscription;
  mutations: WebhookMutations;
  onRotate: (subscription: WebhookSubscription) => void;
  onDelete: (subscription: WebhookSubscription) => void;
}

/** One subscription: its URL, events and state, what can be done with it, and its delivery log on demand. */
export function WebhookSubscriptionCard({ subscription, mutations, onRotate, onDelete }: WebhookSubscriptionCardProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const logId = useId();
  const [showLog, setShowLog] = useState(false);
  const { setActive, sendTest } = mutations;
  const busy = (mutation: { isPending: boolean; variables?: unknown }) =>
    mutation.isPending &&
    (mutation.variables === subscription.id ||
      (mutation.variables as { id?: string } | undefined)?.id === subscription.id);
  const failed = [setActive, sendTest].find(
    (m) =>
      m.isError &&
      (m.variables === subscription.id || (m.variables as { id?: string } | undefined)?.id === subscription.id),
  );

  const test = () =>
    sendTest.mutate(subscription.id, {
      onSuccess: () => {
        setShowLog(true);
        toast.show({ tone: 'success', message: t('webhooks.testQueued') });
      },
    });

  return (
    <li className="webhook-subscription" data-testid="webhook-subscription">
      <div className="webhook-subscription-head">
        <code className="webhook-subscription-url cell-title">{subscription.url}</code>
        <span className="status-badge" data-status={subscription.active ? 'open' : 'paused'}>
          {subscription.active ? t('webhooks.active') : t('webhooks.paused')}
        </span>
      </div>
      <p className="muted small">{subscription.events.map((event) => t(WEBHOOK_EVENT_LABELS[event])).join(', ')}</p>
      {failed && <ErrorMessage error={failed.error} />}
      <div className="webhook-subscription-actions">
        <button type="button" className="btn btn-secondary btn-sm" onClick={test} disabled={busy(sendTest)}>
          {t('webhooks.sendTest')}
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          disabled={busy(setActive)}
          onClick={() => setActive.mutate({ id: subscription.id, active: !subscription.active })}
        >
          {subscription.active ? t('webhooks.pause') : t('webhooks.resume')}
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onRotate(subscription)}>
          {t('webhooks.rotateSecret')}
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onDelete(subscription)}>
          {t('webhooks.delete')}
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          aria-expanded={showLog}
          aria-controls={logId}
          onClick={() => setShowLog((shown) => !shown)}
        >
          {showLog ? t('webhooks.hideDeliveries') : t('webhooks.showDeliveries')}
        </button>
      </div>
      <div id={logId} hidden={!showLog}>
        {showLog && <WebhookDeliveryLog subscriptionId={subscription.id} />}
      </div>
    </li>
  );
}
