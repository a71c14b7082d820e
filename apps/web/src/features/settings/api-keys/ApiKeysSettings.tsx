import type { ApiKey, CreatedApiKey } from '@whatrack/api-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { QueryError } from '../../ui/QueryError';
import { SkeletonList } from '../../ui/Skeleton';
import { ManagersOnly } from '../ManagersOnly';
import { SettingsSection } from '../SettingsSection';
import { ApiKeysTable } from './ApiKeysTable';
import { CreatedKeyNotice } from './CreatedKeyNotice';
import { NewApiKeyForm } from './NewApiKeyForm';
import { useApiKeyMutations } from './useApiKeyMutations';
import { queryKeys } from '../../../api/query-keys';
import { useApiQuery } from '../../../api/useApiQuery';

/** Keys for integrations (X-API-Key): create one (shown once), see when it was used, revoke it. */
export function ApiKeysSettings() {
  return (
    <ManagersOnly>
      <ApiKeysManager />
    </ManagersOnly>
  );
}

function ApiKeysManager() {
  const { t } = useTranslation();
  const keys = useApiQuery(queryKeys.apiKeys());
  const mutations = useApiKeyMutations();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  return (
    <>
      <SettingsSection title={t('settings.apiKeys.newTitle')} description={t('settings.apiKeys.description')}>
        {created && <CreatedKeyNotice apiKey={created} onDismiss={() => setCreated(null)} />}
        <NewApiKeyForm create={mutations.create} onCreated={setCreated} />
      </SettingsSection>
      <SettingsSection title={t('settings.apiKeys.title')}>
        {keys.isPending ? (
          <SkeletonList label={t('settings.apiKeys.loading')} rows={2} height={48} />
        ) : keys.isError ? (
          <QueryError error={keys.error} onRetry={() => void keys.refetch()} />
        ) : keys.data.items.length === 0 ? (
          <EmptyState title={t('settings.apiKeys.empty')}>{t('settings.apiKeys.emptyHint')}</EmptyState>
        ) : (
          <ApiKeysTable
            keys={keys.data.items}
            onRevoke={(key) => {
              mutations.revoke.reset();
              setRevoking(key);
            }}
          />
        )}
      </SettingsSection>
      {revoking && (
        <ConfirmDialog
          title={t('settings.apiKeys.revokeTitle', { name: revoking.name })}
          confirmLabel={t('settings.apiKeys.revoke')}
          danger
          pending={mutations.revoke.isPending}
          error={mutations.revoke.error}
          onClose={() => setRevoking(null)}
          onConfirm={() => mutations.revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        >
          <p>{t('settings.apiKeys.revokeBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
