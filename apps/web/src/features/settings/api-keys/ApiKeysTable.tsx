import type { ApiKey } from '@whatrack/api-client';
import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../../organization/useOrganizationFormat';
import { useApiKeyScopeName } from './useApiKeyScopeName';

export function ApiKeysTable({ keys, onRevoke }: { keys: readonly ApiKey[]; onRevoke: (key: ApiKey) => void }) {
  const { t } = useTranslation();
  const { dateTime } = useOrganizationFormat();
  const scopeName = useApiKeyScopeName();
  return (
    <div className="table-wrap">
      <table className="table table-cards">
        <caption className="visually-hidden">{t('settings.apiKeys.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.apiKeys.name')}</th>
            <th scope="col">{t('settings.apiKeys.prefix')}</th>
            <th scope="col">{t('settings.apiKeys.scope')}</th>
            <th scope="col">{t('settings.apiKeys.createdAt')}</th>
            <th scope="col">{t('settings.apiKeys.lastUsedAt')}</th>
            <th scope="col">{t('settings.apiKeys.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} data-revoked={key.revokedAt ? true : undefined}>
              <td data-label={t('settings.apiKeys.name')}>
                <span className="cell-title">{key.name}</span>
              </td>
              <td data-label={t('settings.apiKeys.prefix')}>
                <code>{key.prefix}…</code>
              </td>
              <td data-label={t('settings.apiKeys.scope')}>{scopeName(key.scopes)}</td>
              <td data-label={t('settings.apiKeys.createdAt')}>{dateTime(key.createdAt)}</td>
              <td data-label={t('settings.apiKeys.lastUsedAt')}>
                {key.lastUsedAt ? dateTime(key.lastUsedAt) : t('settings.apiKeys.never')}
              </td>
              <td data-label={t('settings.apiKeys.status')}>
                {key.revokedAt ? (
                  <span className="status-badge" data-status="closed">
                    {t('settings.apiKeys.revokedAt', { date: dateTime(key.revokedAt) })}
                  </span>
                ) : (
                  <span className="status-badge" data-status="open">
                    {t('settings.apiKeys.active')}
                  </span>
                )}
              </td>
              <td className="cell-actions">
                {!key.revokedAt && (
                  <button type="button" className="btn btn-ghost btn-sm" onClick={() => onRevoke(key)}>
                    {t('settings.apiKeys.revoke')}
                    <span className="visually-hidden"> {key.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
