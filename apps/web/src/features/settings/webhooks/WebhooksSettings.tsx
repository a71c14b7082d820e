import type { WebhookSubscription } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { QueryError } from '../../ui/QueryError';
import { SkeletonList } from '../../ui/Skeleton';
import { ManagersOnly } from '../ManagersOnly';
import { SettingsSection } from '../SettingsSection';
import { NewWebhookForm } from './NewWebhookForm';
import { useWebhookMutations } from './useWebhookMutations';
import { WebhookSecretNotice } from './WebhookSecretNotice';
import { WebhookSubscriptionCard } from './WebhookSubscriptionCard';
import { queryKeys } from '../../../api/query-keys';
import { useApiQuery } from '../../../api/useApiQuery';
import './webhooks.css';

/** Outbound webhooks: subscribe a URL to events (the secret shown once), pause, test, rotate, delete, see the log. */
export function WebhooksSettings() {
  return (
    <ManagersOnly>
      <WebhooksManager />
    </ManagersOnly>
  );
}

function WebhooksManager() {
  const { t } = useTranslation();
  const subscriptions = useApiQuery(queryKeys.webhookSubscriptions.all());
  const mutations = useWebhookMutations();
  const [secret, setSecret] = useState<{ url: string; secret: string } | null>(null);
  const [rotating, setRotating] = useState<WebhookSubscription | null>(null);
  const [deleting, setDeleting] = useState<WebhookSubscription | null>(null);

  return (
    <>
      <SettingsSection title={t('webhooks.newTitle')} description={t('webhooks.description')}>
        {secret && <WebhookSecretNotice url={secret.url} secret={secret.secret} onDismiss={() => setSecret(null)} />}
        <NewWebhookForm create={mutations.create} onCreated={(created) => setSecret(created)} />
      </SettingsSection>
      <SettingsSection title={t('webhooks.title')}>
        {subscriptions.isPending ? (
          <SkeletonList label={t('webhooks.loading')} rows={2} height={72} />
        ) : subscriptions.isError ? (
          <QueryError error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />
        ) : subscriptions.data.items.length === 0 ? (
          <EmptyState title={t('webhooks.empty')}>{t('webhooks.emptyHint')}</EmptyState>
        ) : (
          <ul className="webhook-subscriptions">
            {subscriptions.data.items.map((subscription) => (
              <WebhookSubscriptionCard
                key={subscription.id}
                subscription={subscription}
                mutations={mutations}
                onRotate={(s) => {
                  mutations.rotateSecret.reset();
                  setRotating(s);
                }}
                onDelete={(s) => {
                  mutations.remove.reset();
                  setDeleting(s);
                }}
              />
            ))}
          </ul>
        )}
      </SettingsSection>
      {rotating && (
        <ConfirmDialog
          title={t('webhooks.rotateTitle')}
          confirmLabel={t('webhooks.rotateSecret')}
          pending={mutations.rotateSecret.isPending}
          error={mutations.rotateSecret.error}
          onClose={() => setRotating(null)}
          onConfirm={() =>
            mutations.rotateSecret.mutate(rotating.id, {
              onSuccess: (rotated) => {
                setRotating(null);
                setSecret(rotated);
              },
            })
          }
        >
          <p>{t('webhooks.rotateBody')}</p>
        </ConfirmDialog>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('webhooks.deleteTitle', { url: deleting.url })}
          confirmLabel={t('webhooks.delete')}
          danger
          pending={mutations.remove.isPending}
          error={mutations.remove.error}
          onClose={() => setDeleting(null)}
          onConfirm={() => mutations.remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        >
          <p>{t('webhooks.deleteBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
