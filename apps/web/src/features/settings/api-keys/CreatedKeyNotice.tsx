import type { CreatedApiKey } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/CopyButton';
import { useApiKeyScopeName } from './useApiKeyScopeName';

/** The new key, shown this one time only, with a copy button. */
export function CreatedKeyNotice({ apiKey, onDismiss }: { apiKey: CreatedApiKey; onDismiss: () => void }) {
  const { t } = useTranslation();
  const scopeName = useApiKeyScopeName();
  return (
    <div className="alert alert-success created-key" role="status">
      <p>
        <strong>{t('settings.apiKeys.createdTitle', { name: apiKey.name })}</strong>
      </p>
      <p>{t('settings.apiKeys.createdBody')}</p>
      <p data-testid="created-api-key-scope">
        {t('settings.apiKeys.createdScope', { scope: scopeName(apiKey.scopes) })}
      </p>
      <div className="webhook-row">
        <code className="webhook-url" data-testid="created-api-key">
          {apiKey.key}
        </code>
        <CopyButton text={apiKey.key} what={t('settings.apiKeys.keyOf', { name: apiKey.name })} />
      </div>
      <button type="button" className="btn btn-ghost btn-sm" onClick={onDismiss}>
        {t('settings.apiKeys.savedIt')}
      </button>
    </div>
  );
}
