import { useTranslation } from 'react-i18next';
import { useOrganizationFormat } from '../../organization/useOrganizationFormat';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { QueryError } from '../../ui/QueryError';
import { ReadOnlyNote } from '../../ui/ReadOnlyNote';
import { SkeletonList } from '../../ui/Skeleton';
import { SettingsSection } from '../SettingsSection';
import type { useAdSpendMutations } from './useAdSpendMutations';
import { queryKeys } from '../../../api/query-keys';
import { useApiQuery } from '../../../api/useApiQuery';

type RemoveMutation = ReturnType<typeof useAdSpendMutations>['remove'];

/** The imported spend and its total; with `remove` (owners and admins) each row can be deleted. */
export function AdSpendList({ remove }: { remove?: RemoveMutation }) {
  const { t } = useTranslation();
  const { money, date } = useOrganizationFormat();
  const list = useApiQuery(queryKeys.adSpend.list({ pageSize: 100 }));

  return (
    <SettingsSection title={t('settings.adSpend.title')}>
      {!remove && <ReadOnlyNote>{t('settings.adSpend.readOnly')}</ReadOnlyNote>}
      {list.isPending ? (
        <SkeletonList label={t('app.loading')} rows={2} height={40} />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={t('settings.adSpend.empty')} />
      ) : (
        <>
          <p className="muted small">{t('settings.adSpend.total', { value: money(list.data.totalSpend) })}</p>
          {remove?.error && <ErrorMessage error={remove.error} />}
          <div className="table-wrap">
            <table className="table table-cards">
              <caption className="visually-hidden">{t('settings.adSpend.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settings.adSpend.date')}</th>
                  <th scope="col">{t('settings.adSpend.platform')}</th>
                  <th scope="col">{t('settings.adSpend.campaign')}</th>
                  <th scope="col">{t('settings.adSpend.spend')}</th>
                  {remove && (
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((item) => (
                  <tr key={item.id}>
                    <td data-label={t('settings.adSpend.date')}>{date(`${item.date}T12:00:00Z`)}</td>
                    <td data-label={t('settings.adSpend.platform')}>{item.platformName}</td>
                    <td data-label={t('settings.adSpend.campaign')}>
                      <span className="cell-title">{item.campaign}</span>
                    </td>
                    <td data-label={t('settings.adSpend.spend')}>{money(item.spend)}</td>
                    {remove && (
                      <td className="cell-actions">
                        <button
                          type="button"
                          className="btn btn-ghost btn-sm"
                          aria-disabled={remove.isPending || undefined}
                          onClick={() => !remove.isPending && remove.mutate(item.id)}
                        >
                          {t('settings.adSpend.delete')}
                          <span className="visually-hidden">
                            {' '}
                            {item.campaign} {item.date}
                          </span>
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </SettingsSection>
  );
}
