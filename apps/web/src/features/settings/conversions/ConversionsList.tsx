import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../../organization/useOrganizationFormat';
import { EmptyState } from '../../ui/EmptyState';
import { QueryError } from '../../ui/QueryError';
import { SkeletonList } from '../../ui/Skeleton';
import { SettingsSection } from '../SettingsSection';
import { queryKeys } from '../../../api/query-keys';
import { useApiQuery } from '../../../api/useApiQuery';
import { useEnumLabels } from '../../../i18n/useEnumLabels';

const STATUS_TONE = { pending: 'open', sent: 'open', failed: 'closed', skipped: 'closed' } as const;

/** The conversions queued for Meta and their delivery status. */
export function ConversionsList() {
  const { t } = useTranslation();
  const labels = useEnumLabels();
  const { money, dateTime } = useOrganizationFormat();
  const list = useApiQuery(queryKeys.conversions.list({ pageSize: 50 }));
  return (
    <SettingsSection title={t('settings.conversions.list.title')}>
      {list.isPending ? (
        <SkeletonList label={t('app.loading')} rows={2} height={40} />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('settings.conversions.list.empty')}>{t('settings.conversions.list.emptyHint')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards">
            <caption className="visually-hidden">{t('settings.conversions.list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.conversions.list.event')}</th>
                <th scope="col">{t('settings.conversions.list.time')}</th>
                <th scope="col">{t('settings.conversions.list.value')}</th>
                <th scope="col">{t('settings.conversions.list.status')}</th>
                <th scope="col">{t('settings.conversions.list.lastError')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id}>
                  <td data-label={t('settings.conversions.list.event')}>
                    <span className="cell-title">{item.eventName}</span>
                  </td>
                  <td data-label={t('settings.conversions.list.time')}>{dateTime(item.eventTime)}</td>
                  <td data-label={t('settings.conversions.list.value')}>
                    {item.value === null ? '—' : money(item.value)}
                  </td>
                  <td data-label={t('settings.conversions.list.status')}>
                    <span className="status-badge" data-status={STATUS_TONE[item.status]}>
                      {labels.conversionStatus(item.status)}
                      {item.status === 'pending' && item.attempts > 0
                        ? ` (${t('settings.conversions.list.attempts', { count: item.attempts })})`
                        : ''}
                    </span>
                  </td>
                  <td data-label={t('settings.conversions.list.lastError')}>{item.lastError ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SettingsSection>
  );
}
